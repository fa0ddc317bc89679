using System.Diagnostics;

namespace Admin.Data.Tests.Hotspots;

/// <summary>
/// Counts the commands (and batches) Npgsql sends to one database, from its own tracing (ActivitySource "Npgsql"):
/// what actually went over the wire, whoever sent it. Other test classes use other databases, so they do not count.
/// </summary>
internal sealed class SqlCommandCounter : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly List<string> _statements = [];

    public SqlCommandCounter(string database)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem("db.namespace") as string != database) return;
                if (activity.GetTagItem("db.query.text") is not string sql) return; // connection opens have no query
                lock (_statements) _statements.Add(sql);
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<string> Statements
    {
        get { lock (_statements) return [.. _statements]; }
    }

    public void Dispose() => _listener.Dispose();
}
