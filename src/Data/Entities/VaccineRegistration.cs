using Admin.Data.Domain;

namespace Admin.Data.Entities;

/// <summary>A vaccine registration from the same service: a second, smaller table the generic grid must serve as well.</summary>
public class VaccineRegistration
{
    public long Id { get; set; }
    public VaccineGender Gender { get; set; }
    public string FirstName { get; set; } = "";
    public string Surname { get; set; } = "";
    public DateOnly DateOfBirth { get; set; }
    /// <summary>E.164, e.g. +27821234567.</summary>
    public string MobileNumber { get; set; } = "";
    public Province Province { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
