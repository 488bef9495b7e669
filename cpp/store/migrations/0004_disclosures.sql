-- Version 4: a record of every disclosure — what about which family went to which
-- agency, when, by whom, and on whose consent — so the service can show what it shared
-- (UK GDPR accountability; a subject access request asks for it).

CREATE TABLE disclosures (
    id TEXT PRIMARY KEY NOT NULL,
    family_id TEXT NOT NULL REFERENCES families(id) DEFERRABLE INITIALLY DEFERRED,
    agency TEXT NOT NULL,
    shared_at TEXT NOT NULL,
    shared_by TEXT,
    people INTEGER,
    consent_ids TEXT,
    file_name TEXT,
    causal_length INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX disclosures_family ON disclosures(family_id);
