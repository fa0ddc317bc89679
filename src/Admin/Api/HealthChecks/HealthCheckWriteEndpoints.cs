using Admin.Data.Entities;
using Admin.Data.Ingest;
using Admin.Data.Validation;
using Admin.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Admin.Api.HealthChecks;

/// <summary>
/// POST /api/v1/healthchecks and /batch: validated by the edit form's rules (<see cref="HealthCheckValidator"/>), risk
/// computed on the server, idempotent on deduplication_id. A batch is validated whole before anything is written, then
/// written in one transaction: all or nothing.
/// </summary>
public static class HealthCheckWriteEndpoints
{
    /// <summary>How many invalid items a batch answer lists (the count says how many there were).</summary>
    private const int MaxItemsReported = 100;

    public static async Task<Results<Created<HealthCheckRecord>, Ok<HealthCheckRecord>, ProblemHttpResult>> PostAsync(
        HttpContext context, HealthCheckValidator validator, HealthCheckWriter writer, ApiCallAudit audit, IOptions<ApiOptions> options, CancellationToken ct)
    {
        var record = ApiCallRecord.Of(context);
        record.Table = HealthCheckList.Definition.Table;
        var body = await JsonBody.ReadAsync<HealthCheckRequest>(context, options.Value.MaxRecordBodyBytes, ct);
        if (body.Problem is not null) return Refuse(record, body.Problem);

        var validation = validator.Validate(WithCreator(body.Value!.ToInput(), context));
        if (!validation.IsValid)
        {
            record.Detail["invalid_fields"] = validation.Errors.Keys.ToArray();
            return ApiProblems.Invalid(validation.Errors.ToDictionary(), "The HealthCheck is not valid: " + Summary(validation.Errors));
        }

        var outcome = await writer.WriteAsync(validation.Value!, ct);
        record.RecordId = outcome.Stored.Id.ToString();
        record.Rows = 1;
        record.Detail["outcome"] = outcome.Created ? "created" : "existing";
        await audit.RecordAsync(outcome.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK);

        if (!context.User.SeesPersonalData()) HealthCheckList.Definition.MaskPersonalData?.Invoke(outcome.Stored);
        var answer = HealthCheckRecord.From(outcome.Stored);
        return outcome.Created ? TypedResults.Created((string?)null, answer) : TypedResults.Ok(answer);
    }

    public static async Task<Results<Ok<BatchResponse>, ProblemHttpResult>> PostBatchAsync(
        HttpContext context, HealthCheckValidator validator, HealthCheckWriter writer, ApiCallAudit audit, IOptions<ApiOptions> options, CancellationToken ct)
    {
        var record = ApiCallRecord.Of(context);
        record.Table = HealthCheckList.Definition.Table;
        var max = options.Value.MaxBatchSize;
        var body = await JsonBody.ReadAsync<List<HealthCheckRequest?>>(context, options.Value.MaxBatchBodyBytes, ct);
        if (body.Problem is not null) return Refuse(record, body.Problem);
        var items = body.Value!;
        if (items.Count == 0)
            return ApiProblems.BadRequest("The batch is empty; send a JSON array of 1 to " + max.ToString("N0") + " HealthChecks.");
        if (items.Count > max)
            return ApiProblems.BadRequest($"The batch holds {items.Count:N0} records; send at most {max:N0} per request.");

        // Validate everything before writing anything.
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var valid = new List<ValidHealthCheck>(items.Count);
        var firstIndexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var invalidItems = 0;
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not { } item)
            {
                invalidItems++;
                if (invalidItems <= MaxItemsReported) errors[$"[{i}]"] = ["is null; each item must be a HealthCheck object."];
                continue;
            }
            var validation = validator.Validate(WithCreator(item.ToInput(), context));
            if (!validation.IsValid)
            {
                invalidItems++;
                if (invalidItems <= MaxItemsReported)
                    foreach (var (field, messages) in validation.Errors) errors[$"[{i}].{field}"] = messages;
                continue;
            }
            var check = validation.Value!;
            if (item.DeduplicationId is not null && !firstIndexOf.TryAdd(check.DeduplicationId, i))
            {
                invalidItems++;
                if (invalidItems <= MaxItemsReported)
                    errors[$"[{i}].{HealthCheckColumns.DeduplicationId.Name}"] = [$"repeats item {firstIndexOf[check.DeduplicationId]}'s; each record in a batch needs its own."];
                continue;
            }
            valid.Add(check);
        }
        if (invalidItems > 0)
        {
            record.Detail["invalid_items"] = invalidItems;
            var more = invalidItems > MaxItemsReported ? $" The first {MaxItemsReported} are listed." : "";
            return ApiProblems.Invalid(errors, $"{invalidItems:N0} of {items.Count:N0} records are not valid; nothing was written.{more}");
        }

        var outcomes = await writer.WriteBatchAsync(valid, options.Value.BatchStatementTimeout, ct);
        var created = outcomes.Count(o => o.Created);
        record.Rows = outcomes.Count;
        record.Detail["created"] = created;
        record.Detail["existing"] = outcomes.Count - created;
        await audit.RecordAsync(StatusCodes.Status200OK);
        return TypedResults.Ok(new BatchResponse
        {
            Created = created,
            Existing = outcomes.Count - created,
            Results = outcomes.Select((o, i) => new BatchItem { Index = i, Id = o.Id, Status = o.Created ? "created" : "existing" }).ToList(),
        });
    }

    // created_by says who wrote a record: the client's own value, else the key that posted it.
    private static HealthCheckInput WithCreator(HealthCheckInput input, HttpContext context)
    {
        if (string.IsNullOrWhiteSpace(input.CreatedBy)) input.CreatedBy = context.User.Identity?.Name;
        return input;
    }

    private static ProblemHttpResult Refuse(ApiCallRecord record, ProblemHttpResult problem)
    {
        record.Detail["error"] = problem.ProblemDetails.Detail;
        return problem;
    }

    private static string Summary(IReadOnlyDictionary<string, string[]> errors) =>
        string.Join(" ", errors.Take(3).Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")) + (errors.Count > 3 ? $" (and {errors.Count - 3} more)" : "");
}
