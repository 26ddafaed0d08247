-- Coded conflict events (Sitrep.Events.ConflictEvent), one row per event of one document.
-- Re-extracting a document replaces its rows (idempotent re-runs). `json` is the event's JSONL line.
CREATE TABLE events (
    id             TEXT PRIMARY KEY,           -- ev_<hash of document, sentence, trigger offset>
    document_id    TEXT NOT NULL,
    event_date     TEXT NOT NULL,              -- yyyy-MM-dd
    date_start     TEXT NOT NULL,
    date_end       TEXT NOT NULL,
    time_precision INTEGER NOT NULL,
    event_type     TEXT NOT NULL,              -- ACLED label
    sub_event_type TEXT NOT NULL,              -- ACLED label
    actor1_id      TEXT,
    actor1_name    TEXT,
    actor2_id      TEXT,
    actor2_name    TEXT,
    place_id       TEXT,
    place_name     TEXT,
    latitude       REAL,
    longitude      REAL,
    country        TEXT,
    admin1         TEXT,
    geo_precision  INTEGER,
    fatalities     INTEGER,
    factuality     TEXT NOT NULL,
    territory_to   TEXT,                       -- actor name taking control, for control changes
    json           TEXT NOT NULL
);

CREATE INDEX events_document ON events (document_id);
CREATE INDEX events_date ON events (event_date);
CREATE INDEX events_place ON events (place_id);
CREATE INDEX events_type ON events (sub_event_type);
