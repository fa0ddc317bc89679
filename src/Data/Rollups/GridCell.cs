using System.Globalization;

namespace Admin.Data.Rollups;

/// <summary>
/// A 0.25-degree latitude/longitude bin (about 28 x 25 km in South Africa): small enough to show a town's outbreak,
/// large enough that a cell's counts are not a handful of people. Row/column are floor(coordinate / size), as in the SQL.
/// </summary>
public readonly record struct GridCell(int Row, int Column)
{
    /// <summary>Changing it means a full rebuild (<c>rollups --rebuild</c>): the bins are stored.</summary>
    public const double SizeDegrees = 0.25;

    /// <summary>SQL text of the bin expressions, so the refresh and this type agree.</summary>
    internal const string RowSql = "floor(latitude / 0.25)::int";
    internal const string ColumnSql = "floor(longitude / 0.25)::int";

    public static GridCell Of(double latitude, double longitude) =>
        new((int)Math.Floor(latitude / SizeDegrees), (int)Math.Floor(longitude / SizeDegrees));

    public double South => Row * SizeDegrees;
    public double North => South + SizeDegrees;
    public double West => Column * SizeDegrees;
    public double East => West + SizeDegrees;
    public double CenterLatitude => South + SizeDegrees / 2;
    public double CenterLongitude => West + SizeDegrees / 2;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Math.Abs(CenterLatitude):0.000}°{(CenterLatitude < 0 ? 'S' : 'N')} {Math.Abs(CenterLongitude):0.000}°{(CenterLongitude < 0 ? 'W' : 'E')}");
}
