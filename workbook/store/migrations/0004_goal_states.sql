-- Goals that follow a life: each change to a goal (a new weekly target, paused, retired, brought
-- back) is a dated row, never overwritten; a goal's state on a day is its newest change on or
-- before that day (core.goal_states). Goals are named as in the plan.
CREATE TABLE goal_states (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    goal TEXT NOT NULL,
    day TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('active', 'paused', 'retired')),
    target_per_week INTEGER NOT NULL CHECK (target_per_week BETWEEN 1 AND 7)
);
CREATE INDEX goal_states_goal ON goal_states(goal, id);
