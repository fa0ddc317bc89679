using Admin.Data.Validation;

namespace Admin.Data.Tests.Validation;

/// <summary>A complete, valid input in the service's own forms; tests spoil one field at a time.</summary>
internal static class ValidInputs
{
    public static readonly DateTimeOffset Now = new(2022, 3, 1, 12, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Taken = new(2021, 7, 5, 9, 30, 0, TimeSpan.Zero);

    public static HealthCheckValidator Validator() => new(new FixedTime(Now));

    public static HealthCheckInput Create() => new()
    {
        Msisdn = "082 123 4567",
        FirstName = "Thandi",
        LastName = "Nkosi",
        Source = "WhatsApp",
        Province = "ZA-GP",
        DistrictCode = "JHB",
        City = "Soweto",
        Latitude = -26.26,
        Longitude = 27.86,
        Age = "18-40",
        DateOfBirth = new DateOnly(1990, 4, 2),
        Gender = "female",
        PlaceOfWork = "education",
        Fever = false,
        Cough = true,
        SoreThroat = false,
        DifficultyBreathing = false,
        MusclePain = false,
        Smell = false,
        Exposure = "no",
        PreexistingCondition = "no",
        ConfirmedContact = false,
        Tracing = true,
        RoomsInHousehold = 3,
        PersonsInHousehold = 4,
        Timestamp = Taken,
        CompletedTimestamp = Taken.AddMinutes(2),
        DeduplicationId = "0b6f3c2e9a4d4f0e8c1a2b3c4d5e6f70",
        CreatedBy = "whatsapp_healthcheck",
        Data = """{"language": "eng"}""",
    };

    public static HealthCheckInput With(Action<HealthCheckInput> change)
    {
        var input = Create();
        change(input);
        return input;
    }
}
