-- Undoes V3: drops the book table with its indexes (and every book in it).
DROP TABLE book;
