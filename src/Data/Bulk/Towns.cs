namespace Admin.Data.Bulk;

/// <summary>A town people name as their city, with its approximate location; weight is its relative share of the district's users.</summary>
internal readonly record struct Town(string Name, double Latitude, double Longitude, int Weight);

/// <summary>
/// The main towns of each district (approximate coordinates), so that generated cities and locations agree with the
/// district and cluster where people live. Bogus's en_ZA locale only knows a dozen big cities, none tied to a district.
/// </summary>
internal static class Towns
{
    private static Town T(string name, double lat, double lon, int weight = 1) => new(name, lat, lon, weight);

    public static readonly IReadOnlyDictionary<string, Town[]> ByDistrict = new Dictionary<string, Town[]>(StringComparer.Ordinal)
    {
        // Eastern Cape
        ["BUF"] = [T("East London", -33.015, 27.911, 4), T("Mdantsane", -32.950, 27.740, 3), T("Qonce", -32.880, 27.400, 1)],
        ["NMA"] = [T("Gqeberha", -33.960, 25.600, 6), T("Kariega", -33.760, 25.400, 2), T("Despatch", -33.800, 25.470, 1)],
        ["DC10"] = [T("Makhanda", -33.310, 26.530, 2), T("Graaff-Reinet", -32.250, 24.540, 1), T("Jeffreys Bay", -34.050, 24.910, 1), T("Somerset East", -32.720, 25.580, 1)],
        ["DC12"] = [T("Butterworth", -32.330, 28.150, 2), T("Fort Beaufort", -32.780, 26.630, 1), T("Stutterheim", -32.570, 27.420, 1), T("Dutywa", -32.100, 28.310, 1)],
        ["DC13"] = [T("Komani", -31.900, 26.880, 3), T("Cradock", -32.160, 25.620, 1), T("Cofimvaba", -32.000, 27.580, 1)],
        ["DC14"] = [T("Aliwal North", -30.690, 26.710, 2), T("Sterkspruit", -30.530, 27.370, 1), T("Mount Fletcher", -30.690, 28.500, 1)],
        ["DC15"] = [T("Mthatha", -31.590, 28.780, 4), T("Port St Johns", -31.620, 29.540, 1), T("Lusikisiki", -31.360, 29.580, 1), T("Ngqeleni", -31.670, 29.030, 1)],
        ["DC44"] = [T("Mount Frere", -30.910, 28.990, 1), T("Matatiele", -30.340, 28.810, 2), T("Mount Ayliff", -30.810, 29.370, 1), T("Bizana", -30.860, 29.850, 1)],
        // Free State
        ["MAN"] = [T("Bloemfontein", -29.120, 26.210, 5), T("Botshabelo", -29.270, 26.730, 2), T("Thaba Nchu", -29.210, 26.840, 1)],
        ["DC16"] = [T("Trompsburg", -30.030, 25.780, 1), T("Zastron", -30.300, 27.080, 1), T("Koffiefontein", -29.410, 25.000, 1), T("Jagersfontein", -29.770, 25.420, 1)],
        ["DC18"] = [T("Welkom", -27.980, 26.730, 3), T("Virginia", -28.100, 26.860, 1), T("Odendaalsrus", -27.870, 26.690, 1)],
        ["DC19"] = [T("Bethlehem", -28.230, 28.310, 2), T("Phuthaditjhaba", -28.530, 28.820, 2), T("Harrismith", -28.270, 29.130, 1), T("Ficksburg", -28.880, 27.880, 1)],
        ["DC20"] = [T("Sasolburg", -26.810, 27.820, 2), T("Kroonstad", -27.650, 27.230, 2), T("Parys", -26.900, 27.450, 1)],
        // Gauteng
        ["EKU"] = [T("Germiston", -26.220, 28.170, 2), T("Benoni", -26.190, 28.320, 2), T("Tembisa", -25.990, 28.230, 2), T("Boksburg", -26.210, 28.260, 2), T("Springs", -26.250, 28.440, 1), T("Kempton Park", -26.100, 28.230, 2)],
        ["JHB"] = [T("Johannesburg", -26.204, 28.047, 6), T("Soweto", -26.270, 27.860, 4), T("Sandton", -26.107, 28.057, 2), T("Randburg", -26.094, 28.001, 2), T("Alexandra", -26.104, 28.097, 1)],
        ["TSH"] = [T("Pretoria", -25.747, 28.229, 6), T("Centurion", -25.860, 28.190, 2), T("Soshanguve", -25.520, 28.100, 2), T("Mamelodi", -25.720, 28.390, 2)],
        ["DC42"] = [T("Vereeniging", -26.670, 27.930, 2), T("Vanderbijlpark", -26.700, 27.840, 2), T("Meyerton", -26.560, 28.010, 1), T("Heidelberg", -26.500, 28.360, 1)],
        ["DC48"] = [T("Krugersdorp", -26.100, 27.770, 2), T("Randfontein", -26.180, 27.700, 1), T("Carletonville", -26.360, 27.400, 1)],
        // KwaZulu-Natal
        ["ETH"] = [T("Durban", -29.858, 31.021, 6), T("Pinetown", -29.820, 30.860, 2), T("Umlazi", -29.970, 30.890, 2), T("Chatsworth", -29.910, 30.880, 1), T("Umhlanga", -29.730, 31.080, 1)],
        ["DC21"] = [T("Port Shepstone", -30.740, 30.450, 2), T("Margate", -30.860, 30.370, 1), T("Hibberdene", -30.570, 30.570, 1)],
        ["DC22"] = [T("Pietermaritzburg", -29.600, 30.380, 5), T("Howick", -29.480, 30.230, 1)],
        ["DC23"] = [T("Ladysmith", -28.560, 29.780, 2), T("Estcourt", -29.010, 29.870, 1), T("Bergville", -28.730, 29.350, 1)],
        ["DC24"] = [T("Dundee", -28.170, 30.230, 1), T("Greytown", -29.060, 30.590, 1), T("Nquthu", -28.220, 30.670, 1)],
        ["DC25"] = [T("Newcastle", -27.760, 29.930, 3), T("Madadeni", -27.750, 30.050, 1), T("Utrecht", -27.660, 30.320, 1)],
        ["DC26"] = [T("Ulundi", -28.330, 31.420, 1), T("Vryheid", -27.770, 30.790, 2), T("Pongola", -27.380, 31.620, 1)],
        ["DC27"] = [T("Hluhluwe", -28.020, 32.270, 1), T("Jozini", -27.430, 32.060, 1), T("Manguzi", -26.980, 32.750, 1)],
        ["DC28"] = [T("Richards Bay", -28.780, 32.040, 2), T("Empangeni", -28.760, 31.890, 2), T("Eshowe", -28.890, 31.470, 1)],
        ["DC29"] = [T("KwaDukuza", -29.330, 31.290, 2), T("Ballito", -29.540, 31.210, 1), T("Ndwedwe", -29.520, 30.940, 1)],
        ["DC43"] = [T("Kokstad", -30.550, 29.420, 2), T("Ixopo", -30.150, 30.060, 1), T("Underberg", -29.790, 29.490, 1)],
        // Limpopo
        ["DC33"] = [T("Tzaneen", -23.830, 30.160, 2), T("Phalaborwa", -23.940, 31.140, 1), T("Giyani", -23.300, 30.720, 2)],
        ["DC34"] = [T("Thohoyandou", -22.950, 30.480, 3), T("Makhado", -23.050, 29.900, 2), T("Musina", -22.350, 30.040, 1)],
        ["DC35"] = [T("Polokwane", -23.900, 29.450, 4), T("Seshego", -23.850, 29.380, 1), T("Mankweng", -23.880, 29.720, 1)],
        ["DC36"] = [T("Mokopane", -24.190, 29.010, 2), T("Bela-Bela", -24.880, 28.290, 1), T("Lephalale", -23.680, 27.700, 1), T("Modimolle", -24.700, 28.410, 1)],
        ["DC47"] = [T("Groblersdal", -25.170, 29.400, 1), T("Jane Furse", -24.760, 29.880, 1), T("Burgersfort", -24.680, 30.330, 1)],
        // Mpumalanga
        ["DC30"] = [T("Secunda", -26.520, 29.170, 2), T("Ermelo", -26.530, 29.980, 2), T("Standerton", -26.940, 29.240, 1)],
        ["DC31"] = [T("Emalahleni", -25.870, 29.230, 3), T("Middelburg", -25.770, 29.460, 2), T("KwaMhlanga", -25.430, 28.710, 1)],
        ["DC32"] = [T("Mbombela", -25.470, 30.970, 3), T("White River", -25.330, 31.010, 1), T("Barberton", -25.790, 31.050, 1), T("Bushbuckridge", -24.840, 31.070, 2)],
        // Northern Cape
        ["DC6"] = [T("Springbok", -29.660, 17.890, 2), T("Calvinia", -31.470, 19.780, 1), T("Port Nolloth", -29.250, 16.870, 1)],
        ["DC7"] = [T("De Aar", -30.650, 24.010, 2), T("Colesberg", -30.720, 25.100, 1), T("Prieska", -29.660, 22.750, 1)],
        ["DC8"] = [T("Upington", -28.450, 21.260, 3), T("Kakamas", -28.770, 20.620, 1), T("Postmasburg", -28.330, 23.070, 1)],
        ["DC9"] = [T("Kimberley", -28.740, 24.760, 4), T("Warrenton", -28.110, 24.850, 1), T("Hartswater", -27.750, 24.800, 1)],
        ["DC45"] = [T("Kuruman", -27.450, 23.430, 2), T("Kathu", -27.700, 23.050, 1), T("Mothibistad", -27.400, 23.500, 1)],
        // North West
        ["DC37"] = [T("Rustenburg", -25.670, 27.240, 3), T("Brits", -25.630, 27.780, 2), T("Mogwase", -25.280, 27.220, 1)],
        ["DC38"] = [T("Mahikeng", -25.850, 25.640, 2), T("Lichtenburg", -26.150, 26.160, 1), T("Zeerust", -25.540, 26.080, 1)],
        ["DC39"] = [T("Vryburg", -26.960, 24.730, 2), T("Taung", -27.530, 24.780, 1), T("Schweizer-Reneke", -27.190, 25.330, 1)],
        ["DC40"] = [T("Klerksdorp", -26.850, 26.670, 2), T("Potchefstroom", -26.710, 27.100, 2), T("Orkney", -26.980, 26.670, 1)],
        // Western Cape
        ["CPT"] = [T("Cape Town", -33.925, 18.424, 5), T("Bellville", -33.900, 18.630, 2), T("Khayelitsha", -34.040, 18.680, 2), T("Mitchells Plain", -34.050, 18.620, 2), T("Durbanville", -33.830, 18.650, 1)],
        ["DC1"] = [T("Vredenburg", -32.910, 17.990, 1), T("Malmesbury", -33.460, 18.730, 1), T("Vredendal", -31.670, 18.500, 1)],
        ["DC2"] = [T("Paarl", -33.730, 18.970, 2), T("Worcester", -33.650, 19.450, 2), T("Stellenbosch", -33.930, 18.860, 2)],
        ["DC3"] = [T("Hermanus", -34.420, 19.240, 2), T("Caledon", -34.230, 19.430, 1), T("Swellendam", -34.020, 20.440, 1)],
        ["DC4"] = [T("George", -33.960, 22.460, 3), T("Mossel Bay", -34.180, 22.140, 2), T("Knysna", -34.040, 23.050, 1), T("Oudtshoorn", -33.590, 22.200, 1)],
        ["DC5"] = [T("Beaufort West", -32.360, 22.580, 3), T("Laingsburg", -33.200, 20.860, 1), T("Prince Albert", -33.220, 22.030, 1)],
    };
}
