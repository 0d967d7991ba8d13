package org.studentregistry.web.rest.book;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.studentregistry.domain.book.Book;
import org.studentregistry.web.rest.RecordJson;

/** A book as the API reads and writes it. */
@Schema(name = "Book", description = "A book. On create, an id or version in the body is ignored; on update, a"
        + " version in the body must be the current one.")
@JsonbPropertyOrder({"id", "title", "author", "version"})
public record BookJson(
        @Schema(readOnly = true, description = "Assigned by the server; ignored in request bodies.", example = "3")
        Long id,
        @Schema(required = true, maxLength = 200, example = "Persuasion")
        String title,
        @Schema(required = true, maxLength = 100, example = "Jane Austen")
        String author,
        @Schema(description = "Optimistic-locking version, also sent as the ETag.", example = "1")
        Long version) implements RecordJson {

    static BookJson of(Book book) {
        return new BookJson(book.getId(), book.getTitle(), book.getAuthor(), book.getVersion());
    }

    Book toDetails() {
        return new Book(title, author);
    }
}
