using Admin.Data.Domain;
using Admin.Data.Entities;
using Admin.Data.Reference;

namespace Admin.Data.Bulk;

/// <summary>
/// Demo vaccine registrations, deterministic for (seed, rows, HealthCheck rows), in created_at order. Registration
/// opened by age group (60+ from 16 Apr 2021, 50+ Jul, 35+ mid-Jul, 18+ 20 Aug, 12+ 20 Oct), each opening a surge.
/// Most registrants are HealthCheck users (same number, name and province); the rest are people who never checked.
/// <see cref="VaccineRegistration.Id"/> is left 0: the table's identity column assigns it.
/// </summary>
public sealed class VaccineRegistrationGenerator
{
    private static readonly DateOnly Opened = new(2021, 4, 16);
    private static readonly DateOnly End = DateOnly.FromDateTime(WaveModel.SpanEnd.UtcDateTime); // exclusive
    private static readonly int Days = End.DayNumber - Opened.DayNumber;

    // (opening day, minimum age, surge height): the day each age group could register.
    private static readonly (DateOnly Day, int MinAge, double Surge)[] Phases =
    [
        (Opened, 60, 5.0),
        (new DateOnly(2021, 7, 1), 50, 4.0),
        (new DateOnly(2021, 7, 15), 35, 5.0),
        (new DateOnly(2021, 8, 20), 18, 6.0),
        (new DateOnly(2021, 10, 20), 12, 1.5),
    ];

    private static readonly VaccineGender[] GenderOf = [VaccineGender.Male, VaccineGender.Female, VaccineGender.Other, VaccineGender.Other];

    private readonly PeoplePool _people;
    private readonly IReadOnlyList<District> _districts;
    private readonly long[] _rowsBeforeDay;
    private SeedRandom _rng;
    private Person _person;
    private int _day;

    public VaccineRegistrationGenerator(int seed, long rows, long healthCheckRows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        Rows = rows;
        _districts = Districts.All;
        _people = new PeoplePool(seed, HealthCheckGenerator.PeopleFor(healthCheckRows), new NamePool(seed), _districts);
        _rng = new SeedRandom(SeedRandom.Hash((ulong)(uint)seed, 0x5641));

        // Daily registrations: a surge decaying over a few weeks after each opening, on a small steady base.
        var weight = new double[Days];
        for (var d = 0; d < Days; d++)
        {
            var day = Opened.AddDays(d);
            double w = 0.15;
            foreach (var (opens, _, surge) in Phases)
                if (day >= opens) w += surge * Math.Exp(-(day.DayNumber - opens.DayNumber) / 18.0);
            weight[d] = w;
        }
        var total = weight.Sum();
        _rowsBeforeDay = new long[Days + 1];
        double running = 0;
        for (var d = 0; d < Days; d++)
        {
            running += weight[d];
            _rowsBeforeDay[d + 1] = d == Days - 1 ? rows : (long)Math.Round(rows * (running / total));
        }
    }

    public long Rows { get; }
    public long Position { get; private set; }

    public int Fill(Span<VaccineRegistration> rows)
    {
        var n = (int)Math.Min(rows.Length, Rows - Position);
        for (var i = 0; i < n; i++) Next(rows[i]);
        return n;
    }

    public IEnumerable<VaccineRegistration> Generate()
    {
        while (Position < Rows)
        {
            var row = new VaccineRegistration();
            Next(row);
            yield return row;
        }
    }

    private void Next(VaccineRegistration row)
    {
        while (_rowsBeforeDay[_day + 1] <= Position) _day++;
        var index = Position++;
        var date = Opened.AddDays(_day);

        // Rows of a day share it evenly, with jitter: registrations come out in order, mostly in daytime (SAST).
        var inDay = _rowsBeforeDay[_day + 1] - _rowsBeforeDay[_day];
        var slot = (index - _rowsBeforeDay[_day] + _rng.NextDouble()) / inDay;
        var secondsSast = 6 * 3600 + slot * 17 * 3600; // 06:00 .. 23:00
        var micros = (long)(secondsSast * 1_000_000) - WaveModel.SastOffsetHours * 3_600_000_000L;
        row.CreatedAt = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddTicks(micros * 10);

        // Someone old enough on that day: most are HealthCheck users, the rest new to the service.
        var minAge = MinimumAge(date);
        for (var attempt = 0; ; attempt++)
        {
            var u = _rng.NextDouble();
            int personIndex, district;
            if (_rng.NextDouble() < 0.7)
            {
                personIndex = (int)(u * _people.Count);
                district = _people.DistrictOf(personIndex);
            }
            else
            {
                personIndex = _people.Count + (int)(u * (PeoplePool.NumberSpace / 2 - _people.Count));
                district = _people.DistrictOf((int)(_rng.NextDouble() * _people.Count)); // by population
            }
            _people.Describe(personIndex, district, ref _person);
            if (AgeOn(_person.BirthDate, date) >= minAge || attempt == 200) break;
        }

        ref var p = ref _person;
        row.Id = 0;
        row.Gender = GenderOf[(int)p.Gender];
        row.FirstName = p.FirstName;
        row.Surname = p.LastName;
        row.DateOfBirth = p.BirthDate;
        row.MobileNumber = PeoplePool.Msisdn(p.NationalNumber);
        row.Province = _districts[p.District].Province;
    }

    private static int MinimumAge(DateOnly date)
    {
        var min = Phases[0].MinAge;
        foreach (var (opens, minAge, _) in Phases)
            if (date >= opens) min = minAge;
        return min;
    }

    private static int AgeOn(DateOnly birth, DateOnly date)
    {
        var age = date.Year - birth.Year;
        return date < birth.AddYears(age) ? age - 1 : age;
    }
}
