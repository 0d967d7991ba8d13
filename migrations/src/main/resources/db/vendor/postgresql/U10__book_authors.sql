-- Undoes V10: the authors' counts, the triggers that keep them and their functions go (no data is lost: V10 counts
-- them again).
DROP TRIGGER tr_book_truncated_authors ON book;
DROP TRIGGER tr_book_renamed_authors ON book;
DROP TRIGGER tr_book_removed_authors ON book;
DROP TRIGGER tr_book_added_authors ON book;
DROP FUNCTION book_authors_truncated();
DROP FUNCTION book_authors_renamed();
DROP FUNCTION book_authors_removed();
DROP FUNCTION book_authors_added();
DROP TABLE book_authors;
