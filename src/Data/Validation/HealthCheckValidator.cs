using System.Globalization;
using Admin.Data.Domain;
using Admin.Data.Reference;
using F = Admin.Data.Validation.HealthCheckFields;
using L = Admin.Data.Validation.HealthCheckLimits;

namespace Admin.Data.Validation;

/// <summary>
/// The one set of rules for a HealthCheck that a client posts or an admin edits (issue 5 item 4, issue 6 item 2).
/// Never throws on input: every problem becomes a readable message keyed by its field, and only a check that passes
/// every rule comes back as a <see cref="ValidHealthCheck"/>, normalised and with its risk computed on the server.
/// </summary>
public sealed class HealthCheckValidator(TimeProvider time)
{
    public HealthCheckValidation Validate(HealthCheckInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var run = new Run(time.GetUtcNow());
        var value = run.Check(input);
        return new HealthCheckValidation(run.Errors(), value);
    }

    /// <summary>One validation: collects errors field by field, and builds the result only if none were found.</summary>
    private sealed class Run(DateTimeOffset now)
    {
        private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

        public IReadOnlyDictionary<string, string[]> Errors() =>
            _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

        private void Add(string field, string message)
        {
            if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
            list.Add(message);
        }

        private bool Has(string field) => _errors.ContainsKey(field);

        public ValidHealthCheck? Check(HealthCheckInput x)
        {
            var msisdn = Phone(x.Msisdn);
            var firstName = Text(F.FirstName, x.FirstName, L.NameLength);
            var lastName = Text(F.LastName, x.LastName, L.NameLength);
            var source = Text(F.Source, x.Source, L.SourceLength, required: "Source is required (the channel, e.g. WhatsApp, USSD or Web).");
            var province = ProvinceOf(x.Province);
            var district = DistrictOf(x.DistrictCode, province);
            var city = Text(F.City, x.City, L.CityLength);
            var (lat, lon) = Point(F.Location, F.Latitude, F.Longitude, x.Location, x.Latitude, x.Longitude);
            var (cityLat, cityLon) = Point(F.CityLocation, F.CityLatitude, F.CityLongitude, x.CityLocation, x.CityLatitude, x.CityLongitude);
            var age = Code<AgeBand>(F.Age, x.Age, "an age band", required: true);
            var gender = Code<Gender>(F.Gender, x.Gender, "a gender", required: false);
            var placeOfWork = Code<PlaceOfWork>(F.PlaceOfWork, x.PlaceOfWork, "a place of work", required: false);
            var fever = Required(F.Fever, x.Fever, "Fever");
            var cough = Required(F.Cough, x.Cough, "Cough");
            var soreThroat = Required(F.SoreThroat, x.SoreThroat, "Sore throat");
            var exposure = Code<Answer>(F.Exposure, x.Exposure, "an exposure answer", required: true);
            var preexisting = Code<Answer>(F.PreexistingCondition, x.PreexistingCondition, "a pre-existing condition answer", required: false);
            var tracing = Required(F.Tracing, x.Tracing, "Tracing (may the department contact the user)");
            var rooms = Count(F.RoomsInHousehold, x.RoomsInHousehold, 0, L.MaxRooms, "Rooms");
            var persons = Count(F.PersonsInHousehold, x.PersonsInHousehold, 1, L.MaxPersons, "Persons");
            var timestamp = Instant(F.Timestamp, x.Timestamp) ?? now;
            var completed = Instant(F.CompletedTimestamp, x.CompletedTimestamp) ?? timestamp;
            var birth = BirthDate(x.DateOfBirth, timestamp);
            var dedup = DeduplicationId(x.DeduplicationId);
            var createdBy = Text(F.CreatedBy, x.CreatedBy, L.CreatedByLength);
            var data = Data(x.Data);

            Risk? risk = null;
            if (age is { } a && exposure is { } e && fever is { } f && cough is { } c && soreThroat is { } s && !Has(F.Timestamp))
            {
                var inputs = new RiskInputs(f, c, s, x.DifficultyBreathing, x.MusclePain, x.Smell, e, a, x.ConfirmedContact);
                risk = RiskRules.Classify(inputs, timestamp);
                ClientRisk(x.Risk, risk.Value, RiskExplanation.Of(inputs, timestamp));
            }
            else if (!string.IsNullOrWhiteSpace(x.Risk))
                Code<Risk>(F.Risk, x.Risk, "a risk level", required: false);

            if (_errors.Count > 0) return null;
            return new ValidHealthCheck
            {
                Msisdn = msisdn!,
                FirstName = firstName,
                LastName = lastName,
                Source = source!,
                Province = province!.Value,
                DistrictCode = district,
                City = city,
                Latitude = lat,
                Longitude = lon,
                CityLatitude = cityLat,
                CityLongitude = cityLon,
                Age = age!.Value,
                DateOfBirth = birth,
                Gender = gender,
                PlaceOfWork = placeOfWork,
                Fever = fever!.Value,
                Cough = cough!.Value,
                SoreThroat = soreThroat!.Value,
                DifficultyBreathing = x.DifficultyBreathing,
                MusclePain = x.MusclePain,
                Smell = x.Smell,
                Exposure = exposure!.Value,
                PreexistingCondition = preexisting,
                ConfirmedContact = x.ConfirmedContact,
                Tracing = tracing!.Value,
                RoomsInHousehold = rooms,
                PersonsInHousehold = persons,
                Timestamp = timestamp,
                CompletedTimestamp = completed,
                DeduplicationId = dedup ?? Guid.NewGuid().ToString("N"),
                CreatedBy = createdBy ?? "",
                Data = data,
                Risk = risk!.Value,
            };
        }

        /// <summary>Trimmed text, null when empty; an error when it cannot be stored or a required value is missing.</summary>
        private string? Text(string field, string? value, int max, string? required = null)
        {
            var problem = value is null ? null : TextRules.Problem(value, max);
            if (problem is not null) { Add(field, "This " + problem); return null; }
            var trimmed = value?.Trim();
            if (string.IsNullOrEmpty(trimmed))
            {
                if (required is not null) Add(field, required);
                return null;
            }
            return trimmed;
        }

        private string? Phone(string? value)
        {
            var text = Text(F.Msisdn, value, L.MsisdnLength, required: "A phone number is required (a South African mobile number: 0XX XXX XXXX or +27 XX XXX XXXX).");
            if (text is null) return null;
            if (Msisdn.TryNormalize(text, out var e164)) return e164;
            Add(F.Msisdn, $"{TextRules.Quote(text)} is not a South African mobile number; enter ten digits starting 06, 07 or 08 (0XX XXX XXXX), or +27 and the last nine.");
            return null;
        }

        private Province? ProvinceOf(string? value)
        {
            var text = Text(F.Province, value, L.CodeLength, required: "A province is required (e.g. ZA-GP).");
            if (text is null) return null;
            if (ProvinceCodes.TryNormalize(text, out var province)) return province;
            Add(F.Province, $"{TextRules.Quote(text)} is not a South African province code; use one of {string.Join(", ", Codes<Province>.AllCodes)} (the old ZA-GT, ZA-NL and ZA-NP are read as ZA-GP, ZA-KZN and ZA-LP).");
            return null;
        }

        private string? DistrictOf(string? value, Province? province)
        {
            var text = Text(F.DistrictCode, value, L.CodeLength);
            if (text is null) return null;
            if (Districts.Find(text) is not { } district)
            {
                Add(F.DistrictCode, $"{TextRules.Quote(text)} is not a district code; use a Municipal Demarcation Board code such as JHB, CPT or DC22.");
                return null;
            }
            if (province is { } p && district.Province != p)
            {
                Add(F.DistrictCode, $"{district.Name} ({district.Code}) is in {ProvinceNames.Of(district.Province)}, not in {ProvinceNames.Of(p)}.");
                return null;
            }
            return district.Code;
        }

        private T? Code<T>(string field, string? value, string what, bool required) where T : struct, Enum
        {
            var text = Text(field, value, L.CodeLength, required: required ? $"{Capitalised(what)} is required: one of {string.Join(", ", Codes<T>.AllCodes)}." : null);
            if (text is null) return null;
            if (Codes<T>.TryParse(text, out var parsed)) return parsed;
            Add(field, $"{TextRules.Quote(text)} is not {what}; use one of {string.Join(", ", Codes<T>.AllCodes)}.");
            return null;
        }

        private bool? Required(string field, bool? value, string label)
        {
            if (value is null) Add(field, $"{label} is required: true or false.");
            return value;
        }

        private int? Count(string field, int? value, int min, int max, string label)
        {
            if (value is { } n && (n < min || n > max))
            {
                Add(field, $"{label} in the household must be between {min} and {max}; {n.ToString("N0", CultureInfo.InvariantCulture)} is not plausible.");
                return null;
            }
            return value;
        }

        /// <summary>A location as ISO 6709 text or as two numbers (not both); both coordinates or neither.</summary>
        private (double?, double?) Point(string textField, string latField, string lonField, string? text, double? lat, double? lon)
        {
            var iso = Text(textField, text, L.LocationLength);
            if (iso is not null)
            {
                if (lat is not null || lon is not null)
                {
                    Add(textField, $"Give either {textField} (ISO 6709) or {latField} and {lonField}, not both.");
                    return (null, null);
                }
                if (Iso6709.TryParse(iso, out var la, out var lo)) return (la, lo);
                Add(textField, $"{TextRules.Quote(iso)} is not an ISO 6709 location; write it like -26.20227+028.04363/.");
                return (null, null);
            }
            var latOk = Degrees(latField, lat, 90, "Latitude");
            var lonOk = Degrees(lonField, lon, 180, "Longitude");
            if (lat is null && lon is not null) Add(latField, $"Give {latField} with {lonField}, or neither.");
            if (lon is null && lat is not null) Add(lonField, $"Give {lonField} with {latField}, or neither.");
            return latOk && lonOk && lat.HasValue == lon.HasValue ? (lat, lon) : (null, null);
        }

        private bool Degrees(string field, double? value, double max, string label)
        {
            if (value is not { } v || (double.IsFinite(v) && Math.Abs(v) <= max)) return true;
            Add(field, $"{label} must be a number of degrees between -{max} and {max}.");
            return false;
        }

        private DateTimeOffset? Instant(string field, DateTimeOffset? value)
        {
            if (value is not { } t) return null;
            if (t > now + L.ClockSkew)
                Add(field, $"{Utc(t)} is in the future; the time must not be later than now ({Utc(now)}).");
            else if (t < L.ServiceStart)
                Add(field, $"{Utc(t)} is before the HealthCheck service started ({Utc(L.ServiceStart)}).");
            else return t.ToUniversalTime();
            return null;
        }

        private DateOnly? BirthDate(DateOnly? value, DateTimeOffset timestamp)
        {
            if (value is not { } d) return null;
            var checkDay = DateOnly.FromDateTime(timestamp.UtcDateTime);
            if (d < L.EarliestBirthDate)
                Add(F.DateOfBirth, $"{Day(d)} is before {Day(L.EarliestBirthDate)}; check the year.");
            else if (d > checkDay)
                Add(F.DateOfBirth, $"{Day(d)} is after the check itself ({Day(checkDay)}).");
            else return d;
            return null;
        }

        private string? DeduplicationId(string? value)
        {
            if (value is null) return null;
            var problem = value.Length == 0 ? "must not be empty (leave it out and the server makes one)."
                : value.Length > L.DeduplicationIdLength ? $"is {value.Length.ToString("N0", CultureInfo.InvariantCulture)} characters long; at most {L.DeduplicationIdLength} are allowed."
                : value.Any(c => c is < '!' or > '~') ? "may hold only printable ASCII characters without spaces (such as a UUID)."
                : null;
            if (problem is null) return value;
            Add(F.DeduplicationId, "The deduplication id " + problem);
            return null;
        }

        private string? Data(string? value)
        {
            if (string.IsNullOrWhiteSpace(value)) return null;
            var problem = JsonObjectRule.Problem(value!);
            if (problem is null) return value!.Trim();
            Add(F.Data, "The data " + problem);
            return null;
        }

        private void ClientRisk(string? sent, Risk computed, string why)
        {
            if (string.IsNullOrWhiteSpace(sent)) return;
            if (Code<Risk>(F.Risk, sent, "a risk level", required: false) is not { } claimed || claimed == computed) return;
            Add(F.Risk, $"Risk '{Codes<Risk>.ToCode(claimed)}' contradicts the rules: these answers give '{Codes<Risk>.ToCode(computed)}' ({why}). Leave risk out and the server computes it.");
        }

        private static string Capitalised(string s) => char.ToUpperInvariant(s[0]) + s[1..];
        private static string Utc(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
