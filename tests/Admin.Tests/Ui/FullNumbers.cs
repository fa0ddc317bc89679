using System.Text.RegularExpressions;

namespace Admin.Tests.Ui;

/// <summary>
/// A full South African mobile number in any common form: +27 82 123 4567, 27821234567, 0027..., 082-123-4567,
/// 0821234567 (a mobile prefix and all nine digits). 080 is left out: it is the free-call range, which no operator gives
/// a subscriber, and the one place a complete number is meant to appear (the API document's example) uses it.
/// </summary>
public static partial class FullNumbers
{
    [GeneratedRegex(@"(?<![\w+])(?:\+27|0027|27|0)[\s\-]?(?:[67]\d|8[1-9])(?:[\s\-]?\d){7}(?![\w])")]
    public static partial Regex Pattern();

    public static void AssertNone(string text, string where = "")
    {
        var found = Pattern().Match(text);
        Assert.False(found.Success, $"a full mobile number '{found.Value}' {where}in: …{(found.Success ? text.Substring(Math.Max(0, found.Index - 80), Math.Min(200, text.Length - Math.Max(0, found.Index - 80))) : "")}…");
    }
}
