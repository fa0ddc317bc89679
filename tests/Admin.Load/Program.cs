using Admin.Load.Accounts;
using Admin.Load.Circuits;

var baseUri = new Uri(args[0]);
await using var users = new LoadUsers(args[1], "smoke" + Environment.ProcessId);
var accounts = await users.CreateAsync(["Analyst"], 1, default);
using var session = new SessionClient(baseUri);
await session.LoginAsync(accounts[0].UserName, accounts[0].Password, default);
await using var c = await BlazorCircuit.StartAsync(session, "records/health-checks", d => d.GridRows.Count > 0, TimeSpan.FromSeconds(30), default);
Console.WriteLine($"rows {c.Query(d => d.GridRows.Count)} batches {c.Batches} pos {c.Query(d => d.Text("grid-position"))}");
foreach (var kv in JsInterop.Seen) Console.WriteLine($"  js {kv.Key} x{kv.Value}");
var before = c.Query(d => d.Text("grid-position"));
var t = await c.MeasureAsync(() => c.ScrollGridAsync(3000), d => d.Text("grid-position") != before, TimeSpan.FromSeconds(10), "scroll", default);
Console.WriteLine($"scroll {t.TotalMilliseconds} ms pos {c.Query(d => d.Text("grid-position"))}");
