-- Derby reads an index in one direction only, so a descending sort over an ascending index became a sort of the
-- whole table. These indexes serve each list order descending (and the last pages, which are read from the end).
CREATE INDEX ix_student_id_desc ON student (id DESC);
CREATE INDEX ix_student_first_name_desc ON student (first_name DESC, id DESC);
CREATE INDEX ix_student_last_name_desc ON student (last_name DESC, id DESC);
CREATE INDEX ix_student_subject_desc ON student (subject DESC, id DESC);

CREATE INDEX ix_users_id_desc ON users (id DESC);
CREATE INDEX ix_users_username_desc ON users (username DESC, id DESC);
CREATE INDEX ix_users_email_desc ON users (email DESC, id DESC);

CREATE INDEX ix_book_id_desc ON book (id DESC);
CREATE INDEX ix_book_title_desc ON book (title DESC, id DESC);
CREATE INDEX ix_book_author_desc ON book (author DESC, id DESC);
