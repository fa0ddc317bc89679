using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Runtime.ExceptionServices;
using Admin.Data.Counting;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Admin.Data.Exports;

/// <summary>
/// Streams a list's rows out of PostgreSQL with <c>COPY (SELECT ...) TO STDOUT</c>: PostgreSQL formats the CSV or JSON,
/// the app only moves bytes, and nothing is ever held whole in memory. Small exports go to any stream (a download);
/// files of large exports are written by several COPY streams at once, each a key range of the list's ordering in one
/// shared snapshot, and joined in order.
/// </summary>
public sealed class RecordExporter(ExportDataSource exportSource, TableSizeEstimator sizes, IOptions<ExportOptions> options)
{
    /// <summary>Rows sampled to place the partition bounds of a parallel export (TABLESAMPLE SYSTEM, whole pages).</summary>
    private const double SampleRows = 100_000;

    /// <summary>The planner's estimate of the rows an export would write: table statistics unfiltered, EXPLAIN filtered.</summary>
    public async Task<long> EstimateAsync(ExportQuery query, CancellationToken ct)
    {
        if (!query.IsFiltered) return (await sizes.EstimateAsync(query.Table, ct)).Rows;
        await using var conn = await exportSource.DataSource.OpenConnectionAsync(ct);
        return await PlannerEstimate.RowsAsync(conn, $"SELECT 1 FROM {ExportSql.Quote(query.Table)} WHERE {query.WhereSql}",
            query.WhereParameters.Clone(), ct);
    }

    /// <summary>One COPY stream into <paramref name="output"/>, e.g. an HTTP response. The output is not closed.</summary>
    public async Task<ExportResult> WriteAsync(ExportQuery query, ExportFormat format, bool masked, Stream output,
        ExportProgress? progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var limit = options.Value.StatementTimeout;
        var dataSource = exportSource.DataSource;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await ExportSession.BeginAsync(conn, limit, snapshot: null, ct);
        var columns = await ExportColumns.ReadAsync(conn, tx, query.Table, ct);
        var counter = CopyRowCounter.For(format, header: true);
        var bytes = await CopyPump.RunAsync(dataSource, conn, ExportSql.Copy(query, columns, format, masked, null, header: true),
            output, counter, progress, limit, ct);
        await output.FlushAsync(ct);
        await ExportSession.EndAsync(tx);
        return new ExportResult(counter.Rows, bytes, bytes, 1, clock.Elapsed);
    }

    /// <summary>
    /// Writes the export to <paramref name="path"/> (gzip-compressed if asked). At or above
    /// <see cref="ExportOptions.ParallelMinRows"/> estimated rows it runs <see cref="ExportOptions.Parallelism"/> COPY
    /// streams. Nothing is left behind on failure or cancellation.
    /// </summary>
    public async Task<ExportResult> WriteFileAsync(ExportQuery query, ExportFormat format, bool masked, string path, bool gzip,
        long? estimate, ExportProgress? progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var o = options.Value;
        var connections = new List<(NpgsqlConnection Conn, NpgsqlTransaction Tx)>();
        var files = new List<string> { path };
        var succeeded = false;
        // One server for the whole export: its streams share the leader's snapshot.
        var dataSource = exportSource.DataSource;
        try
        {
            var leader = await dataSource.OpenConnectionAsync(ct);
            connections.Add((leader, await ExportSession.BeginAsync(leader, o.StatementTimeout, snapshot: null, ct)));
            var columns = await ExportColumns.ReadAsync(leader, connections[0].Tx, query.Table, ct);

            var bounds = o.Parallelism > 1 && estimate >= o.ParallelMinRows
                ? await SplitPointsAsync(leader, connections[0].Tx, query, o.Parallelism, ct)
                : [];
            if (bounds.Count > 0)
            {
                var snapshot = await ExportSession.ExportSnapshotAsync(leader, connections[0].Tx, ct);
                for (var i = 0; i < bounds.Count; i++)
                {
                    var conn = await dataSource.OpenConnectionAsync(ct);
                    connections.Add((conn, null!));
                    connections[^1] = (conn, await ExportSession.BeginAsync(conn, o.StatementTimeout, snapshot, ct));
                    files.Add($"{path}.part{i + 1}");
                }
            }

            using var failFast = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var counters = new CopyRowCounter[connections.Count];
            var tasks = new Task<long>[connections.Count];
            for (var i = 0; i < connections.Count; i++)
            {
                var range = bounds.Count == 0 ? null
                    : ExportSql.Range(query.Keys[0], after: i == 0 ? null : bounds[i - 1], upTo: i == bounds.Count ? null : bounds[i]);
                var sql = ExportSql.Copy(query, columns, format, masked, range, header: i == 0);
                counters[i] = CopyRowCounter.For(format, header: i == 0);
                tasks[i] = WritePartAsync(dataSource, connections[i].Conn, sql, files[i], i == 0, gzip, counters[i], progress, o.StatementTimeout, failFast);
            }
            try
            {
                await Task.WhenAll(tasks);
            }
            catch when (ct.IsCancellationRequested)
            {
                ct.ThrowIfCancellationRequested();
            }
            catch (Exception first)
            {
                // Report the real failure, not a cancellation it caused in another stream.
                var cause = tasks.Select(t => t.Exception?.InnerException).FirstOrDefault(e => e is not null and not OperationCanceledException);
                ExceptionDispatchInfo.Capture(cause ?? first).Throw();
                throw;
            }

            var fileBytes = await AppendPartsAsync(path, files.Skip(1), ct);
            succeeded = true;
            return new ExportResult(counters.Sum(c => c.Rows), tasks.Sum(t => t.Result), fileBytes, connections.Count, clock.Elapsed);
        }
        finally
        {
            foreach (var (conn, tx) in connections)
            {
                if (tx is not null) await ExportSession.EndAsync(tx);
                await conn.DisposeAsync();
            }
            foreach (var file in succeeded ? files.Skip(1) : files)
                TryDelete(file);
        }
    }

    private static async Task<long> WritePartAsync(NpgsqlDataSource dataSource, NpgsqlConnection conn, string sql, string file, bool first, bool gzip, CopyRowCounter counter,
        ExportProgress? progress, TimeSpan limit, CancellationTokenSource failFast)
    {
        try
        {
            // The first part is the file itself and leaves the page cache as it is written; the others stay cached
            // until they are appended to it (then deleted), so appending reads memory, not disk.
            await using Stream stream = first
                ? new UncachedFileStream(file, FileMode.Create)
                : new FileStream(file, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            await using var output = gzip ? new GZipStream(stream, CompressionLevel.Fastest) : (Stream)stream;
            return await CopyPump.RunAsync(dataSource, conn, sql, output, counter, progress, limit, failFast.Token);
        }
        catch
        {
            await failFast.CancelAsync(); // one stream failing stops the others on the server too
            throw;
        }
    }

    /// <summary>
    /// Joins the partition files after the first, in order; gzip members concatenate into one valid gzip file.
    /// Returns the final size.
    /// </summary>
    private static async Task<long> AppendPartsAsync(string path, IEnumerable<string> parts, CancellationToken ct)
    {
        await using var target = new UncachedFileStream(path, FileMode.Append);
        foreach (var part in parts)
        {
            await using (var source = new FileStream(part, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20))
                await source.CopyToAsync(target, 1 << 20, ct);
            File.Delete(part);
        }
        return target.Length;
    }

    /// <summary>
    /// Bounds that split the export's rows into about equal key ranges of the leading ordering column: quantiles of a
    /// page sample taken with the export's own filter, in the export's snapshot. Few or no bounds when the sample is thin.
    /// </summary>
    private async Task<IReadOnlyList<string>> SplitPointsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, ExportQuery query, int parts, CancellationToken ct)
    {
        var tableRows = Math.Max(1, (await sizes.EstimateAsync(query.Table, ct)).Rows);
        var percent = Math.Clamp(100 * SampleRows / tableRows, 0.01, 100).ToString("0.####", CultureInfo.InvariantCulture);
        var leading = ExportSql.Quote(query.Keys[0].Column);
        var sql = $"SELECT (percentile_disc(@fractions) WITHIN GROUP (ORDER BY t.{leading}))::text[] " +
                  $"FROM {ExportSql.Quote(query.Table)} t TABLESAMPLE SYSTEM ({percent}) REPEATABLE (1)" +
                  (query.IsFiltered ? " WHERE " + query.WhereSql : "");
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        cmd.Parameters.AddRange(query.WhereParameters.Clone());
        cmd.Parameters.Add(new NpgsqlParameter("fractions", NpgsqlDbType.Array | NpgsqlDbType.Double)
        {
            Value = Enumerable.Range(1, parts - 1).Select(i => (double)i / parts).ToArray(),
        });
        var result = await cmd.ExecuteScalarAsync(ct);
        if (result is not string[] quantiles) return [];
        var distinct = quantiles.Distinct(StringComparer.Ordinal).ToList(); // ascending already
        if (query.Keys[0].Descending) distinct.Reverse();
        return distinct;
    }

    private static void TryDelete(string file)
    {
        try { File.Delete(file); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
