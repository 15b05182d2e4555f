-- Cobranza schema 2: the cooperative's rules as editable data. An empty table means "use the
-- defaults of domain.md" (kept in core, one place), so a new database needs no seeding here.

CREATE TABLE holidays (
    day         TEXT PRIMARY KEY,
    description TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE rating_roles (
    rating TEXT PRIMARY KEY CHECK (rating IN ('A1', 'A2', 'A3', 'B1', 'B2', 'C1', 'C2', 'D', 'E')),
    role   TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE rating_scale_versions (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    valid_from TEXT NOT NULL
);
CREATE TABLE rating_scale_segments (
    version_id INTEGER NOT NULL REFERENCES rating_scale_versions(id) ON DELETE CASCADE,
    segment    TEXT NOT NULL,
    PRIMARY KEY (version_id, segment)
) WITHOUT ROWID;
CREATE TABLE rating_scale_bands (
    version_id INTEGER NOT NULL REFERENCES rating_scale_versions(id) ON DELETE CASCADE,
    rating     TEXT NOT NULL,
    min_days   INTEGER NOT NULL,
    max_days   INTEGER,
    PRIMARY KEY (version_id, rating)
) WITHOUT ROWID;

CREATE TABLE ladder_stages (
    id          INTEGER PRIMARY KEY,
    min_days    INTEGER NOT NULL,
    max_days    INTEGER,
    action      TEXT NOT NULL,
    channel     TEXT NOT NULL,
    responsible TEXT NOT NULL,
    notice_type TEXT
);
