-- Version 10: the genogram and the ecomap (issue 7).
--
-- genogram_people holds every symbol of a family's genogram that is not simply a person
-- of the family record: extended family (person_id NULL: grandparents, an aunt, an earlier
-- partner), and an overlay for a family-record person (person_id names the people row)
-- holding what only the genogram says of them. The family record keeps owning a member's
-- name, gender and date of birth, so an overlay's given_name, family_name, gender and born
-- stay empty. An overlay's id is made from the person's id (a version-5 UUID), so two
-- tablets that each start one start the same record.
--
-- Genogram ids: a family-record person's is their people.id, an extended person's their
-- genogram_people.id. Relations' ends and household members are genogram ids, and are
-- not foreign keys: a line to someone deleted stays (and is flagged), never cascades away.
--
-- Partial dates (born, died, and a relation's start and end) are "YYYY", "YYYY-MM" or
-- "YYYY-MM-DD". pinned is where the practitioner dragged the symbol, "x,y" in layout units,
-- one field so a drag's two coordinates merge together; NULL when not pinned.
CREATE TABLE genogram_people (
    id TEXT PRIMARY KEY NOT NULL,
    family_id TEXT NOT NULL REFERENCES families(id) DEFERRABLE INITIALLY DEFERRED,
    person_id TEXT REFERENCES people(id) DEFERRABLE INITIALLY DEFERRED,
    given_name TEXT,
    family_name TEXT,
    gender TEXT,
    born TEXT,
    died TEXT,
    deceased INTEGER NOT NULL DEFAULT 0 CHECK (deceased IN (0, 1)),
    age_text TEXT,
    is_index INTEGER NOT NULL DEFAULT 0 CHECK (is_index IN (0, 1)),
    interpreter_needed INTEGER NOT NULL DEFAULT 0 CHECK (interpreter_needed IN (0, 1)),
    pregnancy INTEGER NOT NULL DEFAULT 0 CHECK (pregnancy IN (0, 1)),
    note TEXT,
    pinned TEXT,
    causal_length INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX genogram_people_family ON genogram_people(family_id);

-- Which of a person's partnerships came first when dates do not tell: lower first, NULL
-- when not set.
ALTER TABLE genogram_relations ADD COLUMN ordinal INTEGER;

-- People who live together: member_ids are genogram ids separated by spaces.
CREATE TABLE genogram_households (
    id TEXT PRIMARY KEY NOT NULL,
    family_id TEXT NOT NULL REFERENCES families(id) DEFERRABLE INITIALLY DEFERRED,
    member_ids TEXT,
    note TEXT,
    causal_length INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX genogram_households_family ON genogram_households(family_id);

-- A link between the family, or one member (person_id, a genogram id; NULL for the whole
-- family), and a service or group around it.
CREATE TABLE ecomap_links (
    id TEXT PRIMARY KEY NOT NULL,
    family_id TEXT NOT NULL REFERENCES families(id) DEFERRABLE INITIALLY DEFERRED,
    agency TEXT NOT NULL,
    name TEXT,
    person_id TEXT,
    strength TEXT NOT NULL DEFAULT 'weak',
    note TEXT,
    causal_length INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX ecomap_links_family ON ecomap_links(family_id);
