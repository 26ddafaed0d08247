-- Documents after ingest and cleaning (Sitrep.Documents.Article), their removed spans and sentences.
-- Offsets are UTF-16 code units: removed_spans into source_text, sentences into text.
CREATE TABLE documents (
    id                   TEXT PRIMARY KEY,
    origin               TEXT NOT NULL,          -- file[:line] it was read from
    url                  TEXT,
    title                TEXT,
    outlet               TEXT,
    published            TEXT,                   -- yyyy-MM-dd, NULL when unknown
    published_source     TEXT,                   -- DateSource name
    published_confidence REAL,
    source_text          TEXT NOT NULL,          -- text the cleaner read (file text, or HTML main text)
    text                 TEXT NOT NULL,          -- cleaned text
    offset_map           TEXT NOT NULL,          -- JSON [[clean_start, source_start, length], ...]
    metadata             TEXT NOT NULL DEFAULT '{}', -- JSON object of string values
    ingested_at          TEXT NOT NULL           -- ISO 8601 instant
);

CREATE INDEX documents_published ON documents (published);
CREATE INDEX documents_outlet ON documents (outlet);

CREATE TABLE removed_spans (
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    length      INTEGER NOT NULL,
    reason      TEXT NOT NULL,
    PRIMARY KEY (document_id, ordinal)
) WITHOUT ROWID;

CREATE TABLE sentences (
    document_id  TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx          INTEGER NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset   INTEGER NOT NULL,
    PRIMARY KEY (document_id, idx)
) WITHOUT ROWID;
