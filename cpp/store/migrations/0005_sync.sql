-- Version 5: what sync keeps beside the records (sync/PROTOCOL.md).

-- The journal holds every op this store knows, its own and those pulled from the server.
-- op_seq is the writing device's sequence (the number in op_id): the outbox is this
-- device's ops past the server's acknowledgement. replaces names, for free text, the
-- version the writer saw, so concurrent edits are found and neither is lost.
ALTER TABLE change_journal ADD COLUMN op_seq INTEGER;
ALTER TABLE change_journal ADD COLUMN replaces TEXT;
UPDATE change_journal SET op_seq = CAST(substr(op_id, instr(op_id, ':') + 1) AS INTEGER);
CREATE INDEX change_journal_outbox ON change_journal(device_id, op_seq);

-- The op whose value each field holds now.
ALTER TABLE field_clock ADD COLUMN op_id TEXT;
UPDATE field_clock SET op_id = (
    SELECT j.op_id FROM change_journal j
    WHERE j.record_kind = field_clock.record_kind AND j.record_id = field_clock.record_id
      AND j.field = field_clock.field
    ORDER BY j.seq DESC LIMIT 1);

-- Versions of a field written concurrently with its value, or after its record was signed
-- or finalised: kept and shown until a person merges them.
CREATE TABLE conflict_versions (
    record_kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    field TEXT NOT NULL,
    op_id TEXT NOT NULL,
    PRIMARY KEY (record_kind, record_id, field, op_id)
) WITHOUT ROWID;

-- Records whose ops have arrived but which cannot be written yet: part of their create
-- is still to come, or a record they refer to is.
CREATE TABLE held_records (
    record_kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    PRIMARY KEY (record_kind, record_id)
) WITHOUT ROWID;

INSERT INTO meta (key, value) VALUES ('pull_cursor', 0);
INSERT INTO meta (key, value) VALUES ('acked_op_seq', 0);
