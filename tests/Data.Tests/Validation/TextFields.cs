using Admin.Data.Validation;

namespace Admin.Data.Tests.Validation;

/// <summary>Every text field of the input, by its error key, so hostile-string tests can go through all of them.</summary>
internal static class TextFields
{
    public static readonly IReadOnlyDictionary<string, Action<HealthCheckInput, string>> Setters = new Dictionary<string, Action<HealthCheckInput, string>>
    {
        [HealthCheckFields.Msisdn] = (x, v) => x.Msisdn = v,
        [HealthCheckFields.FirstName] = (x, v) => x.FirstName = v,
        [HealthCheckFields.LastName] = (x, v) => x.LastName = v,
        [HealthCheckFields.Source] = (x, v) => x.Source = v,
        [HealthCheckFields.Province] = (x, v) => x.Province = v,
        [HealthCheckFields.DistrictCode] = (x, v) => x.DistrictCode = v,
        [HealthCheckFields.City] = (x, v) => x.City = v,
        [HealthCheckFields.Location] = (x, v) => { x.Location = v; x.Latitude = x.Longitude = null; },
        [HealthCheckFields.CityLocation] = (x, v) => x.CityLocation = v,
        [HealthCheckFields.Age] = (x, v) => x.Age = v,
        [HealthCheckFields.Gender] = (x, v) => x.Gender = v,
        [HealthCheckFields.PlaceOfWork] = (x, v) => x.PlaceOfWork = v,
        [HealthCheckFields.Exposure] = (x, v) => x.Exposure = v,
        [HealthCheckFields.PreexistingCondition] = (x, v) => x.PreexistingCondition = v,
        [HealthCheckFields.DeduplicationId] = (x, v) => x.DeduplicationId = v,
        [HealthCheckFields.CreatedBy] = (x, v) => x.CreatedBy = v,
        [HealthCheckFields.Data] = (x, v) => x.Data = v,
        [HealthCheckFields.Risk] = (x, v) => x.Risk = v,
    };

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in Setters.Keys) data.Add(name);
        return data;
    }
}
