using Admin.Data.Domain;

namespace Admin.Data.Entities;

/// <summary>A district municipality or metropolitan municipality (52 in all), the unit hotspots are reported by.</summary>
public class District
{
    /// <summary>Municipal Demarcation Board code: "DC22", or a metro's three letters such as "ETH".</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public Province Province { get; set; }
    public bool IsMetro { get; set; }
    public double CentroidLatitude { get; set; }
    public double CentroidLongitude { get; set; }
    /// <summary>Census 2011 population; weights the generator and normalises rates.</summary>
    public int Population { get; set; }
    public double AreaKm2 { get; set; }
}
