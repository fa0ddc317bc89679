using System.Text;
using Admin.Data.Exports;

namespace Admin.Data.Tests.Exports;

/// <summary>Counting rows in COPY output as it streams, whatever the chunk boundaries.</summary>
public class CopyRowCounterTests
{
    private const string Csv = "id,name\n1,plain\n2,\"with\nnewline\"\n3,\"quote \"\" and\n\"\"\"\n4,\"\"\n5,\n";

    [Fact]
    public void Newlines_inside_quoted_fields_are_not_rows()
    {
        var counter = CopyRowCounter.For(ExportFormat.Csv, header: true);
        counter.Scan(Encoding.UTF8.GetBytes(Csv));
        Assert.Equal(5, counter.Rows);
    }

    [Fact]
    public void Any_split_into_chunks_gives_the_same_count()
    {
        var bytes = Encoding.UTF8.GetBytes(Csv);
        for (var chunk = 1; chunk <= bytes.Length; chunk++)
        {
            var counter = CopyRowCounter.For(ExportFormat.Csv, header: true);
            foreach (var part in bytes.Chunk(chunk)) counter.Scan(part);
            Assert.Equal(5, counter.Rows);
        }
    }

    [Fact]
    public void Ndjson_counts_lines_and_a_part_without_header_counts_its_first_line()
    {
        var ndjson = CopyRowCounter.For(ExportFormat.Ndjson, header: true);
        ndjson.Scan("{\"a\":\"x\\\"\\n\"}\n{\"a\":1}\n"u8);
        Assert.Equal(2, ndjson.Rows);

        var part = CopyRowCounter.For(ExportFormat.Csv, header: false);
        part.Scan("1,a\n2,b\n"u8);
        Assert.Equal(2, part.Rows);
    }
}
