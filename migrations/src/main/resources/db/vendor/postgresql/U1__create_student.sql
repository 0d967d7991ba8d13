-- Undoes V1: drops the student table with its indexes (and every student in it).
DROP TABLE student;
