-- Undoes V6: the names are sorted as stored again, by their own indexes (no data is lost).
CREATE INDEX ix_student_first_name ON student (first_name, id);
CREATE INDEX ix_student_last_name ON student (last_name, id);
