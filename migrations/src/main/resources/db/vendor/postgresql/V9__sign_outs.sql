-- How many times each account has signed out. A sign-in session remembers the count it began with, and is over
-- once the count has moved on: signing out ends the account's sessions on every node of a cluster, including the
-- copies that nodes keep of sessions they served earlier, which do not learn of the session's end by themselves.
-- (The same on Derby and PostgreSQL; the undo scripts differ, so each folder has both.)
ALTER TABLE users ADD COLUMN sign_outs INTEGER NOT NULL DEFAULT 0;
