-- Cobranza schema 6: each branch's Subcomité and Comité de Mora number their minutes on their own,
-- consecutively per year (schema 5 numbered them across branches, so one branch's actas skipped
-- numbers), and every acta keeps the reference it was issued with: the minutes already signed keep
-- their number and their "SUBCOMITE-2026-003" (renumbering them would contradict the paper and the
-- audit trail); new ones are "SUBCOMITE-IBA-2026-004", going on from the branch's highest number.
-- SQLite cannot change a table constraint: both tables are rebuilt, children first.

CREATE TABLE committee_minutes_v6 (
    id          INTEGER PRIMARY KEY,
    committee   TEXT NOT NULL CHECK (committee IN ('SUBCOMITE', 'COMITE')),
    year        INTEGER NOT NULL,
    number      INTEGER NOT NULL,
    branch_code TEXT NOT NULL,
    held_on     TEXT NOT NULL,
    attendees   TEXT NOT NULL DEFAULT '',
    notes       TEXT NOT NULL DEFAULT '',
    recorded_by INTEGER NOT NULL REFERENCES staff(id),
    recorded_at TEXT NOT NULL,
    reference   TEXT NOT NULL UNIQUE,
    UNIQUE (committee, branch_code, year, number)
);
INSERT INTO committee_minutes_v6 SELECT id, committee, year, number, branch_code, held_on, attendees, notes,
    recorded_by, recorded_at, committee || '-' || year || '-' || printf('%03d', number) FROM committee_minutes;

CREATE TABLE committee_decisions_v6 (
    minutes_id    INTEGER NOT NULL REFERENCES committee_minutes_v6(id),
    credit_number TEXT NOT NULL REFERENCES credits(credit_number),
    days_past_due INTEGER NOT NULL,
    overdue_cents INTEGER NOT NULL,
    decision      TEXT NOT NULL,
    PRIMARY KEY (minutes_id, credit_number)
) WITHOUT ROWID;
INSERT INTO committee_decisions_v6 SELECT minutes_id, credit_number, days_past_due, overdue_cents, decision
    FROM committee_decisions;

DROP TABLE committee_decisions;
DROP TABLE committee_minutes;
-- Renaming the parent also renames the children's reference to it.
ALTER TABLE committee_minutes_v6 RENAME TO committee_minutes;
ALTER TABLE committee_decisions_v6 RENAME TO committee_decisions;
CREATE INDEX committee_decisions_credit ON committee_decisions(credit_number);

-- A physical sample keeps the visits it was drawn from ("username:booking id", in drawing order), so
-- an auditor's replay from the seed does not depend on later changes to staff or branches.
ALTER TABLE verification_samples ADD COLUMN population TEXT NOT NULL DEFAULT '';
