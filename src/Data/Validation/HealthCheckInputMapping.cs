using Admin.Data.Domain;
using Admin.Data.Entities;

namespace Admin.Data.Validation;

/// <summary>A stored HealthCheck as an input, for the edit form: validating it unchanged gives the same row back.</summary>
public static class HealthCheckInputMapping
{
    public static HealthCheckInput ToInput(this HealthCheck c) => new()
    {
        Msisdn = c.Msisdn,
        FirstName = c.FirstName,
        LastName = c.LastName,
        Source = c.Source,
        Province = Codes<Province>.ToCode(c.Province),
        DistrictCode = c.DistrictCode,
        City = c.City,
        Latitude = c.Latitude,
        Longitude = c.Longitude,
        CityLatitude = c.CityLatitude,
        CityLongitude = c.CityLongitude,
        Age = Codes<AgeBand>.ToCode(c.Age),
        DateOfBirth = c.DateOfBirth,
        Gender = c.Gender is { } g ? Codes<Gender>.ToCode(g) : null,
        PlaceOfWork = c.PlaceOfWork is { } w ? Codes<PlaceOfWork>.ToCode(w) : null,
        Fever = c.Fever,
        Cough = c.Cough,
        SoreThroat = c.SoreThroat,
        DifficultyBreathing = c.DifficultyBreathing,
        MusclePain = c.MusclePain,
        Smell = c.Smell,
        Exposure = Codes<Answer>.ToCode(c.Exposure),
        PreexistingCondition = c.PreexistingCondition is { } p ? Codes<Answer>.ToCode(p) : null,
        ConfirmedContact = c.ConfirmedContact,
        Tracing = c.Tracing,
        RoomsInHousehold = c.RoomsInHousehold,
        PersonsInHousehold = c.PersonsInHousehold,
        Timestamp = c.Timestamp,
        CompletedTimestamp = c.CompletedTimestamp,
        DeduplicationId = c.DeduplicationId,
        CreatedBy = c.CreatedBy,
        Data = c.Data,
        // Left out on purpose: the server computes risk, and the form shows it live.
        Risk = null,
    };
}
