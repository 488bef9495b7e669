-- Version 7: the last of this device's own audit entries the server holds: the sync client
-- sends those after it, so the council's audit at the centre has what happened here.
INSERT INTO meta (key, value) VALUES ('audit_sent_seq', 0);
