using Microsoft.Extensions.Options;

namespace Admin.Data.Time;

/// <summary>Fails start-up on a time zone this machine does not know, naming the setting and the value.</summary>
internal sealed class DisplayOptionsValidator : IValidateOptions<DisplayOptions>
{
    public ValidateOptionsResult Validate(string? name, DisplayOptions options) =>
        DisplayTimeZone.TryFind(options.TimeZone, out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{DisplayOptions.Section}:{nameof(DisplayOptions.TimeZone)} '{options.TimeZone}' is not a time zone this machine knows. " +
                $"Use an IANA id such as {DisplayTimeZone.DefaultId}, Europe/London or UTC (the list is in /usr/share/zoneinfo).");
}
