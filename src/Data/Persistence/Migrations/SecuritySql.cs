namespace Admin.Data.Persistence.Migrations;

/// <summary>
/// What migration AddSecurity does beyond tables: the app's own database role, the append-only audit trail, and the
/// change-feed stamp on updates. Kept here so a reader finds the privileges in one place.
/// </summary>
internal static class SecuritySql
{
    /// <summary>The role the web app logs in as (scripts/run.sh gives it a password): everything but rewriting history.</summary>
    public const string AppRole = "admin_app";

    public const string Up = $"""
        DO $$
        BEGIN
            CREATE ROLE {AppRole} NOLOGIN;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL; -- roles are cluster-wide: another database (or a concurrent migration) made it already
        END $$;

        GRANT USAGE ON SCHEMA public TO {AppRole};
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {AppRole};
        GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {AppRole};
        -- Tables later migrations create (as the same owner) get the same grants.
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {AppRole};
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {AppRole};
        -- A rollup rebuild starts from empty tables (RollupSql.Truncate).
        GRANT TRUNCATE ON rollup_district_days, rollup_cell_days, rollup_cell_running_totals TO {AppRole};

        -- The audit trail is append-only: the app may add and read, never change or remove ...
        REVOKE UPDATE, DELETE, TRUNCATE ON audit_entries FROM {AppRole}, PUBLIC;
        -- ... and not even the owner can, short of dropping this trigger (which needs a migration, itself audited in git).
        CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $f$
        BEGIN
            RAISE EXCEPTION 'audit_entries is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
        END $f$;
        CREATE TRIGGER audit_entries_no_update_delete BEFORE UPDATE OR DELETE ON audit_entries
            FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
        CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
            FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();

        -- An edited row moves to the end of the API's change feed (HealthCheck.ChangeXid); inserts get the column default.
        CREATE FUNCTION health_checks_set_change_xid() RETURNS trigger LANGUAGE plpgsql AS $f$
        BEGIN
            NEW.change_xid := pg_current_xact_id();
            RETURN NEW;
        END $f$;
        CREATE TRIGGER health_checks_change_xid BEFORE UPDATE ON health_checks
            FOR EACH ROW EXECUTE FUNCTION health_checks_set_change_xid();
        """;

    public const string Down = """
        DROP TRIGGER IF EXISTS health_checks_change_xid ON health_checks;
        DROP FUNCTION IF EXISTS health_checks_set_change_xid();
        DROP TRIGGER IF EXISTS audit_entries_no_truncate ON audit_entries;
        DROP TRIGGER IF EXISTS audit_entries_no_update_delete ON audit_entries;
        DROP FUNCTION IF EXISTS audit_entries_append_only();
        """;
}
