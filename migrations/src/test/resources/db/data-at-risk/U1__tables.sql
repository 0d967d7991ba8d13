-- Read by Downgrade.dataAtRisk, never run: IF EXISTS is PostgreSQL's spelling, which Derby does not take.
ALTER TABLE kept DROP CONSTRAINT ck_kept;
ALTER TABLE kept DROP COLUMN IF EXISTS note;
ALTER TABLE IF EXISTS kept DROP code;
DROP TABLE IF EXISTS gone;
