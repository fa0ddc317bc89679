namespace Admin.Data.Domain;

/// <summary>South African provinces by current ISO 3166-2 code. Old codes are accepted on input by <see cref="ProvinceCodes"/>.</summary>
public enum Province
{
    [Code("ZA-EC")] EasternCape,
    [Code("ZA-FS")] FreeState,
    [Code("ZA-GP")] Gauteng,
    [Code("ZA-KZN")] KwaZuluNatal,
    [Code("ZA-LP")] Limpopo,
    [Code("ZA-MP")] Mpumalanga,
    [Code("ZA-NC")] NorthernCape,
    [Code("ZA-NW")] NorthWest,
    [Code("ZA-WC")] WesternCape,
}

public enum AgeBand
{
    [Code("<18")] Under18,
    [Code("18-40")] From18To40,
    [Code("40-65")] From40To65,
    [Code(">65")] Over65,
}

public enum Gender
{
    [Code("male")] Male,
    [Code("female")] Female,
    [Code("other")] Other,
    [Code("not_say")] NotSay,
}

public enum PlaceOfWork
{
    [Code("healthcare")] Healthcare,
    [Code("education")] Education,
    [Code("port_of_entry")] PortOfEntry,
    [Code("other")] Other,
}

/// <summary>Answer to exposure and pre-existing-condition questions.</summary>
public enum Answer
{
    [Code("yes")] Yes,
    [Code("no")] No,
    [Code("not_sure")] NotSure,
}

public enum Risk
{
    [Code("low")] Low,
    [Code("moderate")] Moderate,
    [Code("high")] High,
    [Code("critical")] Critical,
}

public enum VaccineGender
{
    [Code("Male")] Male,
    [Code("Female")] Female,
    [Code("Other")] Other,
}
