using Admin.Data.Listing.Definitions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Admin.Data.Listing;

/// <summary>
/// Every list the app offers, as registered by <see cref="TableRegistryExtensions"/> (the engine knows no concrete
/// list). The record lists are what /records/{slug} opens, by URL slug, and what the navigation shows; the others (the
/// audit trail) have pages of their own with their own policy, and are here so that the startup index check covers them too.
/// </summary>
public sealed class TableRegistry(IEnumerable<TableRegistration> registrations)
{
    private readonly TableRegistration[] _all = registrations.OrderBy(r => r.IsRecordList ? 0 : 1).ToArray();

    /// <summary>Every list, record lists first: what the index check and the admin overview go through.</summary>
    public IEnumerable<ITableDefinition> All => _all.Select(t => t.Definition);

    /// <summary>The record lists, in registration order, open to every role that may see records.</summary>
    public IEnumerable<ITableDefinition> Records => _all.Where(t => t.IsRecordList).Select(t => t.Definition);

    /// <summary>A record list by slug; never one of the other lists, whatever the slug.</summary>
    public ITableDefinition? Find(string slug) =>
        Records.FirstOrDefault(d => string.Equals(d.Slug, slug, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One list in the registry.</summary>
public sealed record TableRegistration(ITableDefinition Definition, bool IsRecordList);

public static class TableRegistryExtensions
{
    /// <summary>A list opened at /records/{slug}, in the navigation, exportable.</summary>
    public static IServiceCollection AddRecordList<T>(this IServiceCollection services, TableDefinition<T> definition) where T : class =>
        services.AddList(definition, isRecordList: true);

    /// <summary>A list with a page of its own (index-checked, not under /records).</summary>
    public static IServiceCollection AddList<T>(this IServiceCollection services, TableDefinition<T> definition, bool isRecordList = false) where T : class
    {
        services.AddSingleton(new TableRegistration(definition, isRecordList));
        services.TryAddSingleton<TableRegistry>();
        return services;
    }
}
