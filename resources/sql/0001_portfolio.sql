-- Cobranza schema 1: the cooperative, its staff and the imported portfolio snapshots.
-- Dates are ISO text (yyyy-mm-dd), instants ISO UTC text, money integer cents.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE branches (
    id        INTEGER PRIMARY KEY,
    code      TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name      TEXT NOT NULL,
    city      TEXT NOT NULL DEFAULT '',
    address   TEXT NOT NULL DEFAULT '',
    phone     TEXT NOT NULL DEFAULT '',
    latitude  REAL,
    longitude REAL,
    active    INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE staff (
    id            INTEGER PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE COLLATE NOCASE,
    full_name     TEXT NOT NULL,
    initials      TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('ASESOR_NEGOCIOS', 'COORDINADOR_AGENCIA', 'OFICIAL_COBRANZAS',
                                               'PIVOT_CREDITO', 'OFICIAL_RIESGOS', 'JEFE_NEGOCIOS', 'SISTEMAS')),
    branch_id     INTEGER REFERENCES branches(id),
    pooled        INTEGER NOT NULL DEFAULT 0,           -- the pooled collections user ("COBRANZAS …")
    pool_id       INTEGER REFERENCES staff(id),         -- the pooled user an officer books on
    active        INTEGER NOT NULL DEFAULT 1,           -- users are disabled, never deleted
    password_hash TEXT,                                 -- Argon2id string (users issue)
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until  TEXT,
    created_at    TEXT NOT NULL
);
CREATE INDEX staff_branch ON staff(branch_id);

-- One row per import attempt, accepted or not: who, when, what file, what came of it.
CREATE TABLE imports (
    id          INTEGER PRIMARY KEY,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    staff_id    INTEGER REFERENCES staff(id),
    file_name   TEXT NOT NULL,
    file_size   INTEGER NOT NULL,
    cut_off     TEXT,
    encoding    TEXT,
    delimiter   TEXT,
    row_count   INTEGER NOT NULL DEFAULT 0,
    warnings    INTEGER NOT NULL DEFAULT 0,
    errors      INTEGER NOT NULL DEFAULT 0,
    outcome     TEXT NOT NULL CHECK (outcome IN ('ACCEPTED', 'REJECTED', 'CANCELLED', 'DRY_RUN')),
    replaced    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE import_messages (
    import_id     INTEGER NOT NULL REFERENCES imports(id),
    seq           INTEGER NOT NULL,
    severity      TEXT NOT NULL CHECK (severity IN ('ERROR', 'WARNING')),
    line          INTEGER,
    column_name   TEXT,
    message       TEXT NOT NULL,
    credit_number TEXT,
    PRIMARY KEY (import_id, seq)
) WITHOUT ROWID;
CREATE INDEX import_messages_credit ON import_messages(credit_number) WHERE credit_number IS NOT NULL;

-- A portfolio report as of its cut-off date; replacing one keeps the work done on its credits.
CREATE TABLE snapshots (
    id                  INTEGER PRIMARY KEY,
    cut_off             TEXT NOT NULL UNIQUE,
    import_id           INTEGER NOT NULL REFERENCES imports(id),
    credit_count        INTEGER NOT NULL,
    total_balance_cents INTEGER NOT NULL,
    total_overdue_cents INTEGER NOT NULL
);

-- The member's identity and the newest contact data any snapshot gave.
CREATE TABLE members (
    member_number    TEXT PRIMARY KEY,
    cedula           TEXT NOT NULL,
    full_name        TEXT NOT NULL,
    home_address     TEXT NOT NULL DEFAULT '',
    business_address TEXT NOT NULL DEFAULT '',
    reference        TEXT NOT NULL DEFAULT '',
    phone            TEXT NOT NULL DEFAULT '',
    mobile           TEXT NOT NULL DEFAULT '',
    email            TEXT NOT NULL DEFAULT '',
    latitude         REAL,
    longitude        REAL,
    updated_cut_off  TEXT NOT NULL
); -- a rowid table: rows of several hundred bytes arrive in random key order (bench/README.md)
CREATE INDEX members_cedula ON members(cedula);

-- What does not change from one report to the next: the loan itself.
CREATE TABLE credits (
    credit_number         TEXT PRIMARY KEY,
    member_number         TEXT NOT NULL REFERENCES members(member_number),
    segment               TEXT NOT NULL,
    original_amount_cents INTEGER,
    granted_on            TEXT,
    term_months           INTEGER,
    purpose               TEXT NOT NULL DEFAULT '',
    economic_activity     TEXT NOT NULL DEFAULT '',
    updated_cut_off       TEXT NOT NULL
); -- a rowid table, for the same reason as members
CREATE INDEX credits_member ON credits(member_number);

CREATE TABLE guarantors (
    credit_number TEXT NOT NULL REFERENCES credits(credit_number),
    position      INTEGER NOT NULL CHECK (position BETWEEN 1 AND 3),
    cedula        TEXT NOT NULL,
    full_name     TEXT NOT NULL,
    address       TEXT NOT NULL DEFAULT '',
    phone         TEXT NOT NULL DEFAULT '',
    updated_cut_off TEXT NOT NULL,
    PRIMARY KEY (credit_number, position)
) WITHOUT ROWID;

-- A credit's figures on one cut-off: one row of the report. The member's number, identity and
-- name and the segment are kept as the report gave them that day, so a snapshot is read (200,000
-- rows for the portfolio view) without joining two more B-trees per row.
CREATE TABLE snapshot_credits (
    snapshot_id          INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
    credit_number        TEXT NOT NULL,
    line                 INTEGER NOT NULL,
    member_number        TEXT NOT NULL,
    cedula               TEXT NOT NULL,
    full_name            TEXT NOT NULL,
    segment              TEXT NOT NULL,
    branch_code          TEXT NOT NULL,
    officer              TEXT NOT NULL,
    sector               TEXT NOT NULL,
    balance_cents        INTEGER NOT NULL,
    installment_cents    INTEGER NOT NULL,
    overdue_cents        INTEGER NOT NULL,
    overdue_installments INTEGER NOT NULL,
    due_date             TEXT NOT NULL,
    days_past_due        INTEGER NOT NULL,
    rating               TEXT NOT NULL,
    previous_rating      TEXT,
    PRIMARY KEY (snapshot_id, credit_number)
) WITHOUT ROWID;
CREATE INDEX snapshot_credits_history ON snapshot_credits(credit_number, snapshot_id);
