using Admin.Data.Entities;
using Admin.Data.Listing.Definitions;

namespace Admin.Data.Listing;

/// <summary>Every list the app offers, by URL slug, with its row type (the UI instantiates the generic grid with it).</summary>
public sealed class TableRegistry
{
    public static readonly TableRegistry Default = new(
        (typeof(HealthCheck), HealthCheckList.Definition),
        (typeof(VaccineRegistration), VaccineRegistrationList.Definition));

    private readonly (Type RowType, ITableDefinition Definition)[] _tables;

    public TableRegistry(params (Type RowType, ITableDefinition Definition)[] tables) => _tables = tables;

    public IEnumerable<ITableDefinition> All => _tables.Select(t => t.Definition);

    public (Type RowType, ITableDefinition Definition)? Find(string slug) =>
        _tables.FirstOrDefault(t => string.Equals(t.Definition.Slug, slug, StringComparison.OrdinalIgnoreCase)) is { Definition: not null } hit ? hit : null;
}
