-- The plan, check-ins and WHO-5. Every table is append-only: a correction is a new row,
-- and the newest row (highest id) for a day is the one shown.
CREATE TABLE plan_revisions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    saved_at TEXT NOT NULL,
    start_date TEXT NOT NULL,
    days INTEGER NOT NULL CHECK (days BETWEEN 1 AND 3660),
    name TEXT NOT NULL DEFAULT '',
    partner TEXT NOT NULL DEFAULT 'your ex',
    pronoun TEXT NOT NULL DEFAULT 'they',
    why TEXT NOT NULL DEFAULT ''
);

CREATE TABLE plan_goals (
    plan_revision_id INTEGER NOT NULL REFERENCES plan_revisions(id),
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    target_per_week INTEGER NOT NULL CHECK (target_per_week BETWEEN 1 AND 7),
    PRIMARY KEY (plan_revision_id, position)
);

CREATE TABLE checkin_revisions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    day TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    mood INTEGER NOT NULL CHECK (mood BETWEEN 1 AND 10),
    energy INTEGER CHECK (energy BETWEEN 1 AND 10),
    sleep_hours REAL CHECK (sleep_hours BETWEEN 0 AND 24),
    emotions TEXT NOT NULL DEFAULT '[]',
    slip TEXT,
    slip_by TEXT,
    urge INTEGER CHECK (urge BETWEEN 0 AND 10),
    trigger_text TEXT,
    win TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    gratitude TEXT NOT NULL DEFAULT ''
);
CREATE INDEX checkin_revisions_day ON checkin_revisions(day, id);

CREATE TABLE checkin_goals (
    checkin_revision_id INTEGER NOT NULL REFERENCES checkin_revisions(id),
    goal TEXT NOT NULL,
    minutes INTEGER CHECK (minutes BETWEEN 0 AND 1440),
    PRIMARY KEY (checkin_revision_id, goal)
);

CREATE TABLE who5_revisions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    day TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    a INTEGER NOT NULL CHECK (a BETWEEN 0 AND 5),
    b INTEGER NOT NULL CHECK (b BETWEEN 0 AND 5),
    c INTEGER NOT NULL CHECK (c BETWEEN 0 AND 5),
    d INTEGER NOT NULL CHECK (d BETWEEN 0 AND 5),
    e INTEGER NOT NULL CHECK (e BETWEEN 0 AND 5)
);
CREATE INDEX who5_revisions_day ON who5_revisions(day, id);
