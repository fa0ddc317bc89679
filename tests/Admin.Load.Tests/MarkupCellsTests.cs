using System.Net;
using System.Text.RegularExpressions;
using Admin.Load.Circuits;

namespace Admin.Load.Tests;

/// <summary>A grid row's markup cells, read by hand as the regex the harness used before read them.</summary>
public sealed partial class MarkupCellsTests
{
    [Theory]
    [InlineData("<td>Gauteng</td><td>+27 82 123 4567</td><td>High</td><td>2021-01-31 10:15</td>")]
    [InlineData("<td>O&#39;Brien &amp; Sons</td><td>&#233;tienne</td><td>  padded \n</td><td></td>")]
    [InlineData("<td>x</td><td class=\"kg-copy-cell\"><button type=\"button\" class=\"kg-copy\" tabindex=\"-1\" aria-label=\"Copy this row or a cell\" title=\"Copy this row or a cell (Ctrl+C copies the row)\">\u29C9</button></td>")]
    [InlineData("<td class=\"a\" data-x='1'>v</td><td/>w</td>")]
    [InlineData("<tdx>no</tdx><td_>no</td><td>yes</td><tdé>no</td>")]
    [InlineData("<td>a<td>b</td><td><b>bold</b> text</td>")]
    [InlineData("<td>closed</td><td>open")]
    [InlineData("<td class=\"never closed\"")]
    [InlineData("<TD>upper</TD> and <td >spaced</td >")]
    [InlineData("no cells at all")]
    [InlineData("")]
    public void Cells_are_what_the_regex_read(string html)
    {
        var cells = new List<string>();
        MarkupCells.AddTo(cells, html);
        Assert.Equal(ByRegex(html), cells);
    }

    private static List<string> ByRegex(string html) =>
        Cell().Matches(html).Select(m => WebUtility.HtmlDecode(Tag().Replace(m.Groups[1].Value, "")).Trim()).ToList();

    [GeneratedRegex("<td\\b[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex Cell();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();
}
