package org.studentregistry.domain.book;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.studentregistry.domain.shared.KeyLength;
import org.studentregistry.domain.shared.SingleLine;
import org.studentregistry.domain.shared.Text;
import org.studentregistry.domain.shared.VersionedEntity;

/** A book: its title and its author, as written on the cover. */
@Entity
@Table(name = "book")
public class Book extends VersionedEntity {

    private static final long serialVersionUID = 1L;

    public static final int TITLE_MAX = 200;
    public static final int AUTHOR_MAX = 100;

    @NotBlank(message = "{book.title.required}")
    @Size(max = TITLE_MAX, message = "{book.title.size}")
    @SingleLine
    @KeyLength(max = TITLE_MAX)
    @Column(name = "title", nullable = false, length = TITLE_MAX)
    private String title;

    @NotBlank(message = "{book.author.required}")
    @Size(max = AUTHOR_MAX, message = "{book.author.size}")
    @SingleLine
    @KeyLength(max = AUTHOR_MAX)
    @Column(name = "author", nullable = false, length = AUTHOR_MAX)
    private String author;

    /*
     * Lower-cased copies kept by the database, for the case-insensitive author filter and title search. The
     * column definition says how the database computes them, for the schema check and a drafted migration.
     */
    @Column(name = "title_key", insertable = false, updatable = false, length = TITLE_MAX,
            columnDefinition = "VARCHAR(" + TITLE_MAX + ") GENERATED ALWAYS AS (LOWER(title))")
    private String titleKey;

    @Column(name = "author_key", insertable = false, updatable = false, length = AUTHOR_MAX,
            columnDefinition = "VARCHAR(" + AUTHOR_MAX + ") GENERATED ALWAYS AS (LOWER(author))")
    private String authorKey;

    public Book() {
    }

    public Book(String title, String author) {
        setTitle(title);
        setAuthor(author);
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = Text.normalize(title);
    }

    public String getAuthor() {
        return author;
    }

    public void setAuthor(String author) {
        this.author = Text.normalize(author);
    }

    public void copyDetailsFrom(Book other) {
        setTitle(other.getTitle());
        setAuthor(other.getAuthor());
    }

    @Override
    public String toString() {
        return "Book[id=" + getId() + ", " + title + " by " + author + "]";
    }
}
