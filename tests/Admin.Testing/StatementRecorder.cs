using System.Diagnostics;

namespace Admin.Testing;

/// <summary>
/// Records every SQL statement Npgsql sends to one database while it is alive, like Django's assertNumQueries:
/// EF Core, raw <c>NpgsqlDataSource</c> commands and COPY alike, from any thread or connection pool in the process.
/// </summary>
/// <remarks>
/// It listens to Npgsql's "Npgsql" ActivitySource and keeps only activities whose <c>db.namespace</c> tag (the
/// database name) is the one given. Each test class has its own <see cref="TestDatabase"/>, so classes running in
/// parallel never see each other's statements; an AsyncLocal scope would not do, because the statements we care
/// about run on the app's request or Blazor circuit threads, which do not flow the test's execution context.
/// One entry is one command sent: a batch (EF Core's SaveChanges) is one entry holding its statements joined by ";\n".
/// Physical connection opens ("CONNECT …" activities) carry no query text and are not recorded.
/// </remarks>
public sealed class StatementRecorder : IDisposable
{
    private const string SourceName = "Npgsql";
    // OpenTelemetry database semantic conventions, as Npgsql 10 emits them.
    private const string QueryTextTag = "db.query.text";
    private const string DatabaseTag = "db.namespace";

    private readonly string _databaseName;
    private readonly ActivityListener _listener;
    private readonly List<string> _statements = [];
    private readonly Lock _gate = new();

    private StatementRecorder(string databaseName)
    {
        _databaseName = databaseName;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SourceName,
            // Npgsql sets the query text only when all data is requested.
            Sample = (ref _) => ActivitySamplingResult.AllDataAndRecorded,
            SampleUsingParentId = (ref _) => ActivitySamplingResult.AllDataAndRecorded,
            // Recorded at stop: the database tag is added once the command has a connection.
            ActivityStopped = OnStopped,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Starts recording the statements sent to <paramref name="databaseName"/>; dispose to stop.</summary>
    public static StatementRecorder Start(string databaseName) => new(databaseName);

    public static StatementRecorder Start(TestDatabase database) => new(database.Name);

    /// <summary>The statements recorded so far, in the order they completed.</summary>
    public IReadOnlyList<string> Statements
    {
        get { lock (_gate) return [.. _statements]; }
    }

    public int Count
    {
        get { lock (_gate) return _statements.Count; }
    }

    /// <summary>Forgets what was recorded so far, e.g. after a test's setup.</summary>
    public void Clear()
    {
        lock (_gate) _statements.Clear();
    }

    public IReadOnlyList<string> Where(Func<string, bool> predicate) => [.. Statements.Where(predicate)];

    /// <summary>Throws when the number of statements recorded is not <paramref name="expected"/>.</summary>
    public void AssertCount(int expected)
    {
        var statements = Statements;
        if (statements.Count != expected)
            throw new StatementAssertionException($"Expected {expected} SQL statement(s), but {statements.Count} were sent", statements);
    }

    /// <summary>Throws when no recorded statement matches <paramref name="predicate"/>.</summary>
    public void AssertAny(Func<string, bool> predicate, string what)
    {
        var statements = Statements;
        if (!statements.Any(predicate))
            throw new StatementAssertionException($"Expected a SQL statement that {what}, but none was sent", statements);
    }

    /// <summary>Throws when any recorded statement matches <paramref name="predicate"/>, naming the offenders.</summary>
    public void AssertNone(Func<string, bool> predicate, string what)
    {
        var statements = Statements;
        var offenders = statements.Where(predicate).ToList();
        if (offenders.Count > 0)
            throw new StatementAssertionException($"Expected no SQL statement that {what}, but {offenders.Count} of {statements.Count} did", offenders);
    }

    /// <summary>Throws when a statement reads a large table without a bound (<see cref="SqlText.IsUnbounded"/>).</summary>
    public void AssertBounded()
    {
        var statements = Statements;
        var offenders = statements.Where((_, i) => SqlText.IsUnbounded(statements, i)).ToList();
        if (offenders.Count > 0)
            throw new StatementAssertionException($"Expected every statement over a large table to be bounded, but {offenders.Count} of {statements.Count} were not", offenders);
    }

    /// <summary>Waits until no statement has arrived for <paramref name="quiet"/> (a page's last query has finished).</summary>
    public async Task SettleAsync(TimeSpan? quiet = null, TimeSpan? limit = null)
    {
        var q = quiet ?? TimeSpan.FromMilliseconds(700);
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(15));
        var seen = -1;
        while (DateTime.UtcNow < deadline)
        {
            var now = Count;
            if (now == seen) return;
            seen = now;
            await Task.Delay(q);
        }
    }

    private void OnStopped(Activity activity)
    {
        if (activity.GetTagItem(QueryTextTag) is not string sql) return;
        if (activity.GetTagItem(DatabaseTag) as string != _databaseName) return;
        lock (_gate) _statements.Add(sql);
    }

    public void Dispose() => _listener.Dispose();
}
