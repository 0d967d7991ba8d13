-- Undoes V5: drops the index (no data is lost).
DROP INDEX ix_book_author_key_title;
