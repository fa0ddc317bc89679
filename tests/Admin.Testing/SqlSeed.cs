namespace Admin.Testing;

/// <summary>Small, exactly known data sets written with plain SQL, for tests that must know every row.</summary>
public static class SqlSeed
{
    /// <summary>
    /// <paramref name="count"/> health checks; every <paramref name="tieEvery"/> rows share one timestamp, so keyset
    /// paging must break ties on id. Provinces, risks and districts cycle so filters have known answers.
    /// </summary>
    public static Task HealthChecksAsync(TestDatabase db, int count, int tieEvery = 3, int offset = 0, DateTimeOffset? start = null) =>
        db.ExecuteAsync($"""
            INSERT INTO health_checks (id, deduplication_id, msisdn, source, province, district_code, age, exposure, risk,
                fever, cough, sore_throat, tracing, completed_timestamp, timestamp, created_by)
            SELECT gen_random_uuid(), 'seed-' || g, '+2782' || lpad((g % 5000)::text, 7, '0'),
                   (ARRAY['WhatsApp','USSD','Web'])[1 + g % 3],
                   (ARRAY['ZA-GP','ZA-KZN','ZA-WC','ZA-EC'])[1 + g % 4],
                   (ARRAY['JHB','ETH','CPT','BUF'])[1 + g % 4],
                   '18-40', 'no', (ARRAY['low','moderate','high'])[1 + g % 3],
                   false, false, false, false, ts, ts, 'test'
            FROM generate_series({offset + 1}, {offset + count}) g,
                 LATERAL (SELECT timestamptz '{(start ?? new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero)):O}' + ((g / {tieEvery}) * interval '1 minute') AS ts) t
            """);
}
