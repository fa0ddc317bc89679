namespace Admin.Data.Persistence.Migrations;

/// <summary>
/// The rollup refresh's signal for rows that leave a day. Rows written since a refresh carry a new <c>change_xid</c>
/// (the change feed's index finds their days), but a DELETE leaves nothing behind, and an UPDATE that moves a row to
/// another day marks only the new one. These statement-level triggers note the old rows' UTC dates (one row per date
/// per statement, from the transition table), and a TRUNCATE notes "every day" (NULL); the refresher maps each date to
/// the display-zone days it overlaps, recounts them, and clears what it read in the same transaction.
/// Every updated row's old date is noted, not only a moved one's: the transition tables cannot be limited to some
/// columns, and a date that did not change is a day the row's new change_xid already sends the refresher to.
/// </summary>
internal static class RollupVacatedDaysSql
{
    public const string Up = $$"""
        CREATE TABLE rollup_vacated_days (
            utc_date date -- NULL: every day (the table was truncated)
        );

        CREATE FUNCTION health_checks_note_vacated_days() RETURNS trigger LANGUAGE plpgsql AS $f$
        BEGIN
            IF TG_OP = 'TRUNCATE' THEN
                INSERT INTO rollup_vacated_days (utc_date) VALUES (NULL);
            ELSE
                INSERT INTO rollup_vacated_days (utc_date)
                SELECT DISTINCT ("timestamp" AT TIME ZONE 'UTC')::date FROM vacated;
            END IF;
            RETURN NULL;
        END $f$;
        CREATE TRIGGER health_checks_vacated_by_delete AFTER DELETE ON health_checks
            REFERENCING OLD TABLE AS vacated FOR EACH STATEMENT EXECUTE FUNCTION health_checks_note_vacated_days();
        CREATE TRIGGER health_checks_vacated_by_update AFTER UPDATE ON health_checks
            REFERENCING OLD TABLE AS vacated FOR EACH STATEMENT EXECUTE FUNCTION health_checks_note_vacated_days();
        CREATE TRIGGER health_checks_vacated_by_truncate AFTER TRUNCATE ON health_checks
            FOR EACH STATEMENT EXECUTE FUNCTION health_checks_note_vacated_days();
        -- The triggers run as whoever writes health_checks (the app's role among them).
        GRANT SELECT, INSERT, DELETE ON rollup_vacated_days TO {{SecuritySql.AppRole}};
        """;

    public const string Down = """
        DROP TRIGGER IF EXISTS health_checks_vacated_by_truncate ON health_checks;
        DROP TRIGGER IF EXISTS health_checks_vacated_by_update ON health_checks;
        DROP TRIGGER IF EXISTS health_checks_vacated_by_delete ON health_checks;
        DROP FUNCTION IF EXISTS health_checks_note_vacated_days();
        DROP TABLE IF EXISTS rollup_vacated_days;
        """;
}
