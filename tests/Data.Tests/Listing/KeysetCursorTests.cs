using System.Globalization;
using System.Text;
using Admin.Data.Listing;
using Admin.Data.Listing.Definitions;

namespace Admin.Data.Tests.Listing;

public class KeysetCursorTests
{
    private static readonly DateTimeOffset At = new(2021, 3, 4, 5, 6, 7, TimeSpan.FromHours(2));
    private static readonly Guid Id = Guid.Parse("0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9");

    // The cursor's text as it was written before it went through spans: cursors handed out then still decode the same.
    private static string Reference(params object[] values) =>
        "k1." + Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Join('\u001f', values.Select(v => v switch
        {
            DateTimeOffset d => d.UtcTicks.ToString(CultureInfo.InvariantCulture),
            Guid g => g.ToString("N"),
            _ => Convert.ToString(v, CultureInfo.InvariantCulture)!,
        })))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static TheoryData<object[]> Values => new()
    {
        new object[] { At, Id },
        new object[] { "", At, Id },
        new object[] { "Zoë ~ ?>", 42L, 7, Id },
        new object[] { new string('é', 250), At }, // 500 bytes and a time: past the stack buffer
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Encodes_as_before_and_decodes_back(object[] values)
    {
        var cursor = KeysetCursor.Encode(values);
        Assert.Equal(Reference(values), cursor);
        Assert.DoesNotContain('=', cursor);

        var keys = values.Select((v, i) => new KeyColumn("c" + i, v.GetType(), false)).ToList();
        var decoded = KeysetCursor.Decode(cursor, keys, _ => false);
        Assert.Equal(values.Select(v => v is DateTimeOffset d ? d.ToUniversalTime() : v), decoded);
    }

    [Fact]
    public void A_value_holding_the_separator_cannot_be_put_in_a_cursor() =>
        Assert.Throws<ArgumentException>(() => KeysetCursor.Encode(["a\u001fb"]));
}
