-- The students' list orders names ignoring case, by the lower-cased key columns the name search already uses: the
-- key indexes of V1 then serve both the search and the sort (PostgreSQL reads them backwards for a descending
-- order), and the plain name indexes go, each one paid for on every insert. Derby's V6 also drops the descending
-- twins its V4 made and adds descending key indexes; PostgreSQL has neither to touch.
DROP INDEX ix_student_first_name;
DROP INDEX ix_student_last_name;
