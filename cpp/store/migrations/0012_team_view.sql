-- Version 12: who this tablet's user is at the centre (issue 8), as the server said at the
-- last sync: their role and team (meta 'team_role', 'team_name') and, for a supervisor, the
-- team's people with the last sync of each of their tablets. Not records: nothing here is
-- journalled or synced back, and each sync that tells it replaces it whole.
CREATE TABLE team_members (
    user_id TEXT PRIMARY KEY NOT NULL,
    ordinal INTEGER NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('practitioner', 'supervisor'))
);

CREATE TABLE team_devices (
    user_id TEXT NOT NULL REFERENCES team_members(user_id) DEFERRABLE INITIALLY DEFERRED,
    ordinal INTEGER NOT NULL,
    name TEXT NOT NULL,
    last_sync_at TEXT,
    PRIMARY KEY (user_id, ordinal)
) WITHOUT ROWID;
