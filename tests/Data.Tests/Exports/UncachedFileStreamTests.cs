using System.Security.Cryptography;
using Admin.Data.Exports;

namespace Admin.Data.Tests.Exports;

/// <summary>Dropping written windows from the page cache never changes what the file holds.</summary>
public class UncachedFileStreamTests
{
    [Fact]
    public async Task Bytes_written_through_many_flush_windows_and_an_append_read_back_unchanged()
    {
        var path = Path.Combine(Path.GetTempPath(), $"uncached-{Guid.NewGuid():N}");
        var data = RandomNumberGenerator.GetBytes(3 * 1024 * 1024 + 12345);
        try
        {
            await using (var stream = new UncachedFileStream(path, FileMode.Create, window: 64 * 1024))
            {
                foreach (var chunk in data.Chunk(7_777)) await stream.WriteAsync(chunk);
            }
            await using (var stream = new UncachedFileStream(path, FileMode.Append, window: 64 * 1024))
            {
                foreach (var chunk in data.Chunk(100_000)) stream.Write(chunk);
                Assert.Equal(2L * data.Length, stream.Length);
            }

            Assert.Equal(data.Concat(data), await File.ReadAllBytesAsync(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
