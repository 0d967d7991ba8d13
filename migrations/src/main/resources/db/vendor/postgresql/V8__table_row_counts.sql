-- Exact row counts kept by the database itself, for list totals without counting a whole table on every request
-- (PostgreSQL's count(*) reads every row); the same table and trigger names as Derby's V8. Triggers move a count in
-- the same transaction as the rows, so every writer keeps it exact (the application, registry-db, raw SQL, COPY,
-- another process), and a rolled back write rolls its count back too.
--
-- The triggers fire once per statement (not per row) and add or subtract the rows the statement inserted or
-- deleted, read from its transition table; TRUNCATE sets the count to 0. Updates do not change a count. The cost:
-- a write locks its table's row here until it commits, so concurrent inserts or deletes on one table queue for that
-- row (they no longer run side by side), and a transaction that writes two of these tables takes two such locks.
CREATE TABLE table_rows (
    table_name VARCHAR(30) NOT NULL,
    row_count  BIGINT      NOT NULL,
    CONSTRAINT pk_table_rows PRIMARY KEY (table_name)
);

-- One function each for all four tables: the trigger says which table (TG_TABLE_NAME). The search path is the one
-- this migration ran with, so that table_rows is found in the registry's schema whatever the writer's search path.
CREATE FUNCTION table_rows_added() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    changed bigint;
BEGIN
    SELECT count(*) INTO changed FROM added;
    IF changed > 0 THEN
        UPDATE table_rows SET row_count = row_count + changed WHERE table_name = TG_TABLE_NAME;
    END IF;
    RETURN NULL;
END;
$$;

CREATE FUNCTION table_rows_removed() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    changed bigint;
BEGIN
    SELECT count(*) INTO changed FROM removed;
    IF changed > 0 THEN
        UPDATE table_rows SET row_count = row_count - changed WHERE table_name = TG_TABLE_NAME;
    END IF;
    RETURN NULL;
END;
$$;

CREATE FUNCTION table_rows_truncated() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    UPDATE table_rows SET row_count = 0 WHERE table_name = TG_TABLE_NAME;
    RETURN NULL;
END;
$$;

CREATE TRIGGER tr_student_added AFTER INSERT ON student
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION table_rows_added();
CREATE TRIGGER tr_student_removed AFTER DELETE ON student
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION table_rows_removed();
CREATE TRIGGER tr_student_truncated AFTER TRUNCATE ON student
    FOR EACH STATEMENT EXECUTE FUNCTION table_rows_truncated();

CREATE TRIGGER tr_users_added AFTER INSERT ON users
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION table_rows_added();
CREATE TRIGGER tr_users_removed AFTER DELETE ON users
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION table_rows_removed();
CREATE TRIGGER tr_users_truncated AFTER TRUNCATE ON users
    FOR EACH STATEMENT EXECUTE FUNCTION table_rows_truncated();

CREATE TRIGGER tr_book_added AFTER INSERT ON book
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION table_rows_added();
CREATE TRIGGER tr_book_removed AFTER DELETE ON book
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION table_rows_removed();
CREATE TRIGGER tr_book_truncated AFTER TRUNCATE ON book
    FOR EACH STATEMENT EXECUTE FUNCTION table_rows_truncated();

CREATE TRIGGER tr_api_token_added AFTER INSERT ON api_token
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION table_rows_added();
CREATE TRIGGER tr_api_token_removed AFTER DELETE ON api_token
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION table_rows_removed();
CREATE TRIGGER tr_api_token_truncated AFTER TRUNCATE ON api_token
    FOR EACH STATEMENT EXECUTE FUNCTION table_rows_truncated();

-- Counted after the triggers exist: creating them locked each table against writers until this migration commits,
-- so no row is written between the count and the first trigger.
INSERT INTO table_rows (table_name, row_count)
    SELECT 'student', count(*) FROM student
    UNION ALL SELECT 'users', count(*) FROM users
    UNION ALL SELECT 'book', count(*) FROM book
    UNION ALL SELECT 'api_token', count(*) FROM api_token;
