-- Undoes V9: drops the sign-out count (sessions signed in then stay valid until they end on their own node).
ALTER TABLE users DROP COLUMN sign_outs;
