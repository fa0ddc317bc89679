using System.Globalization;

namespace Admin.Testing;

/// <summary>
/// Prometheus's text format, read into series and values: "name{labels} value [timestamp]" per line, comments starting
/// with '#'. For the observability tests and the load harness's reading of the app's GC. Plain names only, so the load
/// harness links this file without taking the test library with it.
/// </summary>
public static class PrometheusText
{
    /// <summary>Each series (the name with its labels, as written) and its value; lines that are not a sample are skipped.</summary>
    public static Dictionary<string, double> Parse(string text)
    {
        var result = new Dictionary<string, double>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            var cut = line.LastIndexOf('}') is var brace and >= 0 ? line.IndexOf(' ', brace) : line.IndexOf(' ');
            if (cut < 0) continue;
            var value = line[(cut + 1)..].Split(' ')[0];
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)) result[line[..cut]] = v;
        }
        return result;
    }

    /// <summary>The series of one metric: its bare name, or the name followed by its labels.</summary>
    public static IEnumerable<KeyValuePair<string, double>> Of(this Dictionary<string, double> series, string metric) =>
        series.Where(kv => kv.Key == metric || kv.Key.StartsWith(metric + "{", StringComparison.Ordinal));
}
