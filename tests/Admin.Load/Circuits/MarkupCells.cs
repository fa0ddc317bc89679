using System.Net;
using Admin.Load.Rendering;

namespace Admin.Load.Circuits;

/// <summary>
/// The cells of a row rendered as one markup string (the keyset grid's "&lt;td&gt;text&lt;/td&gt;…"): each td's text,
/// tags stripped, entities decoded, trimmed. Read by hand, as the regex <c>&lt;td\b[^&gt;]*&gt;(.*?)&lt;/td&gt;</c>
/// matched them: a Match with its groups and substrings per cell, on every batch a filter or search waits on, was ~6 %
/// of the harness's allocations at 500 users.
/// </summary>
public static class MarkupCells
{
    public static void AddTo(List<string> cells, string html)
    {
        var rest = html.AsSpan();
        while (rest.IndexOf("<td", StringComparison.Ordinal) is >= 0 and var open)
        {
            rest = rest[(open + 3)..];
            if (rest.Length > 0 && IsWordChar(rest[0])) continue; // "<tdx": not a td (the regex's \b)
            // The opening tag ends at the first '>', the cell at the first "</td>" after it; a td that has neither has
            // nothing after it that could have them either.
            if (rest.IndexOf('>') is not (>= 0 and var tagEnd)) return;
            rest = rest[(tagEnd + 1)..];
            if (rest.IndexOf("</td>", StringComparison.Ordinal) is not (>= 0 and var close)) return;
            cells.Add(Text(rest[..close]));
            rest = rest[(close + 5)..];
        }
    }

    // A plain text (the grid's cells but the copy button's) is only trimmed: nothing to strip or decode.
    private static string Text(ReadOnlySpan<char> cell) =>
        cell.ContainsAny('<', '&') ? WebUtility.HtmlDecode(MarkupNode.WithoutTags(cell.ToString())).Trim() : cell.Trim().ToString();

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
