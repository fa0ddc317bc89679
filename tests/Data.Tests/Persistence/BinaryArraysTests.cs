using Admin.Data.Persistence;
using Admin.Testing;
using Npgsql;

namespace Admin.Data.Tests.Persistence;

/// <summary>The wire-form array reader against PostgreSQL's own arrays, and Npgsql's reading of the same values.</summary>
public class BinaryArraysTests
{
    private static async Task<T> ReadAsync<T>(string literal, Func<NpgsqlDataReader, T> read)
    {
        await using var dataSource = NpgsqlDataSource.Create(TestDatabase.ServerConnectionString);
        await using var cmd = dataSource.CreateCommand($"SELECT {literal}");
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return read(reader);
    }

    [Theory]
    [InlineData("ARRAY[1, -2, 2147483647, -2147483648]::int[]")]
    [InlineData("'{}'::int[]")]
    [InlineData("ARRAY(SELECT g * 7919 % 100003 FROM generate_series(1, 5000) g)::int[]")]
    public async Task Int32_arrays_read_as_npgsql_reads_them(string literal) =>
        Assert.Equal(await ReadAsync(literal, r => r.GetFieldValue<int[]>(0)), await ReadAsync(literal, r => BinaryArrays.Int32s(r, 0)));

    [Theory]
    [InlineData("ARRAY[0, -1, 9223372036854775807, -9223372036854775808]::bigint[]")]
    [InlineData("'{}'::bigint[]")]
    [InlineData("ARRAY(SELECT g::bigint * 4294967311 FROM generate_series(1, 5000) g)")]
    public async Task Int64_arrays_read_as_npgsql_reads_them(string literal) =>
        Assert.Equal(await ReadAsync(literal, r => r.GetFieldValue<long[]>(0)), await ReadAsync(literal, r => BinaryArrays.Int64s(r, 0)));

    [Theory]
    [InlineData("ARRAY[0.5, 1e-300, -2.25, 'NaN', 'Infinity', 1]::float8[]")]
    [InlineData("'{}'::float8[]")]
    public async Task Double_arrays_read_as_npgsql_reads_them(string literal) =>
        Assert.Equal(await ReadAsync(literal, r => r.GetFieldValue<double[]>(0)), await ReadAsync(literal, r => BinaryArrays.Doubles(r, 0)));

    [Theory]
    [InlineData("ARRAY[1, NULL, 3]::int[] AS cells", "null element at 2")]
    [InlineData("ARRAY[[1, 2], [3, 4]]::int[] AS cells", "2 dimensions")]
    [InlineData("ARRAY[1, 2]::bigint[] AS cells", "element type")]
    public async Task What_it_cannot_read_is_refused_by_name_never_misread(string literal, string reason)
    {
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ReadAsync(literal, r => BinaryArrays.Int32s(r, 0)));
        Assert.Contains("cells", error.Message);
        Assert.Contains(reason, error.Message);
    }
}
