-- Version 4: document versions and formats, table provenance of targets,
-- and the trail of annotations moved to a new version of their document.
--
-- A document is a new version of an earlier one when city, kind and period
-- are the same and the bytes differ. Documents stored before this version
-- have no row here and count as version 1 in the format they were read
-- from (plain text).
CREATE TABLE document_versions (
    document_id     INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    format          TEXT NOT NULL,
    version         INTEGER NOT NULL,
    -- No foreign key: deleting an old version keeps the newer ones intact.
    previous_id     INTEGER,
    previous_sha256 TEXT
);

-- Targets read from a cell of an indicator table (主要指标表).
CREATE TABLE target_cells (
    document_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    target_ordinal INTEGER NOT NULL,
    table_index    INTEGER NOT NULL,
    row_index      INTEGER NOT NULL,
    column_index   INTEGER NOT NULL,
    binding        TEXT,
    PRIMARY KEY (document_id, target_ordinal)
);

-- Each re-anchoring of an annotation on import of a new version: where it
-- was, where it went (NULL: orphaned, left on the old version) and how
-- similar the task items were.
CREATE TABLE annotation_moves (
    id            INTEGER PRIMARY KEY,
    annotation_id INTEGER NOT NULL REFERENCES annotations(id),
    from_sha256   TEXT NOT NULL,
    from_ordinal  INTEGER NOT NULL,
    to_sha256     TEXT,
    to_ordinal    INTEGER,
    similarity    REAL,
    moved_at      TEXT NOT NULL
);
CREATE INDEX annotation_moves_by_annotation ON annotation_moves(annotation_id);
