-- Version 8: the user's corrections of what extraction got wrong, kept like
-- annotations: by the document's SHA-256 (no foreign key, so deleting a
-- document never deletes them), with who and when, and an append-only
-- history shared by both kinds of correction.
--
-- A figure correction is anchored by the figure as extracted: its quote,
-- value and unit, its section path (the task item's path for a figure inside
-- one) and, for identical figures at one path, which of them (`occurrence`,
-- 0 for the first). Ordinals are not stable across versions; this anchor is.
-- `changes` is a JSON object of the corrected fields (an overlay: the stored
-- targets are never rewritten). A correction carried to a new version of its
-- document is copied (the old version keeps its own) and names the one it
-- was copied from; one whose figure is gone from the new version is marked
-- orphaned and stays on the old version.
CREATE TABLE figure_corrections (
    id              INTEGER PRIMARY KEY,
    document_sha256 TEXT NOT NULL,
    quote           TEXT NOT NULL,
    value           REAL NOT NULL,
    unit            TEXT NOT NULL,
    path            TEXT NOT NULL,
    occurrence      INTEGER NOT NULL DEFAULT 0,
    changes         TEXT NOT NULL,
    owner           TEXT,
    note            TEXT,
    revision        INTEGER NOT NULL,
    updated_at      TEXT NOT NULL,
    orphaned        INTEGER NOT NULL DEFAULT 0,
    carried_from    INTEGER,
    UNIQUE (document_sha256, quote, value, unit, path, occurrence)
);
CREATE INDEX figure_corrections_by_document ON figure_corrections(document_sha256);

-- Corrections of a document's metadata (city, province, level, kind, period,
-- title, issuer, 文号), one row per document bytes.
CREATE TABLE document_corrections (
    id              INTEGER PRIMARY KEY,
    document_sha256 TEXT NOT NULL UNIQUE,
    changes         TEXT NOT NULL,
    owner           TEXT,
    note            TEXT,
    revision        INTEGER NOT NULL,
    updated_at      TEXT NOT NULL,
    carried_from    INTEGER
);

-- Every revision of every correction (`scope`: 'figure' or 'document').
-- `restored_from` is the revision whose content an undo or restore brought
-- back (0: the figure or document as extracted); NULL for an edit.
CREATE TABLE correction_history (
    id            INTEGER PRIMARY KEY,
    scope         TEXT NOT NULL,
    correction_id INTEGER NOT NULL,
    revision      INTEGER NOT NULL,
    changes       TEXT NOT NULL,
    owner         TEXT,
    note          TEXT,
    restored_from INTEGER,
    saved_at      TEXT NOT NULL,
    UNIQUE (scope, correction_id, revision)
);
