using Admin.Data.Domain;
using Admin.Data.Entities;

namespace Admin.Data.Bulk;

/// <summary>How a person reaches the service; also decides <c>source</c> and <c>created_by</c>.</summary>
internal enum CheckChannel : byte { WhatsApp, Ussd, Web }

/// <summary>Everything about a person that stays the same across their checks.</summary>
internal struct Person
{
    public int Index;
    public int District;
    /// <summary>National significant number, nine digits starting 6, 7 or 8 (E.164 is "+27" and this).</summary>
    public int NationalNumber;
    public string FirstName;
    public string LastName;
    public AgeBand Age;
    public Gender Gender;
    /// <summary>Always known (vaccine registrations need it); HealthChecks show it only when the person gave it.</summary>
    public DateOnly BirthDate;
    public DateOnly? DateOfBirth;
    public Town Town;
    public CheckChannel Channel;
    public bool SharesLocation;
    public double HomeLatitude;
    public double HomeLongitude;
    public PlaceOfWork? PlaceOfWork;
    public Answer Preexisting;
    public int Rooms;
    public int Persons;
}

/// <summary>
/// The people who use the service: a pool of about rows/3, split over districts by population. Nothing is stored
/// per person: a person's traits are a pure function of (seed, index), so a pool of millions costs no memory and
/// no start-up time, and every check by the same person agrees on name, age band, gender and district.
/// Phone numbers come from a keyed permutation of the index, so no two people share one.
/// </summary>
internal sealed class PeoplePool
{
    // Mobile prefixes in use (after +27): Vodacom, MTN, Cell C, Telkom and MVNO ranges.
    private static readonly int[] Prefixes = [60, 61, 62, 63, 64, 65, 66, 67, 68, 71, 72, 73, 74, 76, 78, 79, 81, 82, 83, 84];
    private const int NumbersPerPrefix = 10_000_000;

    /// <summary>Distinct phone numbers available; indexes at or above <see cref="Count"/> are people outside the pool.</summary>
    public static readonly long NumberSpace = (long)Prefixes.Length * NumbersPerPrefix;


    private const double KmPerDegree = 111.2;

    private readonly ulong _key;
    private readonly ulong _k0, _k1, _k2, _k3;
    private readonly NamePool _names;
    private readonly IReadOnlyList<District> _districts;
    private readonly int[] _start;
    private readonly int[] _count;
    private readonly Town[][] _towns;
    private readonly int[][] _townCumulative;
    private readonly double[] _sqrtArea;
    private readonly double[] _kmPerLongitudeDegree;

    public PeoplePool(int seed, long people, NamePool names, IReadOnlyList<District> districts)
    {
        _key = SeedRandom.Hash((ulong)(uint)seed, 0x5045_4F50);
        (_k0, _k1, _k2, _k3) = (SeedRandom.Hash(_key, 100), SeedRandom.Hash(_key, 101), SeedRandom.Hash(_key, 102), SeedRandom.Hash(_key, 103));
        _names = names;
        _districts = districts;

        // Shares by population; at least one person per district so every district can be drawn.
        var total = districts.Sum(d => (double)d.Population);
        people = Math.Clamp(people, districts.Count, NumberSpace / 2);
        _start = new int[districts.Count + 1];
        _count = new int[districts.Count];
        for (var d = 0; d < districts.Count; d++)
        {
            _count[d] = Math.Max(1, (int)Math.Round(people * districts[d].Population / total));
            _start[d + 1] = _start[d] + _count[d];
        }
        Count = _start[districts.Count];

        _towns = new Town[districts.Count][];
        _townCumulative = new int[districts.Count][];
        _sqrtArea = new double[districts.Count];
        _kmPerLongitudeDegree = new double[districts.Count];
        for (var d = 0; d < districts.Count; d++)
        {
            _towns[d] = Towns.ByDistrict.TryGetValue(districts[d].Code, out var towns)
                ? towns
                : [new Town(districts[d].Name, districts[d].CentroidLatitude, districts[d].CentroidLongitude, 1)];
            var cum = new int[_towns[d].Length];
            var sum = 0;
            for (var t = 0; t < cum.Length; t++) cum[t] = sum += _towns[d][t].Weight;
            _townCumulative[d] = cum;
            _sqrtArea[d] = Math.Sqrt(districts[d].AreaKm2);
            _kmPerLongitudeDegree[d] = KmPerDegree * Math.Cos(districts[d].CentroidLatitude * (Math.PI / 180));
        }
    }

    public int Count { get; }

    /// <summary>
    /// A person of a district, skewed so that some people check many times: index = n * u^1.5 (u * sqrt(u) costs far
    /// less than Math.Pow). The busiest people check a few hundred times in 20M rows, as with daily screening at work.
    /// </summary>
    public int PickInDistrict(int district, double u) =>
        _start[district] + Math.Min(_count[district] - 1, (int)(_count[district] * (u * Math.Sqrt(u))));

    /// <summary>The district a pool member lives in.</summary>
    public int DistrictOf(int index)
    {
        int lo = 0, hi = _districts.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >> 1;
            if (_start[mid] <= index) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    /// <summary>Fills in the traits of person <paramref name="index"/> living in <paramref name="district"/>.</summary>
    public void Describe(int index, int district, ref Person p)
    {
        var key = SeedRandom.Hash(_key, (ulong)index);
        var h1 = SeedRandom.Mix(key ^ 0x1111);
        var h2 = SeedRandom.Mix(key ^ 0x2222);
        var h3 = SeedRandom.Mix(key ^ 0x3333);
        var h4 = SeedRandom.Mix(key ^ 0x4444);

        p.Index = index;
        p.District = district;
        p.NationalNumber = NationalNumber(index);

        // Gender and name
        var g = (int)(h1 & 0x3FF); // 0..1023
        p.Gender = g < 522 ? Gender.Female : g < 1000 ? Gender.Male : g < 1010 ? Gender.Other : Gender.NotSay;
        var firsts = p.Gender == Gender.Female || (p.Gender != Gender.Male && (h1 & 0x400) != 0) ? _names.Female : _names.Male;
        p.FirstName = firsts[SeedRandom.Index(h1 >> 11, firsts.Length)];
        p.LastName = _names.Last[SeedRandom.Index(h2, _names.Last.Length)];

        // Age band (users skew young: a smartphone service used for workplace screening), date of birth for some
        var a = (int)((h2 >> 32) & 0x3FF);
        p.Age = a < 41 ? AgeBand.Under18 : a < 614 ? AgeBand.From18To40 : a < 952 ? AgeBand.From40To65 : AgeBand.Over65;
        p.BirthDate = BirthDate(p.Age, h3);
        p.DateOfBirth = ((h2 >> 42) & 0xFF) < 90 ? p.BirthDate : null;

        // Channel and whether they share a location pin
        var c = (int)((h2 >> 50) & 0x3FF);
        p.Channel = c < 902 ? CheckChannel.WhatsApp : c < 984 ? CheckChannel.Ussd : CheckChannel.Web;
        var shareRoll = (int)((h3 >> 40) & 0x3FF);
        p.SharesLocation = p.Channel switch { CheckChannel.WhatsApp => shareRoll < 880, CheckChannel.Web => shareRoll < 700, _ => false };

        // Town and home location: most people live in a town, the rest spread over the district
        var towns = _towns[district];
        var cum = _townCumulative[district];
        var pick = SeedRandom.Index(h4, cum[^1]);
        var t = 0;
        while (cum[t] <= pick) t++;
        p.Town = towns[t];
        var sqrtArea = _sqrtArea[district];
        double lat, lon, spreadKm;
        if (((h4 >> 32) & 0xFF) < 205)
        {
            (lat, lon) = (p.Town.Latitude, p.Town.Longitude);
            spreadKm = Math.Clamp(sqrtArea * 0.03, 1.5, 6);
        }
        else
        {
            (lat, lon) = (_districts[district].CentroidLatitude, _districts[district].CentroidLongitude);
            spreadKm = sqrtArea * 0.15;
        }
        // Irwin-Hall(4) approximates a normal cheaply and is bounded (about +-3.5 sd): the spread clamps itself.
        var limitKm = sqrtArea * 0.5;
        var northKm = Math.Clamp(NormalIsh(h3) * spreadKm, -limitKm, limitKm);
        var eastKm = Math.Clamp(NormalIsh(SeedRandom.Mix(h3 ^ 0x5555)) * spreadKm, -limitKm, limitKm);
        p.HomeLatitude = lat + northKm / KmPerDegree;
        p.HomeLongitude = lon + eastKm / _kmPerLongitudeDegree[district];

        // Work, health and household
        var w = (int)((h4 >> 40) & 0x3FF);
        p.PlaceOfWork = p.Age is AgeBand.Under18 or AgeBand.Over65 && w < 700 ? null
            : w < 100 ? PlaceOfWork.Healthcare : w < 190 ? PlaceOfWork.Education : w < 196 ? PlaceOfWork.PortOfEntry
            : w < 600 ? PlaceOfWork.Other : null;
        var pre = (int)((h4 >> 50) & 0x3FF);
        var preYes = p.Age switch { AgeBand.Over65 => 460, AgeBand.From40To65 => 230, _ => 70 };
        p.Preexisting = pre < preYes ? Answer.Yes : pre < preYes + 60 ? Answer.NotSure : Answer.No;
        var hh = (int)(h1 >> 54); // 0..1023
        p.Persons = hh < 120 ? 1 : hh < 300 ? 2 : hh < 510 ? 3 : hh < 710 ? 4 : hh < 840 ? 5 : hh < 930 ? 6 : 7 + (hh & 3);
        p.Rooms = 1 + (int)((uint)(h3 >> 20) % (uint)Math.Min(6, p.Persons + 2));
    }

    /// <summary>"+27" and the nine-digit national number, built without format strings.</summary>
    public static string Msisdn(int nationalNumber) =>
        string.Create(12, nationalNumber, static (span, n) =>
        {
            span[0] = '+';
            span[1] = '2';
            span[2] = '7';
            for (var i = 11; i >= 3; i--)
            {
                span[i] = (char)('0' + n % 10);
                n /= 10;
            }
        });

    /// <summary>The phone number of person <paramref name="index"/> (any index below <see cref="NumberSpace"/>).</summary>
    public int NationalNumber(long index)
    {
        // A 4-round Feistel network on 28 bits is a keyed bijection; cycle-walking keeps it inside the number space.
        var x = (ulong)index;
        do x = Feistel28(x);
        while (x >= (ulong)NumberSpace);
        var prefix = Prefixes[(int)(x / NumbersPerPrefix)];
        return prefix * NumbersPerPrefix + (int)(x % NumbersPerPrefix);
    }

    private ulong Feistel28(ulong x)
    {
        var left = (x >> 14) & 0x3FFF;
        var right = x & 0x3FFF;
        left ^= SeedRandom.Mix(right ^ _k0) & 0x3FFF;
        right ^= SeedRandom.Mix(left ^ _k1) & 0x3FFF;
        left ^= SeedRandom.Mix(right ^ _k2) & 0x3FFF;
        right ^= SeedRandom.Mix(left ^ _k3) & 0x3FFF;
        return (left << 14) | right;
    }

    private static double NormalIsh(ulong h) =>
        ((h & 0xFFFF) + ((h >> 16) & 0xFFFF) + ((h >> 32) & 0xFFFF) + (h >> 48)) / 65536.0 * 1.7320508 - 3.4641016;

    /// <summary>A birth date that keeps the person inside their age band for the whole span.</summary>
    private static DateOnly BirthDate(AgeBand band, ulong h)
    {
        var (minAge, maxAge) = band switch
        {
            AgeBand.Under18 => (10, 15),
            AgeBand.From18To40 => (18, 37),
            AgeBand.From40To65 => (40, 62),
            _ => (66, 92),
        };
        // Age on the first day of the span, plus a day within that year of life.
        var age = minAge + (int)((h & 0xFFFF) % (ulong)(maxAge - minAge + 1));
        var start = new DateOnly(2020, 3, 20).AddYears(-age - 1);
        return start.AddDays(1 + (int)((h >> 16) % 364));
    }
}
