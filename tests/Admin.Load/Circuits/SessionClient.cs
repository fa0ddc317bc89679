using System.Net;
using System.Text.RegularExpressions;

namespace Admin.Load.Circuits;

/// <summary>
/// One browser session's HTTP side: a cookie jar, the login form (GET for the anti-forgery token, POST back), and page
/// GETs. The circuit's WebSocket carries the same cookies.
/// </summary>
public sealed partial class SessionClient : IDisposable
{
    private readonly HttpClient _http;

    public SessionClient(Uri baseAddress, CookieContainer? cookies = null)
    {
        Cookies = cookies ?? new CookieContainer();
        BaseAddress = baseAddress;
        _http = new HttpClient(new SocketsHttpHandler { CookieContainer = Cookies, AllowAutoRedirect = false, UseCookies = true })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    public Uri BaseAddress { get; }
    /// <summary>Who this session logged in as (null before login).</summary>
    public string? UserName { get; private set; }
    public CookieContainer Cookies { get; }

    /// <summary>Logs in through the login page; throws with the page's reason when it does not redirect.</summary>
    public async Task LoginAsync(string user, string password, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var form = await _http.GetStringAsync("account/login", ct);
            var fields = HiddenFields(form);
            fields["Input.UserName"] = user;
            fields["Input.Password"] = password;
            using var response = await _http.PostAsync("account/login", new FormUrlEncodedContent(fields), ct);
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                if (response.Headers.Location?.OriginalString.Contains("change-password", StringComparison.OrdinalIgnoreCase) == true)
                    throw new InvalidOperationException($"User {user} must change the password first; log in once in a browser or use --create-users.");
                UserName = user;
                return;
            }
            // The login form is rate-limited per address: wait for the window rather than fail the run.
            if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < 5)
            {
                await Task.Delay(TimeSpan.FromSeconds(15), ct);
                continue;
            }
            throw new InvalidOperationException($"Login as {user} answered {(int)response.StatusCode}: {ErrorText(await response.Content.ReadAsStringAsync(ct))}");
        }
    }

    /// <summary>GETs a page the way a browser's address bar does; a redirect to the login page means the session is gone.</summary>
    public async Task<(Uri Url, string Html)> GetPageAsync(string path, CancellationToken ct)
    {
        var url = new Uri(BaseAddress, path.TrimStart('/'));
        for (var hops = 0; hops < 5; hops++)
        {
            using var response = await _http.GetAsync(url, ct);
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect)
            {
                url = new Uri(url, response.Headers.Location!);
                if (url.AbsolutePath.StartsWith("/account/", StringComparison.OrdinalIgnoreCase))
                    throw new InvalidOperationException($"GET {path} was sent to {url.AbsolutePath}: not logged in, or the role may not see it.");
                continue;
            }
            response.EnsureSuccessStatusCode();
            return (url, await response.Content.ReadAsStringAsync(ct));
        }
        throw new InvalidOperationException($"GET {path}: too many redirects.");
    }

    // What the session's "browser cache" holds: addresses answered as immutable.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _kept = new();

    /// <summary>
    /// GETs what a page's script fetches by address (a map layer's cells), as a browser would: an answer the server marks
    /// immutable is fetched once per session, like a browser cache shared by its tabs. True when it was answered (200);
    /// a redirect (to the login page) or an error is not.
    /// </summary>
    public async Task<bool> FetchAsync(string path, CancellationToken ct)
    {
        if (_kept.ContainsKey(path)) return true;
        using var response = await _http.GetAsync(new Uri(BaseAddress, path.TrimStart('/')), HttpCompletionOption.ResponseHeadersRead, ct);
        if (response.StatusCode != HttpStatusCode.OK) return false;
        await using (var body = await response.Content.ReadAsStreamAsync(ct)) await body.CopyToAsync(Stream.Null, ct); // all of it, as a browser reads it
        if (response.Headers.CacheControl is { } cache && cache.Extensions.Any(e => e.Name == "immutable")) _kept.TryAdd(path, true);
        return true;
    }

    public HttpClient Http => _http;

    internal static Dictionary<string, string> HiddenFields(string html)
    {
        var fields = new Dictionary<string, string>();
        foreach (Match input in HiddenInput().Matches(html))
        {
            var name = AttrValue(input.Value, "name");
            if (name is not null) fields[name] = WebUtility.HtmlDecode(AttrValue(input.Value, "value") ?? "");
        }
        return fields;
    }

    private static string? AttrValue(string tag, string name) =>
        Regex.Match(tag, $@"\b{name}=""([^""]*)""") is { Success: true } m ? m.Groups[1].Value : null;

    private static string ErrorText(string html) =>
        Regex.Match(html, @"data-testid=""login-error""[^>]*>(.*?)</div>", RegexOptions.Singleline) is { Success: true } m
            ? Regex.Replace(m.Groups[1].Value, "<[^>]*>", "").Trim()
            : "no redirect";

    [GeneratedRegex(@"<input[^>]*type=""hidden""[^>]*>")]
    private static partial Regex HiddenInput();

    public void Dispose() => _http.Dispose();
}
