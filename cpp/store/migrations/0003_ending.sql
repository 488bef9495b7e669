-- Version 3: what the family takes away at the end — the crisis card made with them
-- and the ending letter that highlights their progress.

CREATE TABLE crisis_cards (
    id TEXT PRIMARY KEY NOT NULL,
    family_id TEXT NOT NULL REFERENCES families(id) DEFERRABLE INITIALLY DEFERRED,
    made_on TEXT NOT NULL,
    warning_signs TEXT,
    what_to_do TEXT,
    who_to_call TEXT,
    causal_length INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX crisis_cards_family ON crisis_cards(family_id);

CREATE TABLE ending_letters (
    id TEXT PRIMARY KEY NOT NULL,
    family_id TEXT NOT NULL REFERENCES families(id) DEFERRABLE INITIALLY DEFERRED,
    written_on TEXT NOT NULL,
    addressed_to TEXT,
    progress TEXT,
    where_to_get_help TEXT,
    author_id TEXT,
    causal_length INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX ending_letters_family ON ending_letters(family_id);
