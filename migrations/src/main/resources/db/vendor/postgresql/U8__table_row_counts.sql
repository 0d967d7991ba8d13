-- Undoes V8: the counts, the triggers that keep them and their functions go (no data is lost: V8 counts the rows
-- again).
DROP TRIGGER tr_api_token_truncated ON api_token;
DROP TRIGGER tr_api_token_removed ON api_token;
DROP TRIGGER tr_api_token_added ON api_token;
DROP TRIGGER tr_book_truncated ON book;
DROP TRIGGER tr_book_removed ON book;
DROP TRIGGER tr_book_added ON book;
DROP TRIGGER tr_users_truncated ON users;
DROP TRIGGER tr_users_removed ON users;
DROP TRIGGER tr_users_added ON users;
DROP TRIGGER tr_student_truncated ON student;
DROP TRIGGER tr_student_removed ON student;
DROP TRIGGER tr_student_added ON student;
DROP FUNCTION table_rows_truncated();
DROP FUNCTION table_rows_removed();
DROP FUNCTION table_rows_added();
DROP TABLE table_rows;
