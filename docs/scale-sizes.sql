-- Bytes per row of the heap and each health_checks index, old definitions beside new, on the same 10 % sample of the table.
-- Usage: psql -d DATABASE -f docs/scale-sizes.sql (builds 21 indexes on a copy of 10 % of the table, prints, drops it).
\timing off
SET maintenance_work_mem = '1GB';
DROP TABLE IF EXISTS size_sample;
CREATE TABLE size_sample AS SELECT * FROM health_checks TABLESAMPLE SYSTEM (10) REPEATABLE (1);
CREATE UNIQUE INDEX o_pk ON size_sample (id);
CREATE UNIQUE INDEX o_dedup ON size_sample (deduplication_id);
CREATE INDEX o_ts ON size_sample ("timestamp" DESC, id DESC);
CREATE INDEX o_msisdn_ts ON size_sample (msisdn, "timestamp" DESC, id DESC);
CREATE INDEX o_trgm ON size_sample USING gin (msisdn gin_trgm_ops);
CREATE INDEX o_prov ON size_sample (province, "timestamp" DESC, id DESC);
CREATE INDEX o_prov_risk ON size_sample (province, risk, "timestamp" DESC, id DESC);
CREATE INDEX o_dist ON size_sample (district_code, "timestamp" DESC, id DESC);
CREATE INDEX o_dist_risk ON size_sample (district_code, risk, "timestamp" DESC, id DESC);
CREATE INDEX o_risk ON size_sample (risk, "timestamp" DESC, id DESC);
CREATE INDEX o_source ON size_sample (source, "timestamp" DESC, id DESC);
CREATE INDEX o_change ON size_sample (change_xid, id);
CREATE INDEX n_ts ON size_sample ("timestamp" DESC, id DESC) WITH (fillfactor = 100);
CREATE INDEX n_msisdn ON size_sample (msisdn);
CREATE INDEX n_prov ON size_sample (province, "timestamp" DESC, id DESC) WITH (fillfactor = 100);
CREATE INDEX n_prov_risk ON size_sample (province, risk, "timestamp" DESC, id DESC) WITH (fillfactor = 100) WHERE risk <> 'low';
CREATE INDEX n_dist ON size_sample (district_code, "timestamp" DESC, id DESC) WITH (fillfactor = 100);
CREATE INDEX n_dist_risk ON size_sample (district_code, risk, "timestamp" DESC, id DESC) WITH (fillfactor = 100) WHERE risk <> 'low';
CREATE INDEX n_risk ON size_sample (risk, "timestamp" DESC, id DESC) WITH (fillfactor = 100) WHERE risk <> 'low';
CREATE INDEX n_source ON size_sample (source, "timestamp" DESC, id DESC) WITH (fillfactor = 100) WHERE source <> 'WhatsApp';
CREATE INDEX n_change ON size_sample (change_xid, id) WITH (fillfactor = 100);
SELECT count(*) AS sample_rows FROM size_sample \gset
SELECT c.relname, round(pg_relation_size(c.oid)::numeric / :sample_rows, 1) AS bytes_per_row
FROM pg_class c WHERE c.relname = 'size_sample' OR c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid = 'size_sample'::regclass)
ORDER BY 1;
SELECT round(sum(pg_relation_size(indexrelid)) FILTER (WHERE i.relname LIKE 'o\_%')::numeric / :sample_rows, 1) AS old_indexes,
       round((sum(pg_relation_size(indexrelid)) FILTER (WHERE i.relname LIKE 'n\_%' OR i.relname IN ('o_pk', 'o_dedup', 'o_trgm')))::numeric / :sample_rows, 1) AS new_indexes,
       round(pg_relation_size('size_sample')::numeric / :sample_rows, 1) AS heap
FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = 'size_sample'::regclass;
DROP TABLE size_sample;
