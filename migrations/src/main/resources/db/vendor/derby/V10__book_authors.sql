-- Each spelling of an author's name that books carry, with how many books carry it, kept by the database itself for
-- the authors list (the books page, GET /api/authors): grouping the book table on every request cost a pass over all
-- its rows (about 200 ms with 100,000 books); grouping this table costs a pass over the spellings. Triggers move a
-- count in the writing transaction, whoever writes, and a spelling goes with its last book. Kept by exact spelling,
-- so no write ever needs to read the books again: the list groups spellings by author_key (names match ignoring
-- case) and shows the least, as it did grouping the books.
--
-- A new spelling's row is made before the counts move. Book inserts and deletes already queue on the book's row of
-- table_rows (V8), whose triggers were made first and so fire first; a change of author queues there too (Derby
-- fires a table's triggers in the order they were made), so two writers never add one new spelling at once, and
-- every writer of book takes its locks in the same order.
CREATE TABLE book_authors (
    author     VARCHAR(100) NOT NULL,
    author_key VARCHAR(100) NOT NULL,
    book_count BIGINT       NOT NULL,
    CONSTRAINT pk_book_authors PRIMARY KEY (author)
);
CREATE INDEX ix_book_authors_key ON book_authors (author_key, author);
INSERT INTO book_authors (author, author_key, book_count)
    SELECT author, MIN(author_key), COUNT(*) FROM book GROUP BY author;

CREATE TRIGGER tr_book_added_authors_new AFTER INSERT ON book REFERENCING NEW_TABLE AS added FOR EACH STATEMENT
    INSERT INTO book_authors (author, author_key, book_count)
        SELECT a.author, MIN(a.author_key), 0 FROM added a
        WHERE NOT EXISTS (SELECT 1 FROM book_authors s WHERE s.author = a.author)
        GROUP BY a.author;
CREATE TRIGGER tr_book_added_authors AFTER INSERT ON book REFERENCING NEW_TABLE AS added FOR EACH STATEMENT
    UPDATE book_authors
        SET book_count = book_count + (SELECT COUNT(*) FROM added a WHERE a.author = book_authors.author)
        WHERE author IN (SELECT author FROM added);

CREATE TRIGGER tr_book_removed_authors AFTER DELETE ON book REFERENCING OLD_TABLE AS removed FOR EACH STATEMENT
    UPDATE book_authors
        SET book_count = book_count - (SELECT COUNT(*) FROM removed r WHERE r.author = book_authors.author)
        WHERE author IN (SELECT author FROM removed);
CREATE TRIGGER tr_book_removed_authors_gone AFTER DELETE ON book REFERENCING OLD_TABLE AS removed
        FOR EACH STATEMENT
    DELETE FROM book_authors WHERE book_count = 0 AND author IN (SELECT author FROM removed);

CREATE TRIGGER tr_book_renamed_authors_queue AFTER UPDATE OF author ON book FOR EACH STATEMENT
    UPDATE table_rows SET row_count = row_count WHERE table_name = 'book';
CREATE TRIGGER tr_book_renamed_authors_new AFTER UPDATE OF author ON book REFERENCING NEW_TABLE AS added
        FOR EACH STATEMENT
    INSERT INTO book_authors (author, author_key, book_count)
        SELECT a.author, MIN(a.author_key), 0 FROM added a
        WHERE NOT EXISTS (SELECT 1 FROM book_authors s WHERE s.author = a.author)
        GROUP BY a.author;
CREATE TRIGGER tr_book_renamed_authors AFTER UPDATE OF author ON book
        REFERENCING OLD_TABLE AS removed NEW_TABLE AS added FOR EACH STATEMENT
    UPDATE book_authors
        SET book_count = book_count
                + (SELECT COUNT(*) FROM added a WHERE a.author = book_authors.author)
                - (SELECT COUNT(*) FROM removed r WHERE r.author = book_authors.author)
        WHERE author IN (SELECT author FROM added) OR author IN (SELECT author FROM removed);
CREATE TRIGGER tr_book_renamed_authors_gone AFTER UPDATE OF author ON book REFERENCING OLD_TABLE AS removed
        FOR EACH STATEMENT
    DELETE FROM book_authors WHERE book_count = 0 AND author IN (SELECT author FROM removed);
