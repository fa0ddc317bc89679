using Admin.Data.Audit;
using Admin.Data.Entities;
using Admin.Data.Listing.Definitions;

namespace Admin.Data.Listing;

/// <summary>
/// Every list the app offers, with its row type (the UI instantiates the generic grid with it). The record lists are
/// what /records/{slug} opens, by URL slug; the others (the audit trail) have pages of their own with their own
/// policy, and are here so that the startup index check covers them too.
/// </summary>
public sealed class TableRegistry
{
    public static readonly TableRegistry Default = new(
        records:
        [
            (typeof(HealthCheck), HealthCheckList.Definition),
            (typeof(VaccineRegistration), VaccineRegistrationList.Definition),
        ],
        others: [(typeof(AuditEntry), AuditTrailList.Definition)]);

    private readonly (Type RowType, ITableDefinition Definition)[] _records;
    private readonly (Type RowType, ITableDefinition Definition)[] _others;

    public TableRegistry(IEnumerable<(Type RowType, ITableDefinition Definition)> records, IEnumerable<(Type RowType, ITableDefinition Definition)>? others = null)
    {
        _records = records.ToArray();
        _others = others?.ToArray() ?? [];
    }

    /// <summary>Every list, record lists first: what the index check and the admin overview go through.</summary>
    public IEnumerable<ITableDefinition> All => _records.Concat(_others).Select(t => t.Definition);

    /// <summary>The record lists (HealthChecks, vaccine registrations), open to every role that may see records.</summary>
    public IEnumerable<ITableDefinition> Records => _records.Select(t => t.Definition);

    /// <summary>A record list by slug; never one of the other lists, whatever the slug.</summary>
    public (Type RowType, ITableDefinition Definition)? Find(string slug) =>
        _records.FirstOrDefault(t => string.Equals(t.Definition.Slug, slug, StringComparison.OrdinalIgnoreCase)) is { Definition: not null } hit ? hit : null;
}
