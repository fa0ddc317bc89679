using Bogus;
using BogusGender = Bogus.DataSets.Name.Gender;

namespace Admin.Data.Bulk;

/// <summary>
/// First names (by gender) and surnames, drawn once from Bogus's South African locale with a seeded Randomizer
/// and then picked by index: Bogus costs microseconds per call, an array lookup costs nothing.
/// </summary>
internal sealed class NamePool
{
    // Bogus's en_ZA first names are mostly English; add names common in South Africa so the mix looks local.
    private static readonly string[] LocalMale =
    [
        "Sipho", "Thabo", "Bongani", "Mandla", "Themba", "Lwazi", "Sibusiso", "Tshepo", "Kagiso", "Lungile", "Musa", "Xolani",
        "Andile", "Siyabonga", "Tebogo", "Katlego", "Mpho", "Lerato", "Vusi", "Jabulani", "Pieter", "Johan", "Thulani", "Neo",
        "Mohammed", "Ayanda", "Nkosinathi", "Kabelo", "Tumelo", "Pule",
    ];

    private static readonly string[] LocalFemale =
    [
        "Nomvula", "Thandeka", "Zanele", "Nokuthula", "Palesa", "Lindiwe", "Busisiwe", "Nthabiseng", "Naledi", "Zodwa", "Ayanda", "Precious",
        "Refilwe", "Lerato", "Dineo", "Mbali", "Nompumelelo", "Sibongile", "Thandiwe", "Khanyisile", "Anele", "Karabo", "Noluthando", "Annelie",
        "Fatima", "Zinhle", "Boitumelo", "Keabetswe", "Nandi", "Ntombi",
    ];

    private const int BogusFirstNames = 400;
    private const int BogusLastNames = 1200;
    private const int LocalRepeat = 7;

    public NamePool(int seed)
    {
        Male = Build(seed, 1, BogusFirstNames, f => f.Name.FirstName(BogusGender.Male), LocalMale);
        Female = Build(seed, 2, BogusFirstNames, f => f.Name.FirstName(BogusGender.Female), LocalFemale);
        Last = Build(seed, 3, BogusLastNames, f => f.Name.LastName(), []);
    }

    public string[] Male { get; }
    public string[] Female { get; }
    public string[] Last { get; }

    private static string[] Build(int seed, int pool, int count, Func<Faker, string> pick, string[] extra)
    {
        // One seeded Faker per pool: no shared global Randomizer, so pools do not depend on build order.
        var faker = new Faker("en_ZA") { Random = new Randomizer(unchecked(seed * 31 + pool)) };
        var names = new string[count + extra.Length * LocalRepeat];
        for (var i = 0; i < count; i++) names[i] = pick(faker);
        // Local names repeat so that they make up about a third of the pool.
        for (var i = 0; i < extra.Length * LocalRepeat; i++) names[count + i] = extra[i % extra.Length];
        return names;
    }
}
