-- Undoes V2: drops the users table with its constraints and indexes (and every user in it).
DROP TABLE users;
