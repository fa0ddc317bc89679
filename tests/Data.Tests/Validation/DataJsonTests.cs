using Admin.Data.Validation;
using F = Admin.Data.Validation.HealthCheckFields;

namespace Admin.Data.Tests.Validation;

/// <summary>The data field: what System.Text.Json accepts but PostgreSQL's jsonb refuses must be a field error.</summary>
public class DataJsonTests
{
    private static HealthCheckValidation Validate(string data) =>
        ValidInputs.Validator().Validate(ValidInputs.With(x => x.Data = data));

    [Theory]
    [InlineData("""{"language": "zul", "flow": {"step": 3, "answers": [1, 2.5, true, null, "x"]}}""")]
    [InlineData("""{}""")]
    [InlineData("""{"emoji": "😷", "escaped": "\ud83d\ude37", "newline": "a\nb", "big": 1e300}""")]
    public void A_JSON_object_is_kept(string data) => Assert.Equal(data, Validate(data).Value!.Values.Data);

    [Theory]
    [InlineData("[1, 2]", "must be a JSON object")]
    [InlineData("\"text\"", "must be a JSON object")]
    [InlineData("42", "must be a JSON object")]
    [InlineData("null", "must be a JSON object")]
    [InlineData("{\"a\": }", "is not valid JSON (line 1")]
    [InlineData("{\"a\": 1,}", "is not valid JSON")]
    [InlineData("{\"a\": 1} {\"b\": 2}", "is not valid JSON")]
    [InlineData("{'a': 1}", "is not valid JSON")]
    [InlineData("{\"a\": 1 /* note */}", "is not valid JSON")]
    [InlineData("{\"a\": \"\\u0000\"}", "\\u0000")]
    [InlineData("{\"\\u0000\": 1}", "\\u0000")]
    [InlineData("{\"a\": \"\\ud800\"}", "lone surrogate")]
    [InlineData("{\"a\": \"\\udc00x\"}", "lone surrogate")]
    [InlineData("{\"a\": 1e999999}", "exponent")]
    [InlineData("{\"a\": 1e-20000}", "exponent")]
    [InlineData("{\"a\": 1e99999999999999}", "exponent")]
    public void What_jsonb_would_refuse_is_a_field_error(string data, string expected)
    {
        var result = Validate(data);
        Assert.Equal([F.Data], result.Errors.Keys);
        Assert.Contains(expected, result.ErrorFor(F.Data));
    }

    [Fact]
    public void Raw_NUL_and_lone_surrogates_are_refused_before_parsing()
    {
        Assert.Contains("NUL", Validate("{\"a\": \"\0\"}").ErrorFor(F.Data));
        Assert.Contains("lone surrogate", Validate("{\"a\": \"\uD800\"}").ErrorFor(F.Data));
    }

    [Fact]
    public void Deep_nesting_is_refused()
    {
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100);
        Assert.Contains("nested deeper than 16 levels", Validate(deep).ErrorFor(F.Data));
        var fine = string.Concat(Enumerable.Repeat("{\"a\":", 15)) + "1" + new string('}', 15);
        Assert.True(Validate(fine).IsValid);
    }

    [Fact]
    public void Data_is_limited_to_16_KB_of_UTF8()
    {
        string Of(int bytes) => "{\"a\":\"" + new string('x', bytes - 8) + "\"}";
        Assert.True(Validate(Of(16 * 1024)).IsValid);
        Assert.Contains("16,385 bytes; at most 16,384", Validate(Of(16 * 1024 + 1)).ErrorFor(F.Data));
        // Characters are counted as the UTF-8 bytes they take.
        Assert.Contains("bytes; at most 16,384", Validate("{\"a\":\"" + string.Concat(Enumerable.Repeat("é", 9000)) + "\"}").ErrorFor(F.Data));
    }
}
