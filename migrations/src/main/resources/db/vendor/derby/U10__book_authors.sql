-- Undoes V10: the authors' counts and the triggers that keep them go (no data is lost: V10 counts them again).
DROP TRIGGER tr_book_renamed_authors_gone;
DROP TRIGGER tr_book_renamed_authors_removed;
DROP TRIGGER tr_book_renamed_authors_added;
DROP TRIGGER tr_book_renamed_authors_new;
DROP TRIGGER tr_book_renamed_authors_queue;
DROP TRIGGER tr_book_removed_authors_gone;
DROP TRIGGER tr_book_removed_authors;
DROP TRIGGER tr_book_added_authors;
DROP TRIGGER tr_book_added_authors_new;
DROP TABLE book_authors;
