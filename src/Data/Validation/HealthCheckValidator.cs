using System.Globalization;
using Admin.Data.Domain;
using Admin.Data.Reference;
using Admin.Data.Columns;
using Admin.Data.Entities;
using C = Admin.Data.Entities.HealthCheckColumns;
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
        return new HealthCheckValidation(run.Errors(), value, run.ComputedRisk is { } risk ? (risk, run.RiskWhy!) : null);
    }

    private static readonly Func<HealthCheckInput, HealthCheck> Untouched = C.Table.Untouched<HealthCheckInput>();

    // The boolean columns and their (nullable) input fields.
    private static readonly (Column<HealthCheck, bool> Column, Func<HealthCheckInput, bool?> Input)[] YesNo =
        C.Table.OfType<Column<HealthCheck, bool>>().Select(c => (c, Projection.Getter<HealthCheckInput, bool?>(c.Name))).ToArray();

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
            // What the input carries in its stored type (the nullable answers) is kept as it is; each rule below sets its columns over it.
            var row = Untouched(x);
            var msisdn = Phone(x.Msisdn);
            var firstName = Text(C.FirstName.Name, x.FirstName, L.NameLength);
            var lastName = Text(C.LastName.Name, x.LastName, L.NameLength);
            var source = Text(C.Source.Name, x.Source, L.SourceLength, required: "Source is required (the channel, e.g. WhatsApp, USSD or Web).");
            var province = ProvinceOf(x.Province);
            var district = DistrictOf(x.DistrictCode, province);
            var city = Text(C.City.Name, x.City, L.CityLength);
            var (lat, lon) = Point(C.Location, C.Latitude.Name, C.Longitude.Name, x.Location, x.Latitude, x.Longitude);
            var (cityLat, cityLon) = Point(C.CityLocation, C.CityLatitude.Name, C.CityLongitude.Name, x.CityLocation, x.CityLatitude, x.CityLongitude);
            var age = Code<AgeBand>(C.Age.Name, x.Age, "an age band", required: true);
            var gender = Code<Gender>(C.Gender.Name, x.Gender, "a gender", required: false);
            var placeOfWork = Code<PlaceOfWork>(C.PlaceOfWork.Name, x.PlaceOfWork, "a place of work", required: false);
            var answered = RequiredAnswers(x, row);
            var exposure = Code<Answer>(C.Exposure.Name, x.Exposure, "an exposure answer", required: true);
            var preexisting = Code<Answer>(C.PreexistingCondition.Name, x.PreexistingCondition, "a pre-existing condition answer", required: false);
            var rooms = Count(C.RoomsInHousehold.Name, x.RoomsInHousehold, 0, L.MaxRooms, "Rooms");
            var persons = Count(C.PersonsInHousehold.Name, x.PersonsInHousehold, 1, L.MaxPersons, "Persons");
            var timestamp = Instant(C.Timestamp.Name, x.Timestamp) ?? now;
            var completed = Instant(C.CompletedTimestamp.Name, x.CompletedTimestamp) ?? timestamp;
            var birth = BirthDate(x.DateOfBirth, timestamp);
            var dedup = DeduplicationId(x.DeduplicationId);
            var createdBy = Text(C.CreatedBy.Name, x.CreatedBy, L.CreatedByLength);
            var data = Data(x.Data);

            if (age is { } a && exposure is { } e && answered && !Has(C.Timestamp.Name))
            {
                (row.Age, row.Exposure) = (a, e);
                var inputs = row.RiskInputs;
                ComputedRisk = RiskRules.Classify(inputs, timestamp);
                RiskWhy = RiskExplanation.Of(inputs, timestamp);
                ClientRisk(x.Risk, ComputedRisk.Value, RiskWhy);
            }
            else if (!string.IsNullOrWhiteSpace(x.Risk))
                Code<Risk>(C.Risk.Name, x.Risk, "a risk level", required: false);

            if (_errors.Count > 0) return null;
            row.Msisdn = msisdn!;
            row.FirstName = firstName;
            row.LastName = lastName;
            row.Source = source!;
            row.Province = province!.Value;
            row.DistrictCode = district;
            row.City = city;
            (row.Latitude, row.Longitude, row.CityLatitude, row.CityLongitude) = (lat, lon, cityLat, cityLon);
            row.DateOfBirth = birth;
            row.Gender = gender;
            row.PlaceOfWork = placeOfWork;
            row.PreexistingCondition = preexisting;
            row.RoomsInHousehold = rooms;
            row.PersonsInHousehold = persons;
            row.Timestamp = timestamp;
            row.CompletedTimestamp = completed;
            row.DeduplicationId = dedup ?? Guid.NewGuid().ToString("N");
            row.CreatedBy = createdBy ?? "";
            row.Data = data;
            row.Risk = ComputedRisk!.Value;
            return new ValidHealthCheck(row);
        }

        /// <summary>Set once the answers the risk rules read are valid, even when other fields are not (the edit form shows it live).</summary>
        public Risk? ComputedRisk { get; private set; }
        public string? RiskWhy { get; private set; }

        /// <summary>Every yes/no answer stored as a plain boolean must be given: true or false.</summary>
        private bool RequiredAnswers(HealthCheckInput x, HealthCheck row)
        {
            var all = true;
            foreach (var (column, input) in YesNo)
            {
                if (input(x) is { } v) column.Set(row, v);
                else { Add(column.Name, $"{column.Label} is required: true or false."); all = false; }
            }
            return all;
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
            var text = Text(C.Msisdn.Name, value, L.MsisdnLength, required: "A phone number is required (a South African mobile number: 0XX XXX XXXX or +27 XX XXX XXXX).");
            if (text is null) return null;
            if (Msisdn.TryNormalize(text, out var e164)) return e164;
            Add(C.Msisdn.Name, $"{TextRules.Quote(text)} is not a South African mobile number; enter ten digits starting 06, 07 or 08 (0XX XXX XXXX), or +27 and the last nine.");
            return null;
        }

        private Province? ProvinceOf(string? value)
        {
            var text = Text(C.Province.Name, value, L.CodeLength, required: "A province is required (e.g. ZA-GP).");
            if (text is null) return null;
            if (ProvinceCodes.TryNormalize(text, out var province)) return province;
            Add(C.Province.Name, $"{TextRules.Quote(text)} is not a South African province code; use one of {string.Join(", ", Codes<Province>.AllCodes)} (the old ZA-GT, ZA-NL and ZA-NP are read as ZA-GP, ZA-KZN and ZA-LP).");
            return null;
        }

        private string? DistrictOf(string? value, Province? province)
        {
            var text = Text(C.DistrictCode.Name, value, L.CodeLength);
            if (text is null) return null;
            if (Districts.Find(text) is not { } district)
            {
                Add(C.DistrictCode.Name, $"{TextRules.Quote(text)} is not a district code; use a Municipal Demarcation Board code such as JHB, CPT or DC22.");
                return null;
            }
            if (province is { } p && district.Province != p)
            {
                Add(C.DistrictCode.Name, $"{district.Name} ({district.Code}) is in {ProvinceNames.Of(district.Province)}, not in {ProvinceNames.Of(p)}.");
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
                Add(C.DateOfBirth.Name, $"{Day(d)} is before {Day(L.EarliestBirthDate)}; check the year.");
            else if (d > checkDay)
                Add(C.DateOfBirth.Name, $"{Day(d)} is after the check itself ({Day(checkDay)}).");
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
            Add(C.DeduplicationId.Name, "The deduplication id " + problem);
            return null;
        }

        private string? Data(string? value)
        {
            if (string.IsNullOrWhiteSpace(value)) return null;
            var problem = JsonObjectRule.Problem(value!);
            if (problem is null) return value!.Trim();
            Add(C.Data.Name, "The data " + problem);
            return null;
        }

        private void ClientRisk(string? sent, Risk computed, string why)
        {
            if (string.IsNullOrWhiteSpace(sent)) return;
            if (Code<Risk>(C.Risk.Name, sent, "a risk level", required: false) is not { } claimed || claimed == computed) return;
            Add(C.Risk.Name, $"Risk '{Codes<Risk>.ToCode(claimed)}' contradicts the rules: these answers give '{Codes<Risk>.ToCode(computed)}' ({why}). Leave risk out and the server computes it.");
        }

        private static string Capitalised(string s) => char.ToUpperInvariant(s[0]) + s[1..];
        private static string Utc(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
