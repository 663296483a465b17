-- Version 3: the user's annotations on task items, their append-only history,
-- and the presenter deck.
--
-- Annotations are anchored to a document by the SHA-256 of its source bytes
-- and to a task item by its ordinal, with the item's path and title kept for
-- re-anchoring when a new version of the document arrives. They have no
-- foreign key to documents: deleting a document never deletes what the user
-- wrote, and re-importing the same bytes attaches it again.
CREATE TABLE annotations (
    id              INTEGER PRIMARY KEY,
    document_sha256 TEXT NOT NULL,
    task_ordinal    INTEGER NOT NULL,
    task_path       TEXT NOT NULL,
    task_title      TEXT NOT NULL,
    status          TEXT NOT NULL,
    priority        INTEGER,
    tags            TEXT NOT NULL,
    note            TEXT NOT NULL,
    owner           TEXT NOT NULL,
    revision        INTEGER NOT NULL,
    updated_at      TEXT NOT NULL,
    orphaned        INTEGER NOT NULL DEFAULT 0,
    UNIQUE (document_sha256, task_ordinal)
);

CREATE TABLE annotation_history (
    id            INTEGER PRIMARY KEY,
    annotation_id INTEGER NOT NULL REFERENCES annotations(id),
    revision      INTEGER NOT NULL,
    status        TEXT NOT NULL,
    priority      INTEGER,
    tags          TEXT NOT NULL,
    note          TEXT NOT NULL,
    owner         TEXT NOT NULL,
    saved_at      TEXT NOT NULL,
    UNIQUE (annotation_id, revision)
);

CREATE TABLE deck_slides (
    id         INTEGER PRIMARY KEY,
    position   INTEGER NOT NULL,
    title      TEXT NOT NULL,
    chart_spec TEXT NOT NULL,
    created_at TEXT NOT NULL
);
