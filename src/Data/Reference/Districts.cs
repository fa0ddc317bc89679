using Admin.Data.Domain;
using Admin.Data.Entities;

namespace Admin.Data.Reference;

/// <summary>
/// The 8 metropolitan and 44 district municipalities of South Africa (Municipal Demarcation Board codes),
/// with Census 2011 population, area and an approximate centroid. Seeded by migration; the generator and
/// the hotspot map read the same list.
/// </summary>
public static class Districts
{
    private static District D(string code, string name, Province p, double lat, double lon, int population, double area, bool metro = false) =>
        new() { Code = code, Name = name, Province = p, CentroidLatitude = lat, CentroidLongitude = lon, Population = population, AreaKm2 = area, IsMetro = metro };

    public static readonly IReadOnlyList<District> All =
    [
        // Eastern Cape
        D("BUF", "Buffalo City", Province.EasternCape, -32.95, 27.65, 755_200, 2_536, metro: true),
        D("NMA", "Nelson Mandela Bay", Province.EasternCape, -33.85, 25.55, 1_152_115, 1_959, metro: true),
        D("DC10", "Sarah Baartman", Province.EasternCape, -33.20, 24.80, 450_584, 58_243),
        D("DC12", "Amathole", Province.EasternCape, -32.55, 27.10, 892_637, 21_595),
        D("DC13", "Chris Hani", Province.EasternCape, -31.90, 26.80, 795_461, 36_407),
        D("DC14", "Joe Gqabi", Province.EasternCape, -30.90, 27.30, 349_768, 25_663),
        D("DC15", "O.R. Tambo", Province.EasternCape, -31.55, 29.00, 1_364_943, 12_096),
        D("DC44", "Alfred Nzo", Province.EasternCape, -30.70, 29.00, 801_344, 10_731),
        // Free State
        D("MAN", "Mangaung", Province.FreeState, -29.15, 26.45, 747_431, 9_886, metro: true),
        D("DC16", "Xhariep", Province.FreeState, -29.90, 25.60, 146_259, 37_674),
        D("DC18", "Lejweleputswa", Province.FreeState, -28.10, 26.30, 627_626, 31_930),
        D("DC19", "Thabo Mofutsanyana", Province.FreeState, -28.40, 28.50, 736_238, 33_269),
        D("DC20", "Fezile Dabi", Province.FreeState, -27.20, 27.40, 488_036, 20_668),
        // Gauteng
        D("EKU", "Ekurhuleni", Province.Gauteng, -26.15, 28.35, 3_178_470, 1_975, metro: true),
        D("JHB", "City of Johannesburg", Province.Gauteng, -26.17, 27.98, 4_434_827, 1_645, metro: true),
        D("TSH", "City of Tshwane", Province.Gauteng, -25.70, 28.35, 2_921_488, 6_298, metro: true),
        D("DC42", "Sedibeng", Province.Gauteng, -26.60, 28.00, 916_484, 4_185),
        D("DC48", "West Rand", Province.Gauteng, -26.20, 27.55, 820_995, 4_087),
        // KwaZulu-Natal
        D("ETH", "eThekwini", Province.KwaZuluNatal, -29.85, 30.85, 3_442_361, 2_556, metro: true),
        D("DC21", "Ugu", Province.KwaZuluNatal, -30.70, 30.20, 722_484, 4_791),
        D("DC22", "uMgungundlovu", Province.KwaZuluNatal, -29.55, 30.15, 1_017_763, 9_189),
        D("DC23", "uThukela", Province.KwaZuluNatal, -28.75, 29.60, 668_848, 11_329),
        D("DC24", "Umzinyathi", Province.KwaZuluNatal, -28.45, 30.50, 510_838, 8_589),
        D("DC25", "Amajuba", Province.KwaZuluNatal, -27.80, 30.00, 499_839, 6_910),
        D("DC26", "Zululand", Province.KwaZuluNatal, -27.75, 31.30, 803_575, 14_799),
        D("DC27", "Umkhanyakude", Province.KwaZuluNatal, -27.40, 32.30, 625_846, 12_818),
        D("DC28", "King Cetshwayo", Province.KwaZuluNatal, -28.70, 31.60, 907_519, 8_213),
        D("DC29", "iLembe", Province.KwaZuluNatal, -29.30, 31.15, 606_809, 3_269),
        D("DC43", "Harry Gwala", Province.KwaZuluNatal, -30.00, 29.60, 461_419, 10_547),
        // Limpopo
        D("DC33", "Mopani", Province.Limpopo, -23.60, 30.80, 1_092_507, 20_011),
        D("DC34", "Vhembe", Province.Limpopo, -22.80, 30.40, 1_294_722, 25_597),
        D("DC35", "Capricorn", Province.Limpopo, -23.70, 29.30, 1_261_463, 21_705),
        D("DC36", "Waterberg", Province.Limpopo, -24.20, 28.20, 679_336, 44_913),
        D("DC47", "Sekhukhune", Province.Limpopo, -24.80, 29.80, 1_076_840, 13_528),
        // Mpumalanga
        D("DC30", "Gert Sibande", Province.Mpumalanga, -26.70, 30.00, 1_043_194, 31_841),
        D("DC31", "Nkangala", Province.Mpumalanga, -25.70, 29.30, 1_308_129, 16_758),
        D("DC32", "Ehlanzeni", Province.Mpumalanga, -25.20, 31.00, 1_688_615, 27_896),
        // Northern Cape
        D("DC6", "Namakwa", Province.NorthernCape, -29.80, 18.50, 115_842, 126_836),
        D("DC7", "Pixley ka Seme", Province.NorthernCape, -30.50, 23.50, 186_351, 103_411),
        D("DC8", "ZF Mgcawu", Province.NorthernCape, -27.80, 21.30, 236_783, 102_484),
        D("DC9", "Frances Baard", Province.NorthernCape, -28.60, 24.60, 382_086, 12_836),
        D("DC45", "John Taolo Gaetsewe", Province.NorthernCape, -27.20, 23.20, 224_799, 27_283),
        // North West
        D("DC37", "Bojanala Platinum", Province.NorthWest, -25.50, 27.30, 1_507_505, 18_333),
        D("DC38", "Ngaka Modiri Molema", Province.NorthWest, -25.90, 25.80, 842_699, 28_206),
        D("DC39", "Dr Ruth Segomotsi Mompati", Province.NorthWest, -27.00, 24.80, 463_815, 43_764),
        D("DC40", "Dr Kenneth Kaunda", Province.NorthWest, -26.80, 26.70, 695_933, 14_671),
        // Western Cape
        D("CPT", "City of Cape Town", Province.WesternCape, -33.95, 18.60, 3_740_026, 2_446, metro: true),
        D("DC1", "West Coast", Province.WesternCape, -32.40, 18.60, 391_766, 31_119),
        D("DC2", "Cape Winelands", Province.WesternCape, -33.50, 19.70, 787_490, 21_473),
        D("DC3", "Overberg", Province.WesternCape, -34.30, 19.90, 258_176, 12_241),
        D("DC4", "Garden Route", Province.WesternCape, -33.80, 22.50, 574_265, 23_331),
        D("DC5", "Central Karoo", Province.WesternCape, -32.50, 22.50, 71_011, 38_854),
    ];

    public static District? Find(string code) => All.FirstOrDefault(d => string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase));
}
