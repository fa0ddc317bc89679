-- Synthetic HealthChecks for measuring the hotspot dashboard at scale (not demo data: the seed verb owns that).
-- Plain SQL, so loading does not wait on .NET:  psql "$CONN" -v rows=20000000 -v days=600 -v last_day=2021-12-31 -f synthetic-checks.sql
-- Districts are picked in proportion to population; locations scatter around the district centroid (spread grows
-- with the district's area); risk follows two waves; DC22 gets an outbreak in the last 7 days so the map has a hotspot.
-- Runs in batches of 1M rows so progress shows and one batch's memory stays small.
\set ON_ERROR_STOP on
\if :{?rows} \else \set rows 2000000 \endif
\if :{?days} \else \set days 600 \endif
\if :{?last_day} \else \set last_day 2021-12-31 \endif

SELECT setseed(0.2021);

DROP TABLE IF EXISTS slots;
-- 10,000 slots shared out by population: a random slot is a population-weighted district (one hash join per row).
CREATE TEMP TABLE slots AS
SELECT s AS slot, d.code, d.province, d.centroid_latitude AS lat, d.centroid_longitude AS lon,
       sqrt(d.area_km2) / 111.0 / 3 AS spread
FROM (SELECT code, province, centroid_latitude, centroid_longitude, area_km2,
             sum(population) OVER (ORDER BY code) - population AS lo, sum(population) OVER (ORDER BY code) AS hi,
             sum(population) OVER () AS total
      FROM districts) d
JOIN generate_series(0, 9999) s ON s >= floor(d.lo * 10000.0 / d.total) AND s < floor(d.hi * 10000.0 / d.total);
ANALYZE slots;

-- psql does not substitute variables inside the DO body: pass them as settings.
SELECT set_config('synth.rows', :'rows', false), set_config('synth.days', :'days', false), set_config('synth.last_day', :'last_day', false),
       set_config('synth.offset', (SELECT count(*) FROM health_checks)::text, false);

DO $$
DECLARE
    total bigint := current_setting('synth.rows')::bigint;
    days float8 := current_setting('synth.days')::float8;
    day_after timestamptz := (current_setting('synth.last_day')::date + 1)::timestamptz;
    first_id bigint := current_setting('synth.offset')::bigint;
    batch bigint := 1000000;
    done bigint := 0;
BEGIN
    WHILE done < total LOOP
        INSERT INTO health_checks (id, deduplication_id, msisdn, source, province, district_code, latitude, longitude,
                                   age, fever, cough, sore_throat, exposure, tracing, risk, completed_timestamp, "timestamp", created_by)
        SELECT gen_random_uuid(), 'synth-' || (first_id + done + g), '+2782' || lpad(((done + g) % 10000000)::text, 7, '0'), 'WhatsApp',
               s.province, s.code,
               -- Sum of three uniforms: a bell shape around the centroid without a loop.
               s.lat + (random() + random() + random() - 1.5) * s.spread * 2,
               s.lon + (random() + random() + random() - 1.5) * s.spread * 2,
               '18-40', high, high, high, 'no', true,
               CASE WHEN high THEN 'high' WHEN random() < 0.4 THEN 'moderate' ELSE 'low' END,
               ts, ts, 'synthetic'
        FROM (
            SELECT g, floor(random() * 10000)::int AS slot,
                   day_after - (random() * days) * interval '1 day' AS ts,
                   random() AS u
            FROM generate_series(1, least(batch, total - done)) g
        ) r
        JOIN slots s USING (slot)
        -- High-risk share: 15% plus two waves (about days 150 and 400 before the end).
        CROSS JOIN LATERAL (SELECT r.u < 0.15 + 0.12 * exp(-power((extract(epoch FROM day_after - r.ts) / 86400 - 150) / 30, 2))
                                         + 0.10 * exp(-power((extract(epoch FROM day_after - r.ts) / 86400 - 400) / 40, 2)) AS high) h
        -- In time order, as a live feed writes them: a day's rows then lie together in the heap.
        ORDER BY r.ts;
        done := done + least(batch, total - done);
        RAISE NOTICE '% of % rows', done, total;
        COMMIT;
    END LOOP;
END $$;

-- The planted outbreak: uMgungundlovu, around Pietermaritzburg, in the last 7 days (about 3x its usual high-risk rate).
INSERT INTO health_checks (id, deduplication_id, msisdn, source, province, district_code, latitude, longitude,
                           age, fever, cough, sore_throat, exposure, tracing, risk, completed_timestamp, "timestamp", created_by)
SELECT gen_random_uuid(), 'synth-outbreak-' || gen_random_uuid(), '+2783' || lpad(g::text, 7, '0'), 'WhatsApp', 'ZA-KZN', 'DC22',
       -29.60 + (random() - 0.5) * 0.2, 30.38 + (random() - 0.5) * 0.2, '18-40', true, true, true, 'yes', true, 'high', ts, ts, 'synthetic'
-- DC22 is ~2% of the population and ~20% of checks are high risk: twice its usual high-risk rate on top.
FROM generate_series(1, greatest(20, (:rows::float8 / :days * 0.008)::int) * 7) g,
     LATERAL (SELECT (DATE :'last_day' + 1)::timestamptz - random() * interval '7 days' AS ts) t;

ANALYZE health_checks;
