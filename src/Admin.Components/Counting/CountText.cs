using System.Globalization;

namespace Admin.Components.Counting;

/// <summary>How counts read in the UI: exact ones in full, estimates rounded and marked "about".</summary>
public static class CountText
{
    public static string Exact(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    public static string About(long n) => "about " + Short(n);

    // Thresholds sit where rounding would reach the next unit, so 999,960 reads "1.0M", never "1000k".
    public static string Short(long n) => n switch
    {
        < 1_000 => n.ToString(CultureInfo.InvariantCulture),
        < 999_500 => (n / 1_000d).ToString(n < 9_950 ? "0.0" : "0", CultureInfo.InvariantCulture) + "k",
        < 999_950_000 => (n / 1_000_000d).ToString("0.0", CultureInfo.InvariantCulture) + "M",
        _ => (n / 1_000_000_000d).ToString("0.0", CultureInfo.InvariantCulture) + "B",
    };

    public static string Bytes(long b) => b switch
    {
        < 1L << 20 => (b / 1024d).ToString("0", CultureInfo.InvariantCulture) + " KB",
        < 1L << 30 => (b / (double)(1L << 20)).ToString("0", CultureInfo.InvariantCulture) + " MB",
        _ => (b / (double)(1L << 30)).ToString("0.0", CultureInfo.InvariantCulture) + " GB",
    };
}
