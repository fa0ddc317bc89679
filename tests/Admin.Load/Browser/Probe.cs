namespace Admin.Load.Browser;

/// <summary>
/// The in-page clock of a Chromium user's actions (<see cref="ChromiumUser"/>): the time from the browser's input event
/// to the first frame after the result shows, taken by the page itself and read afterwards, so the driver's own round
/// trips fall outside it. Conditions are JavaScript functions of one argument, checked on every change to the page and
/// every frame (an address change alone is no change to the page).
/// It also splits that time in two: the wire, what the page waited on the server (an open's document request, and the
/// span from the first WebSocket message the page sent after the input to the last one it received before the result
/// showed, less the time the page spent reading the messages in between), and the page, the rest (its input handling,
/// scripts, applying the batches, layout and paint). Messages are timed as the page's main thread sees them, so a page
/// busy with other work (a frame's layout and paint between two messages) delays the next one within the wire.
/// </summary>
internal static class Probe
{
    /// <summary>The trigger of an open: the navigation itself, timed from its start (the document's time origin).</summary>
    public const string Navigation = "navigation";

    /// <summary>Added to every document: the socket's clock, and the open's probe, armed from the document's start, done when <paramref name="shown"/> holds.</summary>
    public static string OnEveryDocument(string shown) => Socket + Script("0", "null", shown, trigger: null);

    // The page's WebSocket (SignalR takes the constructor when Blazor starts, after this runs) with the times its messages
    // go out and come in, and the wire's share of an action from t0 to t1 (an open's from the navigation's start).
    private const string Socket = """
        (() => {
          const outs = [], ins = [], handled = [];
          const keep = (list, t) => { list.push(t); if (list.length > 1000) list.splice(0, 500); };
          const Native = window.WebSocket;
          window.WebSocket = class extends Native {
            constructor(...args) { super(...args); this.addEventListener('message', () => keep(ins, performance.now())); }
            send(data) { keep(outs, performance.now()); return super.send(data); }
            // SignalR reads messages in onmessage, and Blazor applies a render batch there: the page's own work.
            get onmessage() { return super.onmessage; }
            set onmessage(read) {
              super.onmessage = read && (e => { const t = performance.now(); try { return read.call(this, e); } finally { keep(handled, [t, performance.now()]); } });
            }
          };
          window.__adminWire = (t0, t1) => {
            const out = outs.find(t => t >= t0);
            let last;
            for (const t of ins) if (out !== undefined && t >= out && t <= t1) last = t;
            let wire = 0;
            if (last !== undefined) {
              wire = last - out;
              for (const [a, b] of handled) if (a >= out && b <= last) wire -= b - a;
            }
            const nav = t0 === 0 && performance.getEntriesByType('navigation')[0];
            if (nav) wire += nav.responseEnd - nav.requestStart;
            return wire;
          };
        })();

        """;

    /// <summary>Arms the probe before an action: from the next <paramref name="trigger"/> event (its timestamp) until <paramref name="shown"/>(arg) holds.</summary>
    public static string Arm(string trigger, string shown) => $"arg => {Script("null", "arg", shown, trigger)}";

    /// <summary>The armed probe's times in milliseconds (a promise of [total, wire], <see cref="ProbeTimes"/>), or an error "probe timed out" after the given milliseconds.</summary>
    public const string Result = """
        timeout => Promise.race([window.__adminProbe.result,
          new Promise((_, reject) => setTimeout(() => reject(new Error('probe timed out')), timeout))])
        """;

    private static string Script(string start, string arg, string shown, string? trigger) => $$"""
        (() => {
          const shown = {{shown}};
          let t0 = {{start}}, done = false;
          const result = new Promise(resolve => {
            const check = () => {
              if (done || t0 === null || !document.documentElement || !shown({{arg}})) return;
              done = true;
              observer.disconnect();
              const wire = window.__adminWire(t0, performance.now());
              requestAnimationFrame(() => { const total = performance.now() - t0; resolve([total, Math.min(wire, total)]); });
            };
            const observer = new MutationObserver(check);
            observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
            const frame = () => { if (!done) { check(); requestAnimationFrame(frame); } };
            requestAnimationFrame(frame);
            {{(trigger is null ? "" : $"addEventListener('{trigger}', e => {{ t0 = e.timeStamp; check(); }}, {{ capture: true, once: true }});")}}
          });
          window.__adminProbe = { result };
        })()
        """;
}

/// <summary>An action's time in the page (<see cref="Total"/>) and the part of it spent waiting on the server (<see cref="Wire"/>).</summary>
internal readonly record struct ProbeTimes(double Total, double Wire)
{
    public static ProbeTimes From(double[] times) => new(times[0], times[1]);
}
