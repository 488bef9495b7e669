-- Version 13: the supervisor's records of a case (issue 8). A plan decision signs a My
-- Family Plan off or returns it with comments, and is never changed (a later decision is a
-- new record); a case supervision note records a discussion of the family with its
-- practitioner, its decisions and actions. Both sync like every record; only a supervisor
-- may write them (the server refuses anyone else).
CREATE TABLE plan_decisions (
    id TEXT PRIMARY KEY NOT NULL,
    family_id TEXT NOT NULL REFERENCES families(id) DEFERRABLE INITIALLY DEFERRED,
    plan_id TEXT NOT NULL REFERENCES plans(id) DEFERRABLE INITIALLY DEFERRED,
    decision TEXT NOT NULL,
    comments TEXT,
    decided_by TEXT NOT NULL,
    decided_by_name TEXT,
    decided_at TEXT NOT NULL,
    causal_length INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX plan_decisions_plan ON plan_decisions(plan_id, decided_at);
CREATE INDEX plan_decisions_family ON plan_decisions(family_id);

CREATE TABLE supervision_notes (
    id TEXT PRIMARY KEY NOT NULL,
    family_id TEXT NOT NULL REFERENCES families(id) DEFERRABLE INITIALLY DEFERRED,
    held_on TEXT NOT NULL,
    discussion TEXT NOT NULL,
    decisions TEXT,
    actions TEXT,
    author_id TEXT NOT NULL,
    author_name TEXT,
    causal_length INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX supervision_notes_family ON supervision_notes(family_id, held_on);
