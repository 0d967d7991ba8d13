-- Each spelling of an author's name that books carry, with how many books carry it, kept by the database itself for
-- the authors list (the books page, GET /api/authors): grouping the book table on every request cost a pass over all
-- its rows (about 200 ms with 100,000 books); grouping this table costs a pass over the spellings. Triggers move a
-- count in the writing transaction, whoever writes (COPY too), a spelling goes with its last book, and TRUNCATE
-- empties the table. Kept by exact spelling, so no write ever needs to read the books again: the list groups
-- spellings by author_key (names match ignoring case) and shows the least, as it did grouping the books. Derby's V10
-- is the twin.
--
-- Each insert is one statement (ON CONFLICT), so two writers adding one new spelling at once both count. PostgreSQL
-- fires a table's triggers in the order of their names: these sort after the row count's (V8), so a writer of book
-- locks the count before any spelling, as on Derby. It allows no column list on a trigger with transition tables, so
-- the update trigger fires on every update of book and returns at once unless an author changed.
CREATE TABLE book_authors (
    author     VARCHAR(100) NOT NULL,
    author_key VARCHAR(100) COLLATE "C" NOT NULL,
    book_count BIGINT       NOT NULL,
    CONSTRAINT pk_book_authors PRIMARY KEY (author)
);
CREATE INDEX ix_book_authors_key ON book_authors (author_key, author);

CREATE FUNCTION book_authors_added() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    INSERT INTO book_authors (author, author_key, book_count)
        SELECT author, min(author_key), count(*) FROM added GROUP BY author
        ON CONFLICT (author) DO UPDATE SET book_count = book_authors.book_count + excluded.book_count;
    RETURN NULL;
END;
$$;

CREATE FUNCTION book_authors_removed() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    UPDATE book_authors s SET book_count = s.book_count - r.books
        FROM (SELECT author, count(*) AS books FROM removed GROUP BY author) r
        WHERE s.author = r.author;
    DELETE FROM book_authors WHERE book_count = 0 AND author IN (SELECT author FROM removed);
    RETURN NULL;
END;
$$;

CREATE FUNCTION book_authors_renamed() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM removed r JOIN added a ON a.id = r.id WHERE a.author <> r.author) THEN
        RETURN NULL;
    END IF;
    INSERT INTO book_authors (author, author_key, book_count)
        SELECT author, min(author_key), count(*) FROM added GROUP BY author
        ON CONFLICT (author) DO UPDATE SET book_count = book_authors.book_count + excluded.book_count;
    UPDATE book_authors s SET book_count = s.book_count - r.books
        FROM (SELECT author, count(*) AS books FROM removed GROUP BY author) r
        WHERE s.author = r.author;
    DELETE FROM book_authors WHERE book_count = 0 AND author IN (SELECT author FROM removed);
    RETURN NULL;
END;
$$;

CREATE FUNCTION book_authors_truncated() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    DELETE FROM book_authors;
    RETURN NULL;
END;
$$;

CREATE TRIGGER tr_book_added_authors AFTER INSERT ON book
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION book_authors_added();
CREATE TRIGGER tr_book_removed_authors AFTER DELETE ON book
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION book_authors_removed();
CREATE TRIGGER tr_book_renamed_authors AFTER UPDATE ON book
    REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION book_authors_renamed();
CREATE TRIGGER tr_book_truncated_authors AFTER TRUNCATE ON book
    FOR EACH STATEMENT EXECUTE FUNCTION book_authors_truncated();

-- Counted after the triggers exist: creating them locked book against writers until this migration commits.
INSERT INTO book_authors (author, author_key, book_count)
    SELECT author, min(author_key), count(*) FROM book GROUP BY author;
