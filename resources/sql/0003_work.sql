-- Cobranza schema 3: the day's work — route sheets, visit results, promises, notices, errors —
-- and the audit trail that nothing may rewrite.

CREATE TABLE bookings (
    id               INTEGER PRIMARY KEY,
    credit_number    TEXT NOT NULL REFERENCES credits(credit_number),
    visit_date       TEXT NOT NULL,
    staff_id         INTEGER NOT NULL REFERENCES staff(id),  -- NOTIFICADOR (the pooled user for officers)
    booked_by        INTEGER NOT NULL REFERENCES staff(id),
    booked_at        TEXT NOT NULL,
    cut_off          TEXT,                                   -- the tray it was booked from
    route_order      INTEGER NOT NULL DEFAULT 0,
    source           TEXT NOT NULL DEFAULT 'TRAY' CHECK (source IN ('TRAY', 'RESCHEDULE', 'PROPIA', 'REZAGADO')),
    rescheduled_from INTEGER REFERENCES bookings(id),
    outside_window   INTEGER NOT NULL DEFAULT 0,
    cancelled_at     TEXT,                                   -- Desagendado keeps the record
    cancelled_by     INTEGER REFERENCES staff(id),
    cancel_reason    TEXT
);
CREATE UNIQUE INDEX bookings_once_a_day ON bookings(credit_number, visit_date) WHERE cancelled_at IS NULL;
CREATE INDEX bookings_staff_day ON bookings(staff_id, visit_date);
CREATE INDEX bookings_day ON bookings(visit_date);

-- Approval (visto bueno) of one person's route sheet for one day.
CREATE TABLE route_sheets (
    staff_id    INTEGER NOT NULL REFERENCES staff(id),
    visit_date  TEXT NOT NULL,
    revision    INTEGER NOT NULL DEFAULT 0,
    approved_by INTEGER REFERENCES staff(id),
    approved_at TEXT,
    PRIMARY KEY (staff_id, visit_date)
) WITHOUT ROWID;

CREATE TABLE visit_results (
    booking_id        INTEGER PRIMARY KEY REFERENCES bookings(id),
    state             TEXT NOT NULL CHECK (state IN ('NO_VISITADO', 'NO_ASIGNADO', 'GESTION_JUDICIAL',
                                                     'LLAMADA_TELEFONICA', 'AGENDADO', 'VISITADO',
                                                     'NO_ENCONTRADO', 'DESAGENDADO', 'GESTION_PROPIA')),
    visit_time        TEXT,
    justification     TEXT NOT NULL DEFAULT '',
    agreement         TEXT NOT NULL DEFAULT '',
    agreement_date    TEXT,
    notice_delivered  TEXT,
    reschedule_date   TEXT,
    collected_cents   INTEGER,
    receipt_number    TEXT,
    entered_by        INTEGER NOT NULL REFERENCES staff(id),
    entered_at        TEXT NOT NULL,
    late              INTEGER NOT NULL DEFAULT 0,
    verification      TEXT CHECK (verification IN ('CONFIRMED', 'CONTRADICTED')),
    verified_by       INTEGER REFERENCES staff(id),
    verified_at       TEXT,
    verification_note TEXT
);

CREATE TABLE promises (
    id                 INTEGER PRIMARY KEY,
    booking_id         INTEGER NOT NULL UNIQUE REFERENCES bookings(id),
    credit_number      TEXT NOT NULL REFERENCES credits(credit_number),
    promised_on        TEXT NOT NULL,
    amount_cents       INTEGER,
    outcome            TEXT CHECK (outcome IN ('KEPT', 'PARTLY_KEPT', 'BROKEN')),
    judged_snapshot_id INTEGER REFERENCES snapshots(id) ON DELETE SET NULL,
    judged_at          TEXT
);
CREATE INDEX promises_due ON promises(promised_on) WHERE outcome IS NULL;

CREATE TABLE notice_counters (
    notice_type TEXT NOT NULL,
    year        INTEGER NOT NULL,
    last_number INTEGER NOT NULL,
    PRIMARY KEY (notice_type, year)
) WITHOUT ROWID;

-- Every printed page of a notice; a reprint points at its original and keeps the number.
CREATE TABLE notices (
    id              INTEGER PRIMARY KEY,
    notice_type     TEXT NOT NULL,
    year            INTEGER NOT NULL,
    number          INTEGER NOT NULL,
    credit_number   TEXT NOT NULL REFERENCES credits(credit_number),
    addressee_kind  TEXT NOT NULL CHECK (addressee_kind IN ('TITULAR', 'GARANTE')),
    addressee_id    TEXT NOT NULL,
    addressee_name  TEXT NOT NULL,
    episode_start   TEXT,
    printed_by      INTEGER NOT NULL REFERENCES staff(id),
    printed_at      TEXT NOT NULL,
    copy_of         INTEGER REFERENCES notices(id)
);
CREATE INDEX notices_credit ON notices(credit_number, notice_type);

CREATE TABLE staff_errors (
    id            INTEGER PRIMARY KEY,
    error_type    TEXT NOT NULL,
    staff_id      INTEGER NOT NULL REFERENCES staff(id),
    day           TEXT NOT NULL,
    credit_number TEXT,
    booking_id    INTEGER REFERENCES bookings(id),
    note          TEXT NOT NULL DEFAULT '',
    source        TEXT NOT NULL CHECK (source IN ('RULE', 'MANUAL')),
    recorded_by   INTEGER REFERENCES staff(id),
    recorded_at   TEXT NOT NULL
);
CREATE INDEX staff_errors_person_day ON staff_errors(staff_id, day);

CREATE TABLE month_closes (
    month     TEXT PRIMARY KEY,          -- yyyy-mm
    closed_at TEXT NOT NULL,
    closed_by INTEGER REFERENCES staff(id)
) WITHOUT ROWID;

CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at_utc      TEXT NOT NULL,
    at_local    TEXT NOT NULL,
    staff_id    INTEGER,               -- no foreign key: the trail outlives any change to staff
    username    TEXT NOT NULL DEFAULT '',
    action      TEXT NOT NULL,
    record_type TEXT NOT NULL,
    record_id   TEXT NOT NULL,
    old_value   TEXT,
    new_value   TEXT
);
CREATE INDEX audit_log_record ON audit_log(record_type, record_id);
CREATE INDEX audit_log_staff ON audit_log(staff_id, at_utc);

CREATE TRIGGER audit_log_is_append_only_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'el registro de auditoría no se puede modificar');
END;
CREATE TRIGGER audit_log_is_append_only_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'el registro de auditoría no se puede borrar');
END;
