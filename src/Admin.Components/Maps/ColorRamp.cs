using System.Globalization;

namespace Admin.Components.Maps;

/// <summary>Evenly spaced colour stops, linearly interpolated in sRGB: at t = 0 the first stop, at t = 1 the last.</summary>
public sealed class ColorRamp
{
    private readonly (byte R, byte G, byte B)[] _stops;

    public ColorRamp(params string[] hexStops)
    {
        if (hexStops.Length < 2) throw new ArgumentException("A ramp needs at least two colours.", nameof(hexStops));
        _stops = hexStops.Select(Parse).ToArray();
    }

    /// <summary>ColorBrewer YlOrRd: more is worse (counts, shares).</summary>
    public static ColorRamp YellowOrangeRed { get; } = new("#ffffcc", "#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#b10026");

    /// <summary>ColorBrewer Purples: a second sequential ramp, for a layer drawn over a YlOrRd one.</summary>
    public static ColorRamp Purples { get; } = new("#fcfbfd", "#dadaeb", "#bcbddc", "#9e9ac8", "#807dba", "#6a51a3", "#4a1486");

    /// <summary>ColorBrewer RdBu reversed: blue below a midpoint, white at it, red above (change against a baseline).</summary>
    public static ColorRamp BlueWhiteRed { get; } = new("#2166ac", "#67a9cf", "#d1e5f0", "#f7f7f7", "#fddbc7", "#ef8a62", "#b2182b");

    public string At(double t)
    {
        if (double.IsNaN(t)) t = 0;
        t = Math.Clamp(t, 0, 1) * (_stops.Length - 1);
        var i = Math.Min((int)t, _stops.Length - 2);
        var f = t - i;
        var (a, b) = (_stops[i], _stops[i + 1]);
        return string.Create(CultureInfo.InvariantCulture,
            $"#{Lerp(a.R, b.R, f):x2}{Lerp(a.G, b.G, f):x2}{Lerp(a.B, b.B, f):x2}");
    }

    private static int Lerp(byte a, byte b, double f) => (int)Math.Round(a + (b - a) * f);

    private static (byte, byte, byte) Parse(string hex)
    {
        var h = hex.TrimStart('#');
        if (h.Length != 6) throw new FormatException($"'{hex}' is not a #rrggbb colour.");
        return (Convert.ToByte(h[..2], 16), Convert.ToByte(h[2..4], 16), Convert.ToByte(h[4..], 16));
    }
}
