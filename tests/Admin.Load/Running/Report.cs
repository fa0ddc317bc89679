using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Admin.Load.Running;

/// <summary>The live progress line and the final table, and the JSON file.</summary>
public static class Report
{
    public static string Progress(TimeSpan elapsed, ActionStats stats, int usersRunning) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{elapsed:mm\\:ss}  users {usersRunning,4}  circuits {stats.CircuitsAlive,4} alive {stats.CircuitsFailed,3} failed  actions {stats.Actions,7}  errors {stats.Errors,4}");

    public static string Table(LoadResult r)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{r.Users} users ({string.Join(", ", r.Mix.Select(kv => $"{kv.Key} {kv.Value}"))}), think {r.ThinkMinSeconds:0.#}-{r.ThinkMaxSeconds:0.#} s, {r.DurationSeconds:0} s against {r.Base}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"{"action",-26} {"count",7} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8} {"errors",7}");
        foreach (var a in r.Actions) Row(sb, a);
        if (r.Parts.Count > 0)
        {
            sb.AppendLine("in the browser users' actions, the wire (waiting on the server), the page (the browser's own work) and the page's main-thread CPU over the action (page cpu):");
            foreach (var a in r.Parts) Row(sb, a);
        }
        sb.AppendLine(CultureInfo.InvariantCulture, $"circuits: {r.CircuitsStarted} started, {r.CircuitsFailed} failed, {r.CircuitsAliveAtEnd} alive at the end (peak {r.CircuitsAlivePeak}); errors: {r.Errors}");
        if (r.CircuitActions > 0)
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"render batches: {r.RenderBatches} ({r.RenderBytes / 1024.0:0} KB), {r.RenderBatches / (double)r.CircuitActions:0.0} and {r.RenderBytes / 1024.0 / r.CircuitActions:0.0} KB per action");
        if (r.Resources is { } x)
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"app RSS: idle {x.IdleRssMb:0} MB, {x.RssAtPeakCircuitsMb:0} MB with {x.PeakCircuits} circuits ({x.KbPerCircuit:0} KB per circuit above idle), peak {x.PeakRssMb:0} MB; CPU app {x.AppCpuPercent:0}%, PostgreSQL {x.PostgresCpuPercent:0}%, this harness {x.HarnessCpuPercent:0}% (100% = one core); load average {x.LoadAverageStart} -> {x.LoadAverageEnd}");
        if (r.AppGc is { } gc)
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"app GC (its metrics): {gc.Gen0} gen0, {gc.Gen1} gen1, {gc.Gen2} gen2 collections; paused {gc.PauseSeconds:0.0} s ({gc.PausePercent:0.0} % of the run)");
        if (r.Timeline.Where(w => w.Slow > 0).ToList() is { Count: > 0 } stalls)
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"actions over {Timeline.SlowMs / 1000:0} s: {stalls.Sum(w => w.Slow)} in {stalls.Count} of {r.Timeline.Count} {Timeline.Window.TotalSeconds:0} s windows; in those windows the harness's GC paused {stalls.Sum(w => w.HarnessGcPauseMs):0} ms ({r.Timeline.Sum(w => w.HarnessGcPauseMs):0} in all){(r.AppGc is null ? "" : $", the app's {stalls.Sum(w => w.AppGcPauseMs):0} ms ({r.Timeline.Sum(w => w.AppGcPauseMs):0} in all)")} and the machine stalled on I/O {stalls.Sum(w => w.IoStallMs):0} ms, on memory {stalls.Sum(w => w.MemoryStallMs):0} ms (timeline in the JSON)");
        // The last window is cut short by the run's end, so its CPU would read low; the slow and the calm ones without it.
        var whole = r.Timeline.Take(r.Timeline.Count - 1).ToList();
        if (Timeline.Share(whole.Where(w => w.OverBar > 0.05 * w.Actions).ToList()) is { } busy && Timeline.Share(whole.Where(w => w.OverBar <= 0.05 * w.Actions).ToList()) is { } calm)
            sb.AppendLine($"CPU (of one core) in the windows with over 5 % of their actions over {Timeline.BarMs:0} ms: {busy}; in the others: {calm}");
        foreach (var sample in r.ErrorSamples.Take(10)) sb.AppendLine("  " + sample);
        return sb.ToString();
    }

    private static void Row(StringBuilder sb, ActionSummary a) =>
        sb.AppendLine(CultureInfo.InvariantCulture, $"{a.Action,-26} {a.Count,7} {Ms(a.P50),8} {Ms(a.P95),8} {Ms(a.P99),8} {Ms(a.Max),8} {a.Errors,7}");

    private static string Ms(double? v) => v is null ? "-" : v.Value.ToString(v < 10 ? "0.0" : "0", CultureInfo.InvariantCulture);

    public static async Task WriteJsonAsync(LoadResult r, string path) =>
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(r, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
}
