-- "All books by an author", in title order (the books page's default), read from one index without a sort.
CREATE INDEX ix_book_author_key_title ON book (author_key, title, id);
