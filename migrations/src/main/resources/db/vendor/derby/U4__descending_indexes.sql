-- Undoes V4: drops the descending indexes (no data is lost).
DROP INDEX ix_student_id_desc;
DROP INDEX ix_student_first_name_desc;
DROP INDEX ix_student_last_name_desc;
DROP INDEX ix_student_subject_desc;

DROP INDEX ix_users_id_desc;
DROP INDEX ix_users_username_desc;
DROP INDEX ix_users_email_desc;

DROP INDEX ix_book_id_desc;
DROP INDEX ix_book_title_desc;
DROP INDEX ix_book_author_desc;
