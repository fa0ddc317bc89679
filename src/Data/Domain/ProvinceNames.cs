namespace Admin.Data.Domain;

public static class ProvinceNames
{
    public static string Of(Province p) => p switch
    {
        Province.EasternCape => "Eastern Cape",
        Province.FreeState => "Free State",
        Province.Gauteng => "Gauteng",
        Province.KwaZuluNatal => "KwaZulu-Natal",
        Province.Limpopo => "Limpopo",
        Province.Mpumalanga => "Mpumalanga",
        Province.NorthernCape => "Northern Cape",
        Province.NorthWest => "North West",
        Province.WesternCape => "Western Cape",
        _ => p.ToString(),
    };
}
