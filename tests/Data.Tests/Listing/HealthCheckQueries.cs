using Admin.Data.Entities;
using Admin.Data.Listing;

namespace Admin.Data.Tests.Listing;

/// <summary>A HealthChecks list request from URL-style parameters, through the same parser the UI uses.</summary>
internal static class HealthCheckQueries
{
    public static ListQuery<HealthCheck> Parse(params (string Name, string? Value)[] parameters) =>
        ListQueryParser.Parse(HealthCheckList.Definition, parameters.Select(p => new KeyValuePair<string, string?>(p.Name, p.Value)));
}
