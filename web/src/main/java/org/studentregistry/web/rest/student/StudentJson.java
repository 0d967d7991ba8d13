package org.studentregistry.web.rest.student;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.studentregistry.domain.student.Student;
import org.studentregistry.web.rest.RecordJson;

/** A student as the API reads and writes it. */
@Schema(name = "Student", description = "A student. On create, an id or version in the body is ignored: the server"
        + " assigns the id and starts the version at 1. On update, a version in the body must be the current one"
        + " (else 409); an id in the body is ignored in favour of the one in the path.")
@JsonbPropertyOrder({"id", "firstName", "lastName", "subject", "version"})
public record StudentJson(
        @Schema(readOnly = true, description = "Assigned by the server; ignored in request bodies.", example = "42")
        Long id,
        @Schema(required = true, maxLength = 100, description = "Stripped of surrounding white space.", example = "Ada")
        String firstName,
        @Schema(required = true, maxLength = 100, description = "Stripped of surrounding white space.", example = "Lovelace")
        String lastName,
        @Schema(required = true, maxLength = 100, description = "Stripped of surrounding white space.", example = "Mathematics")
        String subject,
        @Schema(description = "Optimistic-locking version, also sent as the ETag. Optional on update: when given,"
                + " it must be the current version.", example = "1")
        Long version) implements RecordJson {

    static StudentJson of(Student student) {
        return new StudentJson(student.getId(), student.getFirstName(), student.getLastName(),
                student.getSubject(), student.getVersion());
    }

    Student toDetails() {
        return new Student(firstName, lastName, subject);
    }
}
