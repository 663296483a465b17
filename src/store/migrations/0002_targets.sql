-- Version 2: quantitative targets and user indicator mappings.
CREATE TABLE targets (
    id               INTEGER PRIMARY KEY,
    document_id      INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal          INTEGER NOT NULL,
    quote            TEXT NOT NULL,
    start_char       INTEGER NOT NULL,
    end_char         INTEGER NOT NULL,
    indicator        TEXT NOT NULL,
    indicator_id     TEXT,
    value            REAL NOT NULL,
    value_high       REAL,
    unit             TEXT NOT NULL,
    qualifier        TEXT NOT NULL,
    kind             TEXT NOT NULL,
    role             TEXT NOT NULL,
    year             INTEGER,
    section_path     TEXT NOT NULL,
    task             INTEGER,
    norm_value       REAL,
    norm_value_high  REAL,
    norm_unit        TEXT,
    UNIQUE (document_id, ordinal)
);

CREATE INDEX targets_by_document ON targets(document_id);
CREATE INDEX targets_by_indicator ON targets(indicator_id);

-- A user's mapping of an indicator phrase (as written) to a catalog id,
-- applied on every import.
CREATE TABLE indicator_mappings (
    phrase       TEXT PRIMARY KEY,
    indicator_id TEXT NOT NULL,
    created_at   TEXT NOT NULL
);
