using System.Text;
using Admin.Api.HealthChecks;
using Admin.Data.Entities;
using Admin.Data.Feed;
using Admin.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Admin.Api.Feed;

/// <summary>GET /api/v1/healthchecks: the change feed (README, "API").</summary>
public static class HealthCheckFeedEndpoint
{
    public static async Task<Results<Ok<FeedPageResponse>, ProblemHttpResult>> GetAsync(
        HttpContext context, HealthCheckFeed feed, FeedCursorCodec cursors, ApiCallAudit audit, IOptions<ApiOptions> options, CancellationToken ct)
    {
        var seesPersonalData = context.User.SeesPersonalData();
        var record = ApiCallRecord.Of(context);
        record.Table = HealthCheckList.Definition.Table;

        FeedQuery query;
        FeedPosition? after;
        try
        {
            query = FeedQuery.Parse(context.Request.Query, options.Value);
            record.Query = Describe(query, seesPersonalData);
            after = query.Cursor is null ? null : cursors.Decode(query.Cursor, query.Filter);
        }
        catch (FeedQueryException ex)
        {
            record.Detail["error"] = ex.Message;
            return ApiProblems.BadRequest(ex.Message, ex.Parameter);
        }
        catch (CursorException ex)
        {
            record.Detail["error"] = ex.Message;
            return ApiProblems.BadRequest(ex.Message, FeedQuery.CursorParameter);
        }

        var page = await feed.ReadAsync(new FeedRequest(query.Filter, after, query.PageSize, options.Value.ScanBudget), ct);
        var mask = seesPersonalData ? null : HealthCheckList.Definition.MaskPersonalData;
        var results = new List<HealthCheckRecord>(page.Rows.Count);
        foreach (var row in page.Rows)
        {
            mask?.Invoke(row);
            results.Add(HealthCheckRecord.From(row));
        }

        var cursor = cursors.Encode(page.Next ?? new FeedPosition(0, Guid.Empty), query.Filter);
        record.Rows = results.Count;
        record.Detail["has_more"] = page.HasMore;
        await audit.RecordAsync(StatusCodes.Status200OK); // before a single row leaves
        return TypedResults.Ok(new FeedPageResponse
        {
            Results = results,
            Cursor = cursor,
            HasMore = page.HasMore,
            Next = page.HasMore ? NextUrl(context.Request, query, cursor) : null,
        });
    }

    private static string NextUrl(HttpRequest request, FeedQuery query, string cursor)
    {
        var url = new StringBuilder().Append(request.Scheme).Append("://").Append(request.Host).Append(request.PathBase).Append(request.Path).Append('?');
        var filter = query.Filter.Canonical;
        if (filter.Length > 0) url.Append(EscapeValues(filter)).Append('&');
        if (query.PageSizeGiven) url.Append(FeedQuery.PageSizeParameter).Append('=').Append(query.PageSize).Append('&');
        return url.Append(FeedQuery.CursorParameter).Append('=').Append(cursor).ToString();
    }

    // The canonical text is key=value pairs of safe keys; values (a '+' in a number or time) need escaping in a URL.
    private static string EscapeValues(string canonical) =>
        string.Join('&', canonical.Split('&').Select(pair =>
        {
            var eq = pair.IndexOf('=');
            return pair[..(eq + 1)] + Uri.EscapeDataString(pair[(eq + 1)..]);
        }));

    private static string Describe(FeedQuery query, bool seesPersonalData)
    {
        var text = query.Filter.Describe(maskPersonalData: !seesPersonalData);
        var extras = $"page_size={query.PageSize}" + (query.Cursor is null ? "" : "&cursor=(continued)");
        return text.Length == 0 ? extras : text + "&" + extras;
    }
}
