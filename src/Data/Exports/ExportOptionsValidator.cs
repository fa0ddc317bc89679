using Microsoft.Extensions.Options;

namespace Admin.Data.Exports;

/// <summary>Refuses settings that would make exports misbehave, with the setting's name.</summary>
public sealed class ExportOptionsValidator : IValidateOptions<ExportOptions>
{
    public ValidateOptionsResult Validate(string? name, ExportOptions o)
    {
        var errors = new List<string>();
        if (o.DirectDownloadMaxRows < 0) errors.Add("Exports:DirectDownloadMaxRows must be zero or more.");
        if (o.StatementTimeout <= TimeSpan.Zero) errors.Add("Exports:StatementTimeout must be positive (it replaces the app's statement limit for exports).");
        if (o.MaxConcurrentJobs is < 1 or > 16) errors.Add("Exports:MaxConcurrentJobs must be from 1 to 16.");
        if (o.Parallelism is < 1 or > 16) errors.Add("Exports:Parallelism must be from 1 to 16.");
        if (o.ReadBufferSize is < 8 * 1024 or > 64 * 1024 * 1024) errors.Add("Exports:ReadBufferSize must be from 8 KB to 64 MB (bytes).");
        if (o.Retention <= TimeSpan.Zero) errors.Add("Exports:Retention must be positive.");
        if (o.ProgressInterval <= TimeSpan.Zero || o.PollInterval <= TimeSpan.Zero || o.HousekeepingInterval <= TimeSpan.Zero)
            errors.Add("Exports:ProgressInterval, PollInterval and HousekeepingInterval must be positive.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
