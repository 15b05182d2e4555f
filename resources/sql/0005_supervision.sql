-- Cobranza schema 5: supervision — the physical verification samples the Pivot draws, the
-- committees' minutes (actas) and their decisions per credit.

-- A reproducible random sample of a day's visits for physical verification: the seed is kept so
-- the same sample can be drawn again in front of an auditor.
CREATE TABLE verification_samples (
    id          INTEGER PRIMARY KEY,
    day         TEXT NOT NULL,
    branch_code TEXT NOT NULL,
    seed        INTEGER NOT NULL,
    size        INTEGER NOT NULL,
    drawn_by    INTEGER NOT NULL REFERENCES staff(id),
    drawn_at    TEXT NOT NULL
);
CREATE INDEX verification_samples_day ON verification_samples(day, branch_code);

CREATE TABLE verification_checks (
    sample_id  INTEGER NOT NULL REFERENCES verification_samples(id),
    booking_id INTEGER NOT NULL REFERENCES bookings(id),
    position   INTEGER NOT NULL,
    outcome    TEXT CHECK (outcome IN ('CONFIRMED', 'CONTRADICTED')),
    note       TEXT NOT NULL DEFAULT '',
    checked_by INTEGER REFERENCES staff(id),
    checked_at TEXT,
    PRIMARY KEY (sample_id, booking_id)
) WITHOUT ROWID;

-- Minutes of the Subcomité de Mora (days 21–35) and the Comité de Mora (days 51–65), numbered
-- per committee and year.
CREATE TABLE committee_minutes (
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
    UNIQUE (committee, year, number)
);

CREATE TABLE committee_decisions (
    minutes_id    INTEGER NOT NULL REFERENCES committee_minutes(id),
    credit_number TEXT NOT NULL REFERENCES credits(credit_number),
    days_past_due INTEGER NOT NULL,
    overdue_cents INTEGER NOT NULL,
    decision      TEXT NOT NULL,
    PRIMARY KEY (minutes_id, credit_number)
) WITHOUT ROWID;
CREATE INDEX committee_decisions_credit ON committee_decisions(credit_number);
