-- Undoes V9: drops the sign-out count (sessions signed in then stay valid until they end on their own node).
-- Derby drops a table's statement triggers with any of its columns, so the row-count triggers of users (V8) are
-- made again as they were.
ALTER TABLE users DROP COLUMN sign_outs;
CREATE TRIGGER tr_users_added AFTER INSERT ON users REFERENCING NEW_TABLE AS added FOR EACH STATEMENT
    UPDATE table_rows SET row_count = row_count + (SELECT COUNT(*) FROM added) WHERE table_name = 'users';
CREATE TRIGGER tr_users_removed AFTER DELETE ON users REFERENCING OLD_TABLE AS removed FOR EACH STATEMENT
    UPDATE table_rows SET row_count = row_count - (SELECT COUNT(*) FROM removed) WHERE table_name = 'users';
