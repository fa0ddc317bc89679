namespace Admin.Load.Browser;

/// <summary>
/// The in-page clock of a Chromium user's actions (<see cref="ChromiumUser"/>): the time from the browser's input event
/// to the first frame after the result shows, taken by the page itself and read afterwards, so the driver's own round
/// trips fall outside it. Conditions are JavaScript functions of one argument, checked on every change to the page and
/// every frame (an address change alone is no change to the page).
/// </summary>
internal static class Probe
{
    /// <summary>The trigger of an open: the navigation itself, timed from its start (the document's time origin).</summary>
    public const string Navigation = "navigation";

    /// <summary>Added to every document: the open's probe, armed from the document's start, done when <paramref name="shown"/> holds.</summary>
    public static string OnEveryDocument(string shown) => Script("0", "null", shown, trigger: null);

    /// <summary>Arms the probe before an action: from the next <paramref name="trigger"/> event (its timestamp) until <paramref name="shown"/>(arg) holds.</summary>
    public static string Arm(string trigger, string shown) => $"arg => {Script("null", "arg", shown, trigger)}";

    /// <summary>The armed probe's time in milliseconds (a promise), or an error "probe timed out" after the given milliseconds.</summary>
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
              requestAnimationFrame(() => resolve(performance.now() - t0));
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
