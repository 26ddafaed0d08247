-- Fused events (Sitrep.Fusion.FusedEvent) with their member reports, and imported ACLED reference events.
-- json holds the event in the JSONL export format (docs/fusion.md); the other columns are for querying.
CREATE TABLE fused_events (
    id             TEXT PRIMARY KEY,
    event_date     TEXT NOT NULL,          -- yyyy-MM-dd
    country        TEXT,                   -- ISO alpha-2
    admin1         TEXT,
    sub_event_type TEXT NOT NULL,
    fatalities     INTEGER,
    json           TEXT NOT NULL
);

CREATE INDEX fused_events_date ON fused_events (event_date);

CREATE TABLE fused_event_reports (
    fused_id  TEXT NOT NULL REFERENCES fused_events (id) ON DELETE CASCADE,
    report_id TEXT NOT NULL,
    PRIMARY KEY (fused_id, report_id)
) WITHOUT ROWID;

CREATE INDEX fused_event_reports_report ON fused_event_reports (report_id);

CREATE TABLE acled_reference (
    event_id_cnty TEXT PRIMARY KEY,
    event_date    TEXT NOT NULL,
    json          TEXT NOT NULL,
    imported_from TEXT NOT NULL
);

CREATE INDEX acled_reference_date ON acled_reference (event_date);
