"""The date a programme's last run starts, kept by PostgreSQL itself, for the basic search (search.basic).

"Can this programme still be started?" is asked by every basic search: it starts any time, or one of its runs
starts today or later. Asked of the runs, PostgreSQL hashes every future run for each query (75,000 runs at
100,000 items, 10–25 ms a query, three or four queries a search); asked of a column on the programme, it is a
comparison on the row being read.

The column is added on PostgreSQL only (the zero-setup SQLite run uses search.basic.simple, which asks the runs)
and no model declares it, so Django never writes it. Statement-level triggers on the runs table keep it: every
insert, update and delete of runs (forms, imports, bulk inserts, the generator) recomputes the date for the
programmes whose runs changed. The programmes are locked first, so the runs are read after any other transaction
changing the same programme's runs has committed: two providers' editors saving at once leave the right date.
"""

from django.db.migrations.operations.base import Operation
from django.db.models import DateField

from publishing.text_search import DatabaseOnlyColumn

LAST_RUN_START = "last_run_starts_on"
FUNCTION = "courses_programme_keep_last_run_start"

# (trigger, event, transition table): an UPDATE can move a run between programmes, so both sides are recomputed.
TRIGGERS = (
    ("courses_runs_inserted", "INSERT", "NEW"),
    ("courses_runs_deleted", "DELETE", "OLD"),
    ("courses_runs_updated_from", "UPDATE", "OLD"),
    ("courses_runs_updated_to", "UPDATE", "NEW"),
)


class LastRunStart(DatabaseOnlyColumn):
    """The programme's `last_run_starts_on`: NULL when it has no runs."""

    column = LAST_RUN_START
    output_field = DateField()


class AddLastRunStart(Operation):
    """The column, filled from the runs there are, and the triggers that keep it; PostgreSQL only, nothing in the
    migration state."""

    reversible = True

    def state_forwards(self, app_label, state):
        pass

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute(f"ALTER TABLE courses_programme ADD COLUMN {LAST_RUN_START} date")
        schema_editor.execute(
            f"UPDATE courses_programme AS programme SET {LAST_RUN_START} = runs.last FROM "
            "(SELECT programme_id, MAX(starts_on) AS last FROM courses_programmerun GROUP BY programme_id) AS runs "
            "WHERE runs.programme_id = programme.id"
        )
        schema_editor.execute(
            f"""
            CREATE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM 1 FROM courses_programme
                    WHERE id IN (SELECT programme_id FROM changed_runs) ORDER BY id FOR UPDATE;
                UPDATE courses_programme AS programme SET {LAST_RUN_START} = latest.starts_on
                    FROM (
                        SELECT changed.programme_id,
                               (SELECT MAX(run.starts_on) FROM courses_programmerun AS run
                                 WHERE run.programme_id = changed.programme_id) AS starts_on
                        FROM (SELECT DISTINCT programme_id FROM changed_runs) AS changed
                    ) AS latest
                    WHERE programme.id = latest.programme_id
                      AND programme.{LAST_RUN_START} IS DISTINCT FROM latest.starts_on;
                RETURN NULL;
            END
            $$
            """
        )
        for name, event, side in TRIGGERS:
            schema_editor.execute(
                f"CREATE TRIGGER {name} AFTER {event} ON courses_programmerun REFERENCING {side} TABLE AS changed_runs "
                f"FOR EACH STATEMENT EXECUTE FUNCTION {FUNCTION}()"
            )

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "postgresql":
            return
        for name, _, _ in TRIGGERS:
            schema_editor.execute(f"DROP TRIGGER {name} ON courses_programmerun")
        schema_editor.execute(f"DROP FUNCTION {FUNCTION}()")
        schema_editor.execute(f"ALTER TABLE courses_programme DROP COLUMN {LAST_RUN_START}")

    def describe(self):
        return "The date each programme's last run starts, kept by triggers (PostgreSQL only)"
