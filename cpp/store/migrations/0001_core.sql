-- Version 1: the case core (families, people, referrals, allocations, visits, notes),
-- the change journal that sync reads, and the audit log.
-- Every record has a device-made UUID and a causal length: odd means live, even
-- means deleted (a tombstone), so a delete syncs and a record can be restored.

CREATE TABLE meta (
    key TEXT PRIMARY KEY NOT NULL,
    value
) WITHOUT ROWID;

CREATE TABLE families (
    id TEXT PRIMARY KEY NOT NULL,
    family_name TEXT NOT NULL,
    address TEXT,
    postcode TEXT,
    language TEXT,
    interpreter_needed INTEGER NOT NULL DEFAULT 0 CHECK (interpreter_needed IN (0, 1)),
    causal_length INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE people (
    id TEXT PRIMARY KEY NOT NULL,
    family_id TEXT NOT NULL REFERENCES families(id) DEFERRABLE INITIALLY DEFERRED,
    given_name TEXT NOT NULL,
    family_name TEXT,
    date_of_birth TEXT,
    nhs_number TEXT,
    gender TEXT,
    role TEXT,
    school TEXT,
    causal_length INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX people_family ON people(family_id);

CREATE TABLE household_members (
    id TEXT PRIMARY KEY NOT NULL,
    family_id TEXT NOT NULL REFERENCES families(id) DEFERRABLE INITIALLY DEFERRED,
    person_id TEXT NOT NULL REFERENCES people(id) DEFERRABLE INITIALLY DEFERRED,
    relationship TEXT,
    from_date TEXT,
    to_date TEXT,
    causal_length INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX household_members_family ON household_members(family_id);

CREATE TABLE referrals (
    id TEXT PRIMARY KEY NOT NULL,
    family_id TEXT NOT NULL REFERENCES families(id) DEFERRABLE INITIALLY DEFERRED,
    source TEXT NOT NULL,
    level_of_need INTEGER NOT NULL,
    referred_on TEXT NOT NULL,
    reason TEXT,
    causal_length INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX referrals_family ON referrals(family_id);

CREATE TABLE allocations (
    id TEXT PRIMARY KEY NOT NULL,
    family_id TEXT NOT NULL REFERENCES families(id) DEFERRABLE INITIALLY DEFERRED,
    practitioner_id TEXT NOT NULL,
    practitioner_name TEXT,
    team TEXT,
    allocated_on TEXT NOT NULL,
    ended_on TEXT,
    causal_length INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX allocations_family ON allocations(family_id);

CREATE TABLE visits (
    id TEXT PRIMARY KEY NOT NULL,
    family_id TEXT NOT NULL REFERENCES families(id) DEFERRABLE INITIALLY DEFERRED,
    visit_at TEXT NOT NULL,
    location TEXT,
    present TEXT,
    children_seen TEXT,
    seen_alone INTEGER CHECK (seen_alone IN (0, 1)),
    interpreter_language TEXT,
    working_well TEXT,
    worries TEXT,
    needs_to_happen TEXT,
    notes TEXT,
    status TEXT NOT NULL DEFAULT 'draft',
    finalised_at TEXT,
    author_id TEXT,
    amends_visit_id TEXT REFERENCES visits(id) DEFERRABLE INITIALLY DEFERRED,
    causal_length INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX visits_family ON visits(family_id, visit_at);

CREATE TABLE notes (
    id TEXT PRIMARY KEY NOT NULL,
    family_id TEXT NOT NULL REFERENCES families(id) DEFERRABLE INITIALLY DEFERRED,
    visit_id TEXT REFERENCES visits(id) DEFERRABLE INITIALLY DEFERRED,
    author_id TEXT,
    written_at TEXT NOT NULL,
    body TEXT NOT NULL,
    causal_length INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX notes_family ON notes(family_id);

-- One row per field changed locally; the sync client pushes these in order.
CREATE TABLE change_journal (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    op_id TEXT NOT NULL UNIQUE,
    record_kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    field TEXT NOT NULL,
    value,
    hlc INTEGER NOT NULL,
    device_id TEXT NOT NULL
);
CREATE INDEX change_journal_record ON change_journal(record_kind, record_id);

-- Who did what to which record, when and where; field names only, never values.
CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    device_id TEXT NOT NULL,
    action TEXT NOT NULL,
    record_kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    fields TEXT,
    origin TEXT NOT NULL
);
CREATE INDEX audit_log_record ON audit_log(record_kind, record_id);
