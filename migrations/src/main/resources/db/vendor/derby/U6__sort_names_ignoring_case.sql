-- Undoes V6: the names are sorted as stored again, by their own indexes (no data is lost).
DROP INDEX ix_student_first_name_key_desc;
DROP INDEX ix_student_last_name_key_desc;

CREATE INDEX ix_student_first_name ON student (first_name, id);
CREATE INDEX ix_student_last_name ON student (last_name, id);
CREATE INDEX ix_student_first_name_desc ON student (first_name DESC, id DESC);
CREATE INDEX ix_student_last_name_desc ON student (last_name DESC, id DESC);
