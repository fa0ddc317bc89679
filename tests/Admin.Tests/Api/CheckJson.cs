using System.Text.Json.Nodes;

namespace Admin.Tests.Api;

/// <summary>A valid HealthCheck as a client posts it (risk: one symptom, no exposure -> moderate); tests change fields.</summary>
public static class CheckJson
{
    public static JsonObject Create(string? deduplicationId = null, int n = 0) => new()
    {
        ["deduplication_id"] = deduplicationId ?? "api-test-" + Guid.NewGuid().ToString("N"),
        ["msisdn"] = $"+2783{n % 10_000_000:D7}",
        ["first_name"] = "Thandi",
        ["last_name"] = "Nkosi",
        ["source"] = "WhatsApp",
        ["province"] = "ZA-GP",
        ["district_code"] = "JHB",
        ["city"] = "Soweto",
        ["location"] = "-26.26000+027.86000/",
        ["age"] = "18-40",
        ["date_of_birth"] = "1990-04-02",
        ["gender"] = "female",
        ["fever"] = false,
        ["cough"] = true,
        ["sore_throat"] = false,
        ["difficulty_breathing"] = false,
        ["muscle_pain"] = false,
        ["smell"] = false,
        ["exposure"] = "no",
        ["preexisting_condition"] = "no",
        ["confirmed_contact"] = false,
        ["tracing"] = true,
        ["rooms_in_household"] = 3,
        ["persons_in_household"] = 4,
        ["timestamp"] = "2021-07-05T09:30:00Z",
        ["completed_timestamp"] = "2021-07-05T09:32:00Z",
        ["data"] = new JsonObject { ["language"] = "eng" },
    };

    public static JsonObject With(this JsonObject o, string field, JsonNode? value)
    {
        o[field] = value;
        return o;
    }

    public static StringContent Content(this JsonNode node) =>
        new(node.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
}
