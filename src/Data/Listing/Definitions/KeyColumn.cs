namespace Admin.Data.Listing.Definitions;

/// <summary>One column of an ordering key. Key columns must be NOT NULL so a key compares as a whole.</summary>
public sealed record KeyColumn(string Column, Type Type, bool Descending)
{
    public static KeyColumn Asc<TValue>(string column) => new(column, typeof(TValue), false);
    public static KeyColumn Desc<TValue>(string column) => new(column, typeof(TValue), true);
}
