-- Undoes V7: the tokens, and the users' passwords, roles and enabled flags, are dropped (users keep their
-- usernames and emails).
DROP TABLE api_token;
ALTER TABLE users DROP COLUMN enabled;
ALTER TABLE users DROP COLUMN roles;
ALTER TABLE users DROP COLUMN password_hash;
