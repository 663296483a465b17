-- Version 1: documents and their structure.
CREATE TABLE documents (
    id           INTEGER PRIMARY KEY,
    title        TEXT,
    city         TEXT,
    province     TEXT,
    kind         TEXT NOT NULL,
    period_start INTEGER,
    period_end   INTEGER,
    issuer       TEXT,
    doc_number   TEXT,
    published    TEXT,
    source_name  TEXT NOT NULL,
    sha256       TEXT NOT NULL UNIQUE,
    encoding     TEXT NOT NULL,
    raw_text     TEXT NOT NULL,
    imported_at  TEXT NOT NULL
);

CREATE TABLE sections (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,
    parent      INTEGER,
    marker      TEXT NOT NULL,
    number      INTEGER NOT NULL,
    level       INTEGER NOT NULL,
    title       TEXT NOT NULL,
    role        TEXT NOT NULL,
    path        TEXT NOT NULL,
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    UNIQUE (document_id, ordinal)
);

CREATE TABLE task_items (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,
    section     INTEGER NOT NULL,
    path        TEXT NOT NULL,
    title       TEXT NOT NULL,
    body        TEXT NOT NULL,
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    UNIQUE (document_id, ordinal)
);

CREATE TABLE parse_warnings (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    code        TEXT NOT NULL,
    message     TEXT NOT NULL,
    start_char  INTEGER
);

CREATE TABLE noise_ranges (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL
);

CREATE INDEX sections_by_document ON sections(document_id);
CREATE INDEX task_items_by_document ON task_items(document_id);
CREATE INDEX parse_warnings_by_document ON parse_warnings(document_id);
CREATE INDEX noise_ranges_by_document ON noise_ranges(document_id);
