-- Version 5: full-text search and themes.
--
-- search_units partitions each document's text at every section start; each
-- unit is indexed in search_fts as three token streams written by PlanLens
-- (jieba words, character bigrams, character unigrams: see ARCHITECTURE.md).
-- search_indexed records which documents are indexed and with which version
-- of the segmentation; documents missing there are indexed on open.
CREATE TABLE search_units (
    id              INTEGER PRIMARY KEY,
    document_id     INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    section_ordinal INTEGER,
    task_ordinal    INTEGER,
    role            TEXT NOT NULL,
    start_char      INTEGER NOT NULL,
    end_char        INTEGER NOT NULL
);
CREATE INDEX search_units_by_document ON search_units(document_id);

CREATE VIRTUAL TABLE search_fts USING fts5(
    words, bi, uni,
    tokenize = 'unicode61 remove_diacritics 0'
);

CREATE TRIGGER search_units_delete AFTER DELETE ON search_units BEGIN
    DELETE FROM search_fts WHERE rowid = old.id;
END;

CREATE TABLE search_indexed (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    tokenizer   INTEGER NOT NULL
);

-- Themes of task items, computed from data/themes.toml on import.
CREATE TABLE task_themes (
    task_id    INTEGER NOT NULL REFERENCES task_items(id) ON DELETE CASCADE,
    theme      TEXT NOT NULL,
    confidence REAL NOT NULL,
    PRIMARY KEY (task_id, theme)
);

-- User decisions on themes, keyed by document bytes and task ordinal so they
-- survive deleting and re-importing the same file.
CREATE TABLE theme_overrides (
    sha256       TEXT NOT NULL,
    task_ordinal INTEGER NOT NULL,
    theme        TEXT NOT NULL,
    assigned     INTEGER NOT NULL,
    set_at       TEXT NOT NULL,
    PRIMARY KEY (sha256, task_ordinal, theme)
);

-- The themes in force: computed ones the user did not remove, plus the ones
-- the user added (confidence 1).
CREATE VIEW task_themes_effective AS
    SELECT th.task_id AS task_id, th.theme AS theme, th.confidence AS confidence,
           'auto' AS source
    FROM task_themes th
    JOIN task_items t ON t.id = th.task_id
    JOIN documents d ON d.id = t.document_id
    WHERE NOT EXISTS (SELECT 1 FROM theme_overrides o
                      WHERE o.sha256 = d.sha256 AND o.task_ordinal = t.ordinal
                        AND o.theme = th.theme)
    UNION ALL
    SELECT t.id, o.theme, 1.0, 'user'
    FROM theme_overrides o
    JOIN documents d ON d.sha256 = o.sha256
    JOIN task_items t ON t.document_id = d.id AND t.ordinal = o.task_ordinal
    WHERE o.assigned = 1;
