-- Version 8: documents kept as they were made (the consent form as signed), and the bytes
-- they name. A document is a record like any other; its bytes are a blob, kept by SHA-256
-- in chunks as they arrive (a download resumes where it stopped), complete once every byte
-- is here and the hash matches. sent: the server holds the whole blob.
CREATE TABLE documents (
    id TEXT PRIMARY KEY NOT NULL,
    family_id TEXT NOT NULL REFERENCES families(id) DEFERRABLE INITIALLY DEFERRED,
    purpose TEXT NOT NULL,
    about_id TEXT,
    title TEXT,
    media_type TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    made_at TEXT NOT NULL,
    causal_length INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX documents_family ON documents(family_id);
CREATE INDEX documents_about ON documents(about_id);
CREATE INDEX documents_content ON documents(sha256);

CREATE TABLE blobs (
    sha256 TEXT PRIMARY KEY NOT NULL,
    size INTEGER NOT NULL CHECK (size > 0),
    received INTEGER NOT NULL DEFAULT 0,
    complete INTEGER NOT NULL DEFAULT 0 CHECK (complete IN (0, 1)),
    sent INTEGER NOT NULL DEFAULT 0 CHECK (sent IN (0, 1))
);
CREATE TABLE blob_chunks (
    sha256 TEXT NOT NULL REFERENCES blobs(sha256) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (sha256, position)
);
