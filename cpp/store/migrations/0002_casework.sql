-- Version 2: the rest of the casework (consent, My Family Plan, reviews, closure),
-- drawings and ink strokes, genogram relations, and the per-field clock that sync
-- merges by.

CREATE TABLE consents (
    id TEXT PRIMARY KEY NOT NULL,
    family_id TEXT NOT NULL REFERENCES families(id) DEFERRABLE INITIALLY DEFERRED,
    person_id TEXT NOT NULL REFERENCES people(id) DEFERRABLE INITIALLY DEFERRED,
    kind TEXT NOT NULL DEFAULT 'grant',
    withdraws_consent_id TEXT REFERENCES consents(id) DEFERRABLE INITIALLY DEFERRED,
    agencies TEXT,
    purpose TEXT,
    given_by_self INTEGER NOT NULL DEFAULT 1 CHECK (given_by_self IN (0, 1)),
    signed_on TEXT NOT NULL,
    expires_on TEXT,
    signature_drawing_id TEXT,
    recorded_by TEXT,
    causal_length INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX consents_person ON consents(person_id);

CREATE TABLE plans (
    id TEXT PRIMARY KEY NOT NULL,
    family_id TEXT NOT NULL REFERENCES families(id) DEFERRABLE INITIALLY DEFERRED,
    status TEXT NOT NULL DEFAULT 'draft',
    started_on TEXT,
    goals_agreed_on TEXT,
    completed_on TEXT,
    causal_length INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX plans_family ON plans(family_id);

CREATE TABLE goals (
    id TEXT PRIMARY KEY NOT NULL,
    plan_id TEXT NOT NULL REFERENCES plans(id) DEFERRABLE INITIALLY DEFERRED,
    person_id TEXT REFERENCES people(id) DEFERRABLE INITIALLY DEFERRED,
    words TEXT NOT NULL,
    agreed_on TEXT,
    status TEXT NOT NULL DEFAULT 'open',
    causal_length INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX goals_plan ON goals(plan_id);

CREATE TABLE actions (
    id TEXT PRIMARY KEY NOT NULL,
    plan_id TEXT NOT NULL REFERENCES plans(id) DEFERRABLE INITIALLY DEFERRED,
    goal_id TEXT REFERENCES goals(id) DEFERRABLE INITIALLY DEFERRED,
    description TEXT NOT NULL,
    who TEXT,
    due_on TEXT,
    done_on TEXT,
    causal_length INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX actions_plan ON actions(plan_id);

CREATE TABLE reviews (
    id TEXT PRIMARY KEY NOT NULL,
    family_id TEXT NOT NULL REFERENCES families(id) DEFERRABLE INITIALLY DEFERRED,
    plan_id TEXT REFERENCES plans(id) DEFERRABLE INITIALLY DEFERRED,
    kind TEXT NOT NULL DEFAULT 'review',
    held_on TEXT NOT NULL,
    attendees TEXT,
    outcome TEXT,
    causal_length INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX reviews_family ON reviews(family_id, held_on);

CREATE TABLE closures (
    id TEXT PRIMARY KEY NOT NULL,
    family_id TEXT NOT NULL REFERENCES families(id) DEFERRABLE INITIALLY DEFERRED,
    closed_on TEXT NOT NULL,
    outcome TEXT NOT NULL,
    reason TEXT,
    causal_length INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX closures_family ON closures(family_id);

CREATE TABLE drawings (
    id TEXT PRIMARY KEY NOT NULL,
    family_id TEXT NOT NULL REFERENCES families(id) DEFERRABLE INITIALLY DEFERRED,
    person_id TEXT REFERENCES people(id) DEFERRABLE INITIALLY DEFERRED,
    purpose TEXT NOT NULL,
    title TEXT,
    created_at TEXT NOT NULL,
    share_allowed INTEGER NOT NULL DEFAULT 0 CHECK (share_allowed IN (0, 1)),
    causal_length INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX drawings_family ON drawings(family_id);

-- Strokes are append-only: never updated, erased by tombstone.
CREATE TABLE strokes (
    id TEXT PRIMARY KEY NOT NULL,
    drawing_id TEXT NOT NULL REFERENCES drawings(id) DEFERRABLE INITIALLY DEFERRED,
    drawn_by TEXT NOT NULL,
    points BLOB NOT NULL,
    colour TEXT,
    width REAL,
    drawn_at TEXT NOT NULL,
    causal_length INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX strokes_drawing ON strokes(drawing_id);

CREATE TABLE genogram_relations (
    id TEXT PRIMARY KEY NOT NULL,
    family_id TEXT NOT NULL REFERENCES families(id) DEFERRABLE INITIALLY DEFERRED,
    from_person_id TEXT NOT NULL,
    to_person_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    subtype TEXT,
    start_date TEXT,
    end_date TEXT,
    note TEXT,
    causal_length INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX genogram_relations_family ON genogram_relations(family_id);

-- The timestamp of the value each field holds now, whoever wrote it: sync merges
-- last-writer-wins per field against this.
CREATE TABLE field_clock (
    record_kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    field TEXT NOT NULL,
    hlc INTEGER NOT NULL,
    device_id TEXT NOT NULL,
    PRIMARY KEY (record_kind, record_id, field)
) WITHOUT ROWID;

-- Version 1 journalled every local change; its newest entry per field is that
-- field's clock.
INSERT INTO field_clock (record_kind, record_id, field, hlc, device_id)
SELECT j.record_kind, j.record_id, j.field, j.hlc, j.device_id
FROM change_journal j
WHERE j.seq = (SELECT max(k.seq) FROM change_journal k
               WHERE k.record_kind = j.record_kind AND k.record_id = j.record_id
                 AND k.field = j.field);
