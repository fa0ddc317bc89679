using Admin.Data.Validation;
using F = Admin.Data.Validation.HealthCheckFields;

namespace Admin.Data.Tests.Validation;

/// <summary>
/// What PostgreSQL or Npgsql would turn into a 500 (NUL, lone surrogates), what a log or a form should never show
/// (control characters, 10,000-character essays), and what must simply be stored as text (injection strings).
/// </summary>
public class HostileInputTests
{
    private static HealthCheckValidation Validate(string field, string value) =>
        ValidInputs.Validator().Validate(ValidInputs.With(x => TextFields.Setters[field](x, value)));

    public static TheoryData<string> Fields() => TextFields.Names();

    [Theory]
    [MemberData(nameof(Fields))]
    public void A_NUL_character_is_a_field_error(string field) => AssertRefused(Validate(field, "ab\0cd"), field);

    [Theory]
    [MemberData(nameof(Fields))]
    public void A_lone_high_surrogate_is_a_field_error(string field) => AssertRefused(Validate(field, "ab\uD83Dcd"), field);

    [Theory]
    [MemberData(nameof(Fields))]
    public void A_lone_low_surrogate_at_the_end_is_a_field_error(string field) => AssertRefused(Validate(field, "abc\uDE37"), field);

    [Theory]
    [MemberData(nameof(Fields))]
    public void A_control_character_is_a_field_error(string field) => AssertRefused(Validate(field, "ab\u001Bcd"), field);

    [Theory]
    [MemberData(nameof(Fields))]
    public void Ten_thousand_characters_are_a_field_error(string field) => AssertRefused(Validate(field, new string('8', 10_000)), field);

    [Theory]
    [MemberData(nameof(Fields))]
    public void A_megabyte_of_text_is_a_field_error(string field) => AssertRefused(Validate(field, new string('{', 1_000_000)), field);

    [Fact]
    public void The_messages_name_the_problem()
    {
        Assert.Contains("NUL character", Validate(F.FirstName, "a\0").ErrorFor(F.FirstName));
        Assert.Contains("lone surrogate", Validate(F.City, "\uDC00x").ErrorFor(F.City));
        Assert.Contains("control character (U+000A)", Validate(F.LastName, "two\nlines").ErrorFor(F.LastName));
        Assert.Contains("10,000 characters long; at most 255", Validate(F.CreatedBy, new string('x', 10_000)).ErrorFor(F.CreatedBy));
        Assert.Contains("non-character", Validate(F.FirstName, "a\uFFFF").ErrorFor(F.FirstName));
    }

    public static TheoryData<string> Injections() =>
    [
        "Robert'); DROP TABLE health_checks;--",
        "' OR '1'='1",
        "\" OR 1=1 --",
        "<script>alert(1)</script>",
        "${jndi:ldap://x/a}",
        "{{7*7}}",
        "‮evil‬", // right-to-left override: printable, not a control character
        "O'Brien-Ndlovu",
    ];

    [Theory]
    [MemberData(nameof(Injections))]
    public void Injection_strings_in_free_text_are_kept_verbatim(string text)
    {
        var result = ValidInputs.Validator().Validate(ValidInputs.With(x => { x.FirstName = text; x.City = text; x.CreatedBy = text; }));
        Assert.True(result.IsValid, string.Join("; ", result.Errors.SelectMany(e => e.Value)));
        Assert.Equal(text, result.Value!.Values.FirstName);
        Assert.Equal(text, result.Value.Values.City);
    }

    [Theory]
    [MemberData(nameof(Injections))]
    public void Injection_strings_in_coded_fields_are_refused(string text)
    {
        foreach (var field in new[] { F.Msisdn, F.Province, F.DistrictCode, F.Age, F.Exposure, F.Risk })
            Assert.Contains(field, Validate(field, text).Errors.Keys);
    }

    private static void AssertRefused(HealthCheckValidation result, string field)
    {
        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        var message = Assert.Single(Assert.Contains(field, result.Errors));
        // Readable, short, and never an echo of the hostile value itself.
        Assert.InRange(message.Length, 10, 300);
        Assert.True(TextRules.Problem(message, 300) is null, $"the message itself is not clean text: {message}");
        Assert.DoesNotContain("8888888888", message);
    }
}
