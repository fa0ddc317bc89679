using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Admin.Data.Bulk;

/// <summary>
/// The deduplication ids a table already holds, as 128-bit digests (SHA-256, truncated): a bulk load into a table
/// that has rows drops the generated rows the table already has before they reach COPY, so the new rows can go
/// straight into the heap like a load into an empty table. 128 bits make a false match as likely as two random
/// UUIDs colliding; a set of 5M ids takes about 160 MB.
/// </summary>
internal sealed class KnownKeys
{
    private readonly HashSet<UInt128> _digests;

    private KnownKeys(HashSet<UInt128> digests) => _digests = digests;

    public int Count => _digests.Count;

    public static async Task<KnownKeys> ReadAsync(NpgsqlConnection conn, string table, string column, CancellationToken ct)
    {
        var digests = new HashSet<UInt128>();
        await using var export = await conn.BeginBinaryExportAsync($"COPY {table} ({column}) TO STDOUT (FORMAT BINARY)", ct);
        while (await export.StartRowAsync(ct) >= 0)
            digests.Add(Digest(await export.ReadAsync<string>(ct)));
        return new KnownKeys(digests);
    }

    public bool Contains(string key) => _digests.Contains(Digest(key));

    public static UInt128 Digest(string key)
    {
        Span<byte> utf8 = stackalloc byte[Encoding.UTF8.GetMaxByteCount(256)];
        ReadOnlySpan<byte> bytes = key.Length <= 256 ? utf8[..Encoding.UTF8.GetBytes(key, utf8)] : Encoding.UTF8.GetBytes(key);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes, hash);
        return new UInt128(BitConverter.ToUInt64(hash), BitConverter.ToUInt64(hash[8..]));
    }

    /// <summary>
    /// <paramref name="fill"/> with the known rows left out (moved past the returned count); <paramref name="generated"/>
    /// hears how many rows were generated, kept or not, so progress counts the generator's rows.
    /// </summary>
    public Func<Span<T>, int> Filter<T>(Func<Span<T>, int> fill, Func<T, string> key, Action<int> generated) => rows =>
    {
        while (true)
        {
            var n = fill(rows);
            if (n == 0) return 0;
            generated(n);
            var kept = 0;
            for (var i = 0; i < n; i++)
            {
                if (Contains(key(rows[i]))) continue;
                if (i != kept) (rows[kept], rows[i]) = (rows[i], rows[kept]);
                kept++;
            }
            if (kept > 0) return kept;
        }
    };
}
