-- Goals added after the start count from the day they were added; the stages' own answers
-- (the break, the day-30 reflection, the reunion) are kept as dated, append-only records.
ALTER TABLE plan_goals ADD COLUMN since TEXT;

CREATE TABLE stage_records (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    day TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    data TEXT NOT NULL CHECK (json_valid(data))
);
CREATE INDEX stage_records_kind ON stage_records(kind, id);
