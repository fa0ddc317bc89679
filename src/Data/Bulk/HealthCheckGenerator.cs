using Admin.Data.Domain;
using Admin.Data.Entities;
using Admin.Data.Reference;

namespace Admin.Data.Bulk;

/// <summary>
/// Realistic demo HealthChecks, deterministic for a seed: the same seed and row count give the same rows (ids
/// included), in timestamp order as the service wrote them. Bogus builds the name pools once; each row then costs
/// a few dozen draws from a cheap PRNG and array lookups, so generation keeps ahead of a binary COPY.
/// </summary>
public sealed class HealthCheckGenerator
{
    /// <summary>
    /// Each symptom's odds out of 1,024 among the symptomatic, in <see cref="HealthCheck.SetSymptoms"/>' order (fever,
    /// cough, sore throat, difficulty breathing, muscle pain, smell), before Omicron and from it: more sore throats and
    /// far fewer lost senses of smell with Omicron.
    /// </summary>
    private static readonly (uint Before, uint Omicron)[] Symptoms = [(460, 460), (615, 615), (460, 615), (185, 185), (360, 360), (225, 80)];

    private const long MicrosPerHour = 3_600_000_000L;
    private static readonly long UnixEpochTicks = DateTimeOffset.UnixEpoch.UtcTicks;
    private static readonly long SpanStartMicros = (WaveModel.SpanStart.UtcTicks - UnixEpochTicks) / 10;

    // The flow asked more over time: later questions are null on earlier checks (NOTES §1, §2).
    private static readonly long AskedBreathingFrom = MicrosOf(RiskRules.PointsEraEnd);                         // 2020-05-01
    private static readonly long AskedMoreFrom = MicrosOf(new DateTimeOffset(2020, 6, 15, 0, 0, 0, TimeSpan.Zero)); // muscle pain, smell, work, household
    private static readonly long AskedContactFrom = MicrosOf(new DateTimeOffset(2020, 10, 1, 0, 0, 0, TimeSpan.Zero));
    private static readonly long OmicronFrom = MicrosOf(new DateTimeOffset(2021, 11, 15, 0, 0, 0, TimeSpan.Zero));

    private static readonly string[] SourceOf = ["WhatsApp", "USSD", "Web"];
    private static readonly string[] CreatedByOf = ["whatsapp_healthcheck", "ussd_healthcheck", "web_healthcheck"];

    private readonly ulong _dedupKey;
    private readonly CheckTimeline _timeline;
    private readonly WaveModel _waves;
    private readonly PeoplePool _people;
    private readonly IReadOnlyList<District> _districts;
    private SeedRandom _rng;
    private Person _person;

    // Position in the timeline: the current hour, how many rows it holds, and which of them comes next.
    private int _hour = -1;
    private long _inHour;
    private long _nextInHour;
    private long _hourStartMicros;

    public HealthCheckGenerator(int seed, long rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        Seed = seed;
        Rows = rows;
        _districts = Districts.All;
        _waves = new WaveModel(_districts);
        _timeline = new CheckTimeline(_waves, rows);
        _people = new PeoplePool(seed, PeopleFor(rows), new NamePool(seed), _districts);
        _rng = new SeedRandom(SeedRandom.Hash((ulong)(uint)seed, 0x4843));
        _dedupKey = SeedRandom.Hash((ulong)(uint)seed, 0xDED0);
    }

    public int Seed { get; }
    public long Rows { get; }

    /// <summary>Rows produced so far; the index of the next row.</summary>
    public long Position { get; private set; }

    /// <summary>People in the pool: about one for every three checks.</summary>
    public static long PeopleFor(long rows) => Math.Max(1, rows / 3);

    internal PeoplePool People => _people;

    /// <summary>Fills the given (reused) entities with the next rows; returns how many were filled, 0 at the end.</summary>
    public int Fill(Span<HealthCheck> rows)
    {
        var n = (int)Math.Min(rows.Length, Rows - Position);
        for (var i = 0; i < n; i++) Next(rows[i]);
        return n;
    }

    /// <summary>All remaining rows as new entities (tests and small loads; the bulk path reuses entities with <see cref="Fill"/>).</summary>
    public IEnumerable<HealthCheck> Generate()
    {
        while (Position < Rows)
        {
            var row = new HealthCheck();
            Next(row);
            yield return row;
        }
    }

    /// <summary>The deduplication id of row <paramref name="index"/> under <paramref name="seed"/>: 32 hex digits, like the client-made ids.</summary>
    public static string DeduplicationId(int seed, long index) =>
        DeduplicationId(SeedRandom.Hash((ulong)(uint)seed, 0xDED0), index);

    private static string DeduplicationId(ulong key, long index)
    {
        // The low half is a bijection of the index (unique within a seed); the high half makes seeds distinct.
        var lo = SeedRandom.Mix((ulong)index + key);
        var hi = SeedRandom.Mix(lo ^ key ^ 0xA5A5_A5A5_A5A5_A5A5UL);
        return string.Create(32, (hi, lo), static (span, v) =>
        {
            const string hex = "0123456789abcdef";
            for (var i = 0; i < 16; i++)
            {
                span[i] = hex[(int)(v.hi >> (60 - 4 * i)) & 0xF];
                span[16 + i] = hex[(int)(v.lo >> (60 - 4 * i)) & 0xF];
            }
        });
    }

    private void Next(HealthCheck row)
    {
        while (_nextInHour >= _inHour) NextHour();
        var index = Position++;

        // Timestamp: spread evenly through the hour with jitter, so rows come out in order.
        var micros = _hourStartMicros + (long)((_nextInHour + _rng.NextDouble()) * MicrosPerHour / _inHour);
        _nextInHour++;
        var day = CheckTimeline.DayOfHour(_hour);

        // Who: a district in proportion to that day's checks, then a (skewed) person from it.
        var district = _timeline.SampleDistrict(day, _rng.NextDouble());
        var personIndex = _people.PickInDistrict(district, _rng.NextDouble());
        _people.Describe(personIndex, district, ref _person);
        ref var p = ref _person;
        var d = _districts[district];

        var timestamp = new DateTimeOffset(UnixEpochTicks + micros * 10, TimeSpan.Zero);
        row.Id = UuidV7(micros, _rng.NextUInt64());
        row.DeduplicationId = DeduplicationId(_dedupKey, index);
        row.Msisdn = PeoplePool.Msisdn(p.NationalNumber);
        row.FirstName = p.FirstName;
        row.LastName = p.LastName;
        row.Source = SourceOf[(int)p.Channel];
        row.CreatedBy = CreatedByOf[(int)p.Channel];
        row.Province = d.Province;
        row.DistrictCode = d.Code;
        row.District = null;
        row.City = p.Town.Name;
        row.CityLatitude = p.Town.Latitude;
        row.CityLongitude = p.Town.Longitude;
        if (p.SharesLocation)
        {
            // Where they stood when sharing the pin: near home, to the 5 decimals ISO 6709 strings carried.
            row.Latitude = Math.Round(p.HomeLatitude + (_rng.NextDouble() - 0.5) * 0.008, 5);
            row.Longitude = Math.Round(p.HomeLongitude + (_rng.NextDouble() - 0.5) * 0.008, 5);
        }
        else
        {
            row.Latitude = null;
            row.Longitude = null;
        }
        row.Age = p.Age;
        row.DateOfBirth = p.DateOfBirth;
        row.Gender = p.Gender;

        // How sick: the share with symptoms (and exposed) rises with the wave in their district.
        var wave = _waves.Intensity(day, district);
        var v2 = micros >= AskedBreathingFrom;
        var v3 = micros >= AskedMoreFrom;
        var v4 = micros >= AskedContactFrom;
        var omicron = micros >= OmicronFrom;
        var symptomatic = _rng.NextDouble() < 0.05 + 0.22 * wave + (p.Age == AgeBand.Over65 ? 0.03 : 0);
        var bits = _rng.NextUInt64(); // six 10-bit rolls, one per symptom
        var asked = 7 | (v2 ? 8 : 0) | (v3 ? 16 | 32 : 0);
        var present = 0;
        if (symptomatic)
        {
            for (var i = 0; i < Symptoms.Length; i++)
                if ((asked & (1 << i)) != 0 && ((bits >> (10 * i)) & 0x3FF) < (omicron ? Symptoms[i].Omicron : Symptoms[i].Before))
                    present |= 1 << i;
            if (present == 0) present = 2; // a symptomatic user with no symptom rolled reports a cough
        }
        row.SetSymptoms(present, asked);

        var exposureRoll = _rng.NextDouble();
        var exposedShare = 0.02 + 0.09 * wave + (p.PlaceOfWork == PlaceOfWork.Healthcare ? 0.08 : 0);
        row.Exposure = exposureRoll < exposedShare ? Answer.Yes : exposureRoll < exposedShare + 0.07 ? Answer.NotSure : Answer.No;
        row.ConfirmedContact = v4
            ? _rng.NextDouble() < (row.Exposure == Answer.Yes ? 0.35 : 0.015 + 0.05 * wave)
            : null;
        row.PreexistingCondition = v2 ? p.Preexisting : null;
        row.PlaceOfWork = v3 ? p.PlaceOfWork : null;
        row.RoomsInHousehold = v3 ? p.Rooms : null;
        row.PersonsInHousehold = v3 ? p.Persons : null;
        row.Tracing = ((bits >> 60) & 0xF) != 0; // 15 in 16 agree to be contacted

        row.Risk = RiskRules.Classify(row.RiskInputs, timestamp);
        row.Timestamp = timestamp;
        row.CompletedTimestamp = timestamp;
        row.Data = null;
    }

    private void NextHour()
    {
        _hour++;
        _inHour = _timeline.RowsBefore(_hour + 1) - _timeline.RowsBefore(_hour);
        _nextInHour = 0;
        _hourStartMicros = SpanStartMicros + _hour * MicrosPerHour;
    }

    /// <summary>
    /// A UUIDv7 (RFC 9562): 48-bit Unix milliseconds, then the sub-millisecond microseconds in the top of rand_a
    /// (method 3, "increased clock precision"), then seeded random bits. Ids therefore sort like the timestamps.
    /// </summary>
    internal static Guid UuidV7(long unixMicros, ulong random)
    {
        var ms = unixMicros / 1000;
        var sub = (int)(unixMicros % 1000); // < 1024: 10 bits
        return new Guid(
            (int)(ms >> 16),
            (short)(ms & 0xFFFF),
            (short)(0x7000 | (sub << 2) | (int)(random & 3)),
            (byte)(0x80 | ((random >> 2) & 0x3F)),
            (byte)(random >> 8), (byte)(random >> 16), (byte)(random >> 24),
            (byte)(random >> 32), (byte)(random >> 40), (byte)(random >> 48), (byte)(random >> 56));
    }

    private static long MicrosOf(DateTimeOffset t) => (t.UtcTicks - UnixEpochTicks) / 10;
}
