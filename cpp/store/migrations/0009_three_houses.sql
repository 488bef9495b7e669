-- Version 9: the three houses. Each house is a drawing of the child (purpose
-- house_of_worries, house_of_good_things or house_of_dreams): its title is the name the
-- child gave it, share_allowed the child's choice, and symbol the sticker the child picked
-- for it. In it, besides ink strokes: the child's own words, written by the child or scribed
-- by the practitioner, each with the question asked; and the stickers the child placed.
-- Both append-only, as strokes are.
ALTER TABLE drawings ADD COLUMN symbol TEXT;

CREATE TABLE house_words (
    id TEXT PRIMARY KEY NOT NULL,
    drawing_id TEXT NOT NULL REFERENCES drawings(id) DEFERRABLE INITIALLY DEFERRED,
    words TEXT NOT NULL,
    written_by TEXT NOT NULL,
    prompt TEXT,
    written_at TEXT NOT NULL,
    causal_length INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX house_words_drawing ON house_words(drawing_id);

CREATE TABLE stickers (
    id TEXT PRIMARY KEY NOT NULL,
    drawing_id TEXT NOT NULL REFERENCES drawings(id) DEFERRABLE INITIALLY DEFERRED,
    sticker TEXT NOT NULL,
    x REAL NOT NULL,
    y REAL NOT NULL,
    size REAL NOT NULL,
    placed_by TEXT NOT NULL,
    placed_at TEXT NOT NULL,
    causal_length INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX stickers_drawing ON stickers(drawing_id);
