using System.IO.Compression;
using Admin.Data.Exports;
using Admin.Testing;

namespace Admin.Data.Tests.Exports;

/// <summary>A large export's file, written by several COPY streams over key ranges, is byte for byte the one-stream export.</summary>
public class ParallelExportTests
{
    private static ExportOptions Parallel(int streams) => new() { Parallelism = streams, ParallelMinRows = 1 };

    [Theory]
    [InlineData(ExportFormat.Csv, false)]
    [InlineData(ExportFormat.Ndjson, false)]
    [InlineData(ExportFormat.Csv, true)]
    public async Task Partitioned_files_equal_the_single_stream_export(ExportFormat format, bool masked)
    {
        await using var f = await ExportFixture.CreateAsync(Parallel(3));
        await SqlSeed.HealthChecksAsync(f.Db, 3000, tieEvery: 7); // ties on the leading key sit across partition bounds
        await ExportRows.InsertAsync(f.Db);
        var query = ExportFixture.Query(("sort", "oldest"));
        var path = Path.Combine(Path.GetTempPath(), $"export-test-{Guid.NewGuid():N}");

        try
        {
            var progress = new ExportProgress();
            var result = await f.Exporter.WriteFileAsync(query, format, masked, path, gzip: false, estimate: 3036, progress, default);
            var single = await f.ExportTextAsync(query, format, masked);

            Assert.Equal(3, result.Streams);
            Assert.Equal(single, await File.ReadAllTextAsync(path));
            Assert.Equal(3000 + ExportRows.AwkwardNames.Length + 20, result.Rows);
            Assert.Equal(result.Rows, progress.Rows);
            Assert.Equal(new FileInfo(path).Length, result.FileBytes);
            Assert.Equal(result.FileBytes, result.Bytes);
            Assert.Empty(Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(path) + ".part*"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Gzip_members_of_the_partitions_join_into_one_valid_file()
    {
        await using var f = await ExportFixture.CreateAsync(Parallel(2));
        await SqlSeed.HealthChecksAsync(f.Db, 2000);
        var query = ExportFixture.Query(("province", "ZA-GP"));
        var path = Path.Combine(Path.GetTempPath(), $"export-test-{Guid.NewGuid():N}.csv.gz");

        try
        {
            var result = await f.Exporter.WriteFileAsync(query, ExportFormat.Csv, false, path, gzip: true, estimate: 500, null, default);
            await using var file = File.OpenRead(path);
            await using var gunzip = new GZipStream(file, CompressionMode.Decompress);
            using var text = new StreamReader(gunzip);

            Assert.Equal(2, result.Streams);
            Assert.Equal(await f.ExportTextAsync(query, ExportFormat.Csv), await text.ReadToEndAsync());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_small_estimate_keeps_one_stream()
    {
        await using var f = await ExportFixture.CreateAsync(new ExportOptions { Parallelism = 4, ParallelMinRows = 10_000 });
        await SqlSeed.HealthChecksAsync(f.Db, 500);
        var path = Path.Combine(Path.GetTempPath(), $"export-test-{Guid.NewGuid():N}");

        try
        {
            var result = await f.Exporter.WriteFileAsync(ExportFixture.Query(), ExportFormat.Csv, false, path, false, estimate: 500, null, default);
            Assert.Equal(1, result.Streams);
            Assert.Equal(500, result.Rows);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_failed_or_cancelled_file_export_leaves_no_files()
    {
        await using var f = await ExportFixture.CreateAsync(Parallel(2));
        await SqlSeed.HealthChecksAsync(f.Db, 1000);
        var path = Path.Combine(Path.GetTempPath(), $"export-test-{Guid.NewGuid():N}");
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            f.Exporter.WriteFileAsync(ExportFixture.Query(), ExportFormat.Csv, false, path, false, estimate: 1000, null, cts.Token));

        Assert.False(File.Exists(path));
        Assert.Empty(Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(path) + "*"));
    }
}
