-- Undoes V9: drops the sign-out count (sessions signed in then stay valid until they end on their own node).
-- (PostgreSQL; Derby also makes the row-count triggers of users again.)
ALTER TABLE users DROP COLUMN sign_outs;
