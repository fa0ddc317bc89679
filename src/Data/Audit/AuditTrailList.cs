using System.Globalization;
using Admin.Data.Listing;
using Admin.Data.Listing.Definitions;
using Admin.Data.Persistence.Configurations;

namespace Admin.Data.Audit;

/// <summary>
/// The audit trail as a list: it grows like the records do, so it is served the same way (keyset on (at, id), newest
/// first) by the indexes of <see cref="AuditEntryConfiguration"/>. Admins only: it is not one of the record lists.
/// </summary>
public static class AuditTrailList
{
    public const string Slug = "audit";

    private static readonly KeyColumn[] Newest = [KeyColumn.Desc<DateTimeOffset>("at"), KeyColumn.Desc<long>("id")];

    public static readonly TableDefinition<AuditEntry> Definition = new()
    {
        Table = AuditEntryConfiguration.Table,
        Slug = Slug,
        Title = "Audit trail",
        Noun = ("entry", "entries"),
        IdOf = x => x.Id.ToString(CultureInfo.InvariantCulture),
        ParseId = s => long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null,
        Columns =
        [
            ColumnDefinition<AuditEntry>.Time("at", "When", x => x.At, "d MMM yyyy HH:mm:ss") with { Width = "11rem" },
            new("actor_name", "Who", x => x.ActorName) { Width = "9rem" },
            new("action", "Action", x => x.Action) { Width = "8rem" },
            new("table_name", "Table", x => x.TableName ?? "") { Width = "9rem" },
            new("record_id", "Record", x => x.RecordId ?? "") { Width = "17rem" },
            new("query", "Filter / search", x => x.Query is null ? "" : Uri.UnescapeDataString(x.Query)),
            new("rows", "Rows", x => x.Rows?.ToString("N0", CultureInfo.InvariantCulture) ?? "") { Width = "6rem" },
            new("client_address", "From", x => x.ClientAddress ?? "") { Width = "8rem" },
        ],
        Orderings =
        [
            new("newest", "Newest first", Newest, x => [x.At, x.Id], x => When(x.At)) { PositionAt = x => x.At },
            new("oldest", "Oldest first", [KeyColumn.Asc<DateTimeOffset>("at"), KeyColumn.Asc<long>("id")], x => [x.At, x.Id], x => When(x.At)) { PositionAt = x => x.At },
        ],
        Filters =
        [
            FilterDefinition.Choice("action", "Action", "action", AuditActions.All.Select(a => new FilterChoice(a, a)).ToList()),
            FilterDefinition.DateRange("date", "Date", "at"),
        ],
        FilterCombinations = [["action"]],
        Searches =
        [
            // Exact names: the person is whoever the entry names (kept even if the account is renamed or removed).
            new("actor", "Who (user name)", "A user name exactly as logged, e.g. analyst", "actor_name", SearchIndex.BtreeThenOrdering,
                t => new SqlPredicate("\"actor_name\" = {0}", [t.Trim()])),
            new("record", "Record id", "The id of a record, user or key, as the trail shows it", "record_id", SearchIndex.BtreeThenOrdering,
                t => new SqlPredicate("\"record_id\" = {0}", [t.Trim()])),
        ],
    };

    private static string When(DateTimeOffset t) => t.UtcDateTime.ToString("d MMM yyyy HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
