namespace Admin.Data.Security;

/// <summary>
/// How rows leave the data layer: as stored, or with personal data masked by the table's rule
/// (<c>TableDefinition.MaskPersonalData</c>). Every caller that reads rows for a person or an API client says which;
/// there is no default, so a new page or endpoint cannot forget.
/// </summary>
public enum PersonalDataView
{
    /// <summary>Phone numbers as "+27 82 *** 4567", names as initials, no date of birth or precise location.</summary>
    Masked,

    /// <summary>Everything as stored: only for roles that may see personal data (<see cref="Roles.SeesPersonalData"/>).</summary>
    Full,
}

public static class PersonalDataViews
{
    public static PersonalDataView For(bool seesPersonalData) => seesPersonalData ? PersonalDataView.Full : PersonalDataView.Masked;

    /// <summary>The view for a role: masked unless the role may see personal data (unknown or no role: masked).</summary>
    public static PersonalDataView ForRole(string? role) => For(role is not null && Roles.SeesPersonalData(role));
}
