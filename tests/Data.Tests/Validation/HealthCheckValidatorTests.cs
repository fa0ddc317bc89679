using Admin.Data.Domain;
using Admin.Data.Validation;
using F = Admin.Data.Validation.HealthCheckFields;

namespace Admin.Data.Tests.Validation;

public class HealthCheckValidatorTests
{
    private static HealthCheckValidation Validate(Action<HealthCheckInput> change) =>
        ValidInputs.Validator().Validate(ValidInputs.With(change));

    /// <summary>Exactly one field is wrong, and its message says what would be right.</summary>
    private static string SoleError(HealthCheckValidation result, string field)
    {
        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        Assert.Equal([field], result.Errors.Keys);
        var message = result.ErrorFor(field)!;
        Assert.True(message.Length is > 10 and < 400, message);
        return message;
    }

    [Fact]
    public void A_valid_input_comes_back_normalised_with_its_risk_computed()
    {
        var result = Validate(x =>
        {
            x.Province = " za-gt ";          // the old Gauteng code, any case, padded
            x.DistrictCode = "jhb";
            x.FirstName = "  Thandi ";
            x.Cough = true;
            x.Exposure = "yes";               // 1 symptom + exposed -> high
        });

        Assert.True(result.IsValid, string.Join("; ", result.Errors.SelectMany(e => e.Value)));
        Assert.Empty(result.Errors);
        var v = result.Value!.Values;
        Assert.Equal("+27821234567", v.Msisdn);
        Assert.Equal(Province.Gauteng, v.Province);
        Assert.Equal("JHB", v.DistrictCode);
        Assert.Equal("Thandi", v.FirstName);
        Assert.Equal(Risk.High, v.Risk);
        Assert.Equal(AgeBand.From18To40, v.Age);
        Assert.Equal(Gender.Female, v.Gender);
        Assert.Equal(PlaceOfWork.Education, v.PlaceOfWork);
        Assert.Equal(ValidInputs.Taken, v.Timestamp);
        Assert.Equal(ValidInputs.Taken.AddMinutes(2), v.CompletedTimestamp);
        Assert.Equal((-26.26, 27.86), (v.Latitude!.Value, v.Longitude!.Value));
    }

    [Fact]
    public void Left_out_fields_get_the_services_defaults()
    {
        var result = Validate(x =>
        {
            x.Timestamp = x.CompletedTimestamp = null;
            x.DeduplicationId = null;
            x.CreatedBy = null;
            x.Gender = "";                    // the service allowed an empty gender
            x.Data = "  ";
            x.DistrictCode = null;
            x.Latitude = x.Longitude = null;
        });

        var v = Assert.IsType<ValidHealthCheck>(result.Value).Values;
        Assert.Equal(ValidInputs.Now, v.Timestamp);
        Assert.Equal(v.Timestamp, v.CompletedTimestamp);
        Assert.Matches("^[0-9a-f]{32}$", v.DeduplicationId);
        Assert.Equal("", v.CreatedBy);
        Assert.Null(v.Gender);
        Assert.Null(v.Data);
        Assert.Null(v.DistrictCode);
        Assert.Null(v.Latitude);
    }

    [Fact]
    public void Every_required_field_left_out_is_named_with_a_readable_message()
    {
        var result = ValidInputs.Validator().Validate(new HealthCheckInput());

        Assert.False(result.IsValid);
        string[] required = [F.Msisdn, F.Source, F.Province, F.Age, F.Fever, F.Cough, F.SoreThroat, F.Exposure, F.Tracing];
        Assert.Equal(required.Order(), result.Errors.Keys.Order());
        Assert.Contains("0XX XXX XXXX", result.ErrorFor(F.Msisdn)); // the form, never a full number (NoFullNumberTests)
        Assert.Contains("<18, 18-40, 40-65, >65", result.ErrorFor(F.Age));
        Assert.Contains("true or false", result.ErrorFor(F.Fever));
        Assert.Contains("yes, no, not_sure", result.ErrorFor(F.Exposure));
    }

    [Theory]
    [InlineData("082 123 4567", "+27821234567")]
    [InlineData("+27 82-123-4567", "+27821234567")]
    [InlineData("0027821234567", "+27821234567")]
    [InlineData("27711234567", "+27711234567")]
    public void Phone_numbers_in_any_common_form_are_stored_as_E164(string typed, string stored) =>
        Assert.Equal(stored, Validate(x => x.Msisdn = typed).Value!.Values.Msisdn);

    [Theory]
    [InlineData("12345")]
    [InlineData("+44 20 7946 0958")]
    [InlineData("021 123 4567")]       // a Cape Town landline
    [InlineData("0821234567890")]
    [InlineData("082 123 456x")]
    public void Numbers_that_are_not_South_African_mobiles_are_refused(string typed) =>
        Assert.Contains("not a South African mobile number", SoleError(Validate(x => x.Msisdn = typed), F.Msisdn));

    [Theory]
    [InlineData("ZA-NL", Province.KwaZuluNatal)]
    [InlineData("ZA-NP", Province.Limpopo)]
    [InlineData("GP", Province.Gauteng)]
    [InlineData("za-wc", Province.WesternCape)]
    public void Province_codes_current_and_old_are_read(string code, Province expected) =>
        Assert.Equal(expected, Validate(x => { x.Province = code; x.DistrictCode = null; }).Value!.Values.Province);

    [Theory]
    [InlineData("ZA-XX")]
    [InlineData("Gauteng")]
    [InlineData("ZA-")]
    public void Unknown_province_codes_are_refused_with_the_list(string code)
    {
        var message = SoleError(Validate(x => { x.Province = code; x.DistrictCode = null; }), F.Province);
        Assert.Contains("ZA-EC, ZA-FS, ZA-GP", message);
        Assert.Contains("ZA-GT", message);
    }

    [Fact]
    public void A_district_must_exist()
    {
        var message = SoleError(Validate(x => x.DistrictCode = "DC99"), F.DistrictCode);
        Assert.Contains("'DC99' is not a district code", message);
    }

    [Fact]
    public void A_district_must_lie_in_the_province()
    {
        var message = SoleError(Validate(x => { x.Province = "ZA-WC"; x.DistrictCode = "JHB"; }), F.DistrictCode);
        Assert.Equal("City of Johannesburg (JHB) is in Gauteng, not in Western Cape.", message);
    }

    [Fact]
    public void A_district_in_an_old_province_code_is_judged_by_the_current_one() =>
        Assert.Equal("ETH", Validate(x => { x.Province = "ZA-NL"; x.DistrictCode = "eth"; }).Value!.Values.DistrictCode);

    [Theory]
    [InlineData(F.Age, "17")]
    [InlineData(F.Age, "18 - 40")]
    [InlineData(F.Gender, "Female")]
    [InlineData(F.Gender, "m")]
    [InlineData(F.PlaceOfWork, "hospital")]
    [InlineData(F.Exposure, "maybe")]
    [InlineData(F.PreexistingCondition, "true")]
    public void Codes_outside_their_set_are_refused_with_the_set(string field, string code)
    {
        var message = SoleError(Validate(x => TextFields.Setters[field](x, code)), field);
        Assert.Contains($"'{code}' is not", message);
        Assert.Contains("use one of", message);
    }

    [Theory]
    [InlineData(-1, null)]
    [InlineData(101, null)]
    [InlineData(int.MaxValue, null)]
    [InlineData(int.MinValue, null)]
    [InlineData(null, 0)]
    [InlineData(null, -5)]
    [InlineData(null, 1_000_000)]
    public void Household_counts_must_be_plausible(int? rooms, int? persons)
    {
        var result = Validate(x => { x.RoomsInHousehold = rooms ?? 2; x.PersonsInHousehold = persons ?? 2; });
        var field = rooms is null ? F.PersonsInHousehold : F.RoomsInHousehold;
        Assert.Contains("must be between", SoleError(result, field));
    }

    [Fact]
    public void Household_counts_at_the_bounds_are_accepted()
    {
        Assert.True(Validate(x => { x.RoomsInHousehold = 0; x.PersonsInHousehold = 1; }).IsValid);
        Assert.True(Validate(x => { x.RoomsInHousehold = 100; x.PersonsInHousehold = 100; }).IsValid);
        Assert.True(Validate(x => { x.RoomsInHousehold = null; x.PersonsInHousehold = null; }).IsValid);
    }

    [Theory]
    [InlineData(91.0, 28.0, F.Latitude)]
    [InlineData(-90.5, 28.0, F.Latitude)]
    [InlineData(-26.0, 180.01, F.Longitude)]
    [InlineData(-26.0, -1e308, F.Longitude)]
    [InlineData(double.NaN, 28.0, F.Latitude)]
    [InlineData(-26.0, double.PositiveInfinity, F.Longitude)]
    public void Coordinates_outside_their_ranges_are_refused(double lat, double lon, string field) =>
        Assert.Contains("must be a number of degrees", SoleError(Validate(x => { x.Latitude = lat; x.Longitude = lon; }), field));

    [Fact]
    public void Coordinates_come_in_pairs()
    {
        Assert.Contains("Give longitude with latitude", SoleError(Validate(x => x.Longitude = null), F.Longitude));
        Assert.Contains("Give city_latitude with city_longitude", SoleError(Validate(x => x.CityLongitude = 28.0), F.CityLatitude));
    }

    [Fact]
    public void Locations_may_come_as_ISO_6709_text_but_not_twice()
    {
        var v = Validate(x => { x.Latitude = x.Longitude = null; x.Location = "-26.20227+028.04363/"; x.CityLocation = "-2612+02803/"; }).Value!.Values;
        Assert.Equal(-26.20227, v.Latitude!.Value, 5);
        Assert.Equal(28.04363, v.Longitude!.Value, 5);
        Assert.Equal(-26.2, v.CityLatitude!.Value, 5);

        Assert.Contains("not both", SoleError(Validate(x => x.Location = "-26.20227+028.04363/"), F.Location));
        Assert.Contains("not an ISO 6709 location", SoleError(Validate(x => { x.Latitude = x.Longitude = null; x.Location = "-26.2,28.0"; }), F.Location));
        Assert.Contains("not an ISO 6709 location", SoleError(Validate(x => { x.Latitude = x.Longitude = null; x.Location = "+91.00000+028.00000/"; }), F.Location));
    }

    [Fact]
    public void Timestamps_may_be_a_little_ahead_of_the_server_clock_but_not_in_the_future()
    {
        Assert.True(Validate(x => x.Timestamp = x.CompletedTimestamp = ValidInputs.Now.AddMinutes(4)).IsValid);
        Assert.Contains("is in the future", SoleError(Validate(x => x.Timestamp = ValidInputs.Now.AddMinutes(6)), F.Timestamp));
        Assert.Contains("is in the future", SoleError(Validate(x => x.CompletedTimestamp = ValidInputs.Now.AddYears(30)), F.CompletedTimestamp));
    }

    [Theory]
    [InlineData("2020-02-29T23:59:59Z")]
    [InlineData("1970-01-01T00:00:00Z")]
    [InlineData("0001-01-01T00:00:00Z")]
    public void Timestamps_before_the_service_existed_are_refused(string at) =>
        Assert.Contains("before the HealthCheck service started (2020-03-01 00:00 UTC)",
            SoleError(Validate(x => x.Timestamp = DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)), F.Timestamp));

    [Fact]
    public void The_extreme_instants_are_refused_not_thrown_on()
    {
        Assert.Contains("is in the future", SoleError(Validate(x => x.Timestamp = DateTimeOffset.MaxValue), F.Timestamp));
        Assert.Contains("before the HealthCheck service", SoleError(Validate(x => x.CompletedTimestamp = DateTimeOffset.MinValue), F.CompletedTimestamp));
    }

    [Fact]
    public void Timestamps_with_an_offset_are_stored_in_UTC()
    {
        var local = new DateTimeOffset(2021, 7, 5, 11, 30, 0, TimeSpan.FromHours(2));
        var v = Validate(x => x.Timestamp = local).Value!.Values;
        Assert.Equal(TimeSpan.Zero, v.Timestamp.Offset);
        Assert.Equal(local, v.Timestamp);
    }

    [Fact]
    public void A_date_of_birth_must_be_plausible()
    {
        Assert.Contains("before 1900-01-01", SoleError(Validate(x => x.DateOfBirth = new DateOnly(1899, 12, 31)), F.DateOfBirth));
        Assert.Contains("after the check itself (2021-07-05)", SoleError(Validate(x => x.DateOfBirth = new DateOnly(2021, 7, 6)), F.DateOfBirth));
        Assert.Contains("after the check", SoleError(Validate(x => x.DateOfBirth = DateOnly.MaxValue), F.DateOfBirth));
        Assert.Contains("before 1900", SoleError(Validate(x => x.DateOfBirth = DateOnly.MinValue), F.DateOfBirth));
        Assert.True(Validate(x => x.DateOfBirth = new DateOnly(2021, 7, 5)).IsValid);
    }

    [Theory]
    [InlineData("", "must not be empty")]
    [InlineData("has space", "printable ASCII")]
    [InlineData("tab\there", "printable ASCII")]
    [InlineData("ünïcode", "printable ASCII")]
    [InlineData("nul\0", "printable ASCII")]
    public void Deduplication_ids_are_short_printable_ascii(string id, string expected) =>
        Assert.Contains(expected, SoleError(Validate(x => x.DeduplicationId = id), F.DeduplicationId));

    [Fact]
    public void Deduplication_ids_may_be_1_to_255_characters()
    {
        Assert.Equal("x", Validate(x => x.DeduplicationId = "x").Value!.DeduplicationId);
        Assert.True(Validate(x => x.DeduplicationId = new string('a', 255)).IsValid);
        Assert.Contains("256 characters long; at most 255", SoleError(Validate(x => x.DeduplicationId = new string('a', 256)), F.DeduplicationId));
    }

    [Theory]
    [InlineData(F.FirstName, 255)]
    [InlineData(F.LastName, 255)]
    [InlineData(F.City, 255)]
    [InlineData(F.Source, 50)]
    [InlineData(F.CreatedBy, 255)]
    public void Text_fields_are_limited_to_their_columns(string field, int max)
    {
        Assert.True(Validate(x => TextFields.Setters[field](x, new string('a', max))).IsValid);
        Assert.Contains($"{max + 1} characters long; at most {max}", SoleError(Validate(x => TextFields.Setters[field](x, new string('a', max + 1))), field));
    }

    [Fact]
    public void Lengths_count_characters_as_PostgreSQL_does_not_UTF16_units()
    {
        var emoji = string.Concat(Enumerable.Repeat("😷", 255)); // 510 UTF-16 units, 255 characters
        Assert.Equal(emoji, Validate(x => x.City = emoji).Value!.Values.City);
        Assert.Contains("256 characters long", SoleError(Validate(x => x.City = emoji + "😷"), F.City));
    }
}
