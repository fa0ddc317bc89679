using System.Globalization;

namespace Admin.Components.Counting;

/// <summary>How counts read in the UI: exact ones in full, estimates rounded and marked "about".</summary>
public static class CountText
{
    public static string Exact(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    public static string About(long n) => "about " + Short(n);

    public static string Short(long n) => n switch
    {
        < 1_000 => n.ToString(CultureInfo.InvariantCulture),
        < 1_000_000 => (n / 1_000d).ToString(n < 10_000 ? "0.0" : "0", CultureInfo.InvariantCulture) + "k",
        < 1_000_000_000 => (n / 1_000_000d).ToString("0.0", CultureInfo.InvariantCulture) + "M",
        _ => (n / 1_000_000_000d).ToString("0.0", CultureInfo.InvariantCulture) + "B",
    };

    public static string Bytes(long b) => b switch
    {
        < 1L << 20 => (b / 1024d).ToString("0", CultureInfo.InvariantCulture) + " KB",
        < 1L << 30 => (b / (double)(1L << 20)).ToString("0", CultureInfo.InvariantCulture) + " MB",
        _ => (b / (double)(1L << 30)).ToString("0.0", CultureInfo.InvariantCulture) + " GB",
    };
}
