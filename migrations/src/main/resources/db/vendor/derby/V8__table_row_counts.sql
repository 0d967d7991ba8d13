-- Exact row counts kept by the database itself, for list totals without counting a whole index on every request.
-- Triggers move them in the transaction of every insert and delete, whoever makes it.
CREATE TABLE table_rows (
    table_name VARCHAR(30) NOT NULL,
    row_count  BIGINT      NOT NULL,
    CONSTRAINT pk_table_rows PRIMARY KEY (table_name)
);
INSERT INTO table_rows (table_name, row_count) SELECT 'student', COUNT(*) FROM student;
INSERT INTO table_rows (table_name, row_count) SELECT 'users', COUNT(*) FROM users;
INSERT INTO table_rows (table_name, row_count) SELECT 'book', COUNT(*) FROM book;
INSERT INTO table_rows (table_name, row_count) SELECT 'api_token', COUNT(*) FROM api_token;

CREATE TRIGGER tr_student_added AFTER INSERT ON student REFERENCING NEW_TABLE AS added FOR EACH STATEMENT
    UPDATE table_rows SET row_count = row_count + (SELECT COUNT(*) FROM added) WHERE table_name = 'student';
CREATE TRIGGER tr_student_removed AFTER DELETE ON student REFERENCING OLD_TABLE AS removed FOR EACH STATEMENT
    UPDATE table_rows SET row_count = row_count - (SELECT COUNT(*) FROM removed) WHERE table_name = 'student';
CREATE TRIGGER tr_users_added AFTER INSERT ON users REFERENCING NEW_TABLE AS added FOR EACH STATEMENT
    UPDATE table_rows SET row_count = row_count + (SELECT COUNT(*) FROM added) WHERE table_name = 'users';
CREATE TRIGGER tr_users_removed AFTER DELETE ON users REFERENCING OLD_TABLE AS removed FOR EACH STATEMENT
    UPDATE table_rows SET row_count = row_count - (SELECT COUNT(*) FROM removed) WHERE table_name = 'users';
CREATE TRIGGER tr_book_added AFTER INSERT ON book REFERENCING NEW_TABLE AS added FOR EACH STATEMENT
    UPDATE table_rows SET row_count = row_count + (SELECT COUNT(*) FROM added) WHERE table_name = 'book';
CREATE TRIGGER tr_book_removed AFTER DELETE ON book REFERENCING OLD_TABLE AS removed FOR EACH STATEMENT
    UPDATE table_rows SET row_count = row_count - (SELECT COUNT(*) FROM removed) WHERE table_name = 'book';
CREATE TRIGGER tr_api_token_added AFTER INSERT ON api_token REFERENCING NEW_TABLE AS added FOR EACH STATEMENT
    UPDATE table_rows SET row_count = row_count + (SELECT COUNT(*) FROM added) WHERE table_name = 'api_token';
CREATE TRIGGER tr_api_token_removed AFTER DELETE ON api_token REFERENCING OLD_TABLE AS removed FOR EACH STATEMENT
    UPDATE table_rows SET row_count = row_count - (SELECT COUNT(*) FROM removed) WHERE table_name = 'api_token';
