using Microsoft.Extensions.Options;

namespace Admin.Data.Hotspots;

/// <summary>Fails start-up with every problem in the "Hotspots" section named, not just the first.</summary>
internal sealed class HotspotOptionsValidator : IValidateOptions<HotspotOptions>
{
    public ValidateOptionsResult Validate(string? name, HotspotOptions options)
    {
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
