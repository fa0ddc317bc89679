using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace Admin.Data.Observability;

/// <summary>
/// The Performance page's memory of this node: the last <see cref="PerformanceOptions.Interactions"/> interactions with
/// the statements each issued, and the last <see cref="PerformanceOptions.SlowStatements"/> statements slower than
/// <see cref="DatabaseOptions.SlowStatementMs"/>. It listens to the app's spans and Npgsql's: a statement belongs to the
/// interaction whose span encloses it (the Activity flows through async code, Task.Run included), so nothing in the
/// data code has to pass anything along. Bounded: old entries fall off; an interaction keeps at most
/// <see cref="PerformanceOptions.StatementsPerInteraction"/> statements and counts the rest.
/// </summary>
public sealed class InteractionLog : IDisposable
{
    private const string StatementsProperty = "admin.statements";
    private const string NpgsqlSource = "Npgsql";
    private const int MaxSqlLength = 8_000;

    private readonly ActivityListener _listener;
    private readonly PerformanceOptions _options;
    private readonly TimeSpan _slow;
    private readonly Queue<Interaction> _interactions = new();
    private readonly Queue<CapturedStatement> _slowStatements = new();
    private readonly Lock _gate = new();
    private long _nextId;

    public InteractionLog(IOptions<PerformanceOptions> options, IOptions<DatabaseOptions> database)
    {
        _options = options.Value;
        _slow = TimeSpan.FromMilliseconds(database.Value.SlowStatementMs);
        _listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is AdminTelemetry.Name or NpgsqlSource,
            // Npgsql fills in the query text only when all data is requested.
            Sample = (ref _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = OnStarted,
            ActivityStopped = OnStopped,
        };
        if (_options.Enabled) ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Raised (on the thread that finished it) after an interaction or slow statement was recorded.</summary>
    public event Action? Changed;

    public TimeSpan SlowThreshold => _slow;

    public IReadOnlyList<Interaction> Interactions
    {
        get { lock (_gate) return [.. _interactions.Reverse()]; }
    }

    public IReadOnlyList<CapturedStatement> SlowStatements
    {
        get { lock (_gate) return [.. _slowStatements.Reverse()]; }
    }

    /// <summary>A statement still held in memory, by id (for EXPLAIN): only what was captured can be explained.</summary>
    public CapturedStatement? Find(long id)
    {
        lock (_gate)
            return _slowStatements.FirstOrDefault(s => s.Id == id)
                ?? _interactions.SelectMany(i => i.Statements).FirstOrDefault(s => s.Id == id);
    }

    private static void OnStarted(Activity activity)
    {
        if (activity.Source.Name == AdminTelemetry.Name && InteractionContext.Role is { } role)
            activity.SetTag("admin.role", role);
    }

    private void OnStopped(Activity activity)
    {
        if (activity.Source.Name == NpgsqlSource) OnStatement(activity);
        else OnInteraction(activity);
    }

    private void OnStatement(Activity activity)
    {
        if (activity.GetTagItem("db.query.text") is not string sql) return; // a connection open, not a statement
        var raw = StatementCapture.ParametersOf(activity);
        var statement = new CapturedStatement(
            Interlocked.Increment(ref _nextId),
            new DateTimeOffset(activity.StartTimeUtc, TimeSpan.Zero),
            sql.Length > MaxSqlLength ? sql[..MaxSqlLength] + " …" : sql,
            activity.Duration,
            [.. raw.Select(p => (string.IsNullOrEmpty(p.ParameterName) ? "" : p.ParameterName + " = ") + StatementCapture.Mask(p.Value))],
            activity.Status == ActivityStatusCode.Error) { RawParameters = raw };

        if (activity.Duration >= _slow)
        {
            AdminTelemetry.SlowStatements.Add(1);
            lock (_gate) Push(_slowStatements, statement, _options.SlowStatements);
            Changed?.Invoke();
        }
        if (Enclosing(activity) is { } interaction) Statements(interaction).Add(statement);
    }

    private void OnInteraction(Activity activity)
    {
        var statements = activity.GetCustomProperty(StatementsProperty) as Bag;
        if (Enclosing(activity) is { } outer)
        {
            // A nested span (a search's window inside a page action): its statements belong to the outer interaction.
            if (statements is not null) Statements(outer).AddRange(statements);
            return;
        }
        var (list, dropped) = statements?.Snapshot() ?? ([], 0);
        var interaction = new Interaction(
            new DateTimeOffset(activity.StartTimeUtc, TimeSpan.Zero),
            activity.GetTagItem("admin.role") as string ?? "system",
            activity.DisplayName,
            Describe(activity),
            activity.Duration,
            list,
            dropped,
            activity.Status == ActivityStatusCode.Error);
        lock (_gate) Push(_interactions, interaction, _options.Interactions);
        Changed?.Invoke();
    }

    private static string Describe(Activity activity) =>
        string.Join(", ", activity.TagObjects
            .Where(t => t.Key.StartsWith("admin.", StringComparison.Ordinal) && t.Key != "admin.role")
            .Select(t => $"{t.Key["admin.".Length..]}={t.Value}"));

    private static Activity? Enclosing(Activity activity)
    {
        for (var a = activity.Parent; a is not null; a = a.Parent)
            if (a.Source.Name == AdminTelemetry.Name) return a;
        return null;
    }

    private Bag Statements(Activity interaction)
    {
        if (interaction.GetCustomProperty(StatementsProperty) is Bag bag) return bag;
        lock (_gate)
        {
            if (interaction.GetCustomProperty(StatementsProperty) is Bag again) return again;
            var created = new Bag(_options.StatementsPerInteraction);
            interaction.SetCustomProperty(StatementsProperty, created);
            return created;
        }
    }

    private static void Push<T>(Queue<T> queue, T item, int capacity)
    {
        queue.Enqueue(item);
        while (queue.Count > capacity) queue.Dequeue();
    }

    public void Dispose() => _listener.Dispose();

    /// <summary>An interaction's statements (from any thread), at most a capacity of them; the rest only counted.</summary>
    private sealed class Bag(int capacity)
    {
        private readonly List<CapturedStatement> _items = [];
        private int _dropped;

        public void Add(CapturedStatement s)
        {
            lock (_items)
            {
                if (_items.Count < capacity) _items.Add(s);
                else _dropped++;
            }
        }

        public void AddRange(Bag other)
        {
            var (items, dropped) = other.Snapshot();
            lock (_items) _dropped += dropped;
            foreach (var s in items) Add(s);
        }

        public (IReadOnlyList<CapturedStatement>, int) Snapshot()
        {
            lock (_items) return ([.. _items.OrderBy(s => s.At)], _dropped);
        }
    }
}
