using Admin.Api.Keys;

namespace Admin.Api;

/// <summary>
/// Makes sure every API call made with a valid key is audited, whatever its outcome (400, 403, 404, a failure):
/// runs after authentication, around authorization and the endpoint. Endpoints that return rows audit themselves
/// first (<see cref="ApiCallAudit"/>); this writes the entry for everything else.
/// </summary>
public sealed class ApiAuditMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, ApiCallAudit audit)
    {
        if (!ApiPaths.IsApi(context.Request.Path) || context.User.Identity?.AuthenticationType != ApiKeyDefaults.Scheme)
        {
            await next(context);
            return;
        }
        try
        {
            await next(context);
        }
        catch (Exception) when (!context.RequestAborted.IsCancellationRequested)
        {
            await audit.RecordAsync(StatusCodes.Status500InternalServerError);
            throw;
        }
        await audit.RecordAsync();
    }
}
