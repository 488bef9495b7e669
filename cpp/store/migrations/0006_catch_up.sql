-- Version 6: where the device is in catching up on families that came into its scope
-- after its pull cursor had passed their history (sync/PROTOCOL.md, "Catching up"). Stored
-- with the cursor, in the transaction that applies the ops they came with.
INSERT INTO meta (key, value) VALUES ('pull_catch_up_family', 0);
INSERT INTO meta (key, value) VALUES ('pull_catch_up_seq', 0);
