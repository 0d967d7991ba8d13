package org.studentregistry.domain.student;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.studentregistry.domain.shared.KeyLength;
import org.studentregistry.domain.shared.SingleLine;
import org.studentregistry.domain.shared.Text;
import org.studentregistry.domain.shared.VersionedEntity;

/**
 * A student of the registry: a name and the subject they study.
 *
 * <p>Names and subject are stripped of surrounding white space as they are set, so what is validated is what
 * is stored. 100 characters is the column width the migrations give each field: long enough for real names
 * (the longest in common registries stay well under 60), short enough to keep the sort and search indexes small.
 */
@Entity
@Table(name = "student")
public class Student extends VersionedEntity {

    private static final long serialVersionUID = 1L;

    /** The width of each text column, shared with the migrations that create them. */
    public static final int MAX_LENGTH = 100;

    @NotBlank(message = "{student.firstName.required}")
    @Size(max = MAX_LENGTH, message = "{student.firstName.size}")
    @SingleLine
    @KeyLength(max = MAX_LENGTH)
    @Column(name = "first_name", nullable = false, length = MAX_LENGTH)
    private String firstName;

    @NotBlank(message = "{student.lastName.required}")
    @Size(max = MAX_LENGTH, message = "{student.lastName.size}")
    @SingleLine
    @KeyLength(max = MAX_LENGTH)
    @Column(name = "last_name", nullable = false, length = MAX_LENGTH)
    private String lastName;

    @NotBlank(message = "{student.subject.required}")
    @Size(max = MAX_LENGTH, message = "{student.subject.size}")
    @SingleLine
    @Column(name = "subject", nullable = false, length = MAX_LENGTH)
    private String subject;

    /*
     * Lower-cased copies of the names, computed by the database (generated columns) so that the
     * case-insensitive prefix search can use an index: Derby has no indexes on expressions. Read-only here; the
     * column definition says how the database computes them, for the schema check and a drafted migration.
     */
    @Column(name = "first_name_key", insertable = false, updatable = false, length = MAX_LENGTH,
            columnDefinition = "VARCHAR(" + MAX_LENGTH + ") GENERATED ALWAYS AS (LOWER(first_name))")
    private String firstNameKey;

    @Column(name = "last_name_key", insertable = false, updatable = false, length = MAX_LENGTH,
            columnDefinition = "VARCHAR(" + MAX_LENGTH + ") GENERATED ALWAYS AS (LOWER(last_name))")
    private String lastNameKey;

    public Student() {
    }

    public Student(String firstName, String lastName, String subject) {
        setFirstName(firstName);
        setLastName(lastName);
        setSubject(subject);
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = Text.normalize(firstName);
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = Text.normalize(lastName);
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = Text.normalize(subject);
    }

    /** Takes over the fields a user can change, leaving identity, version and timestamps alone. */
    public void copyDetailsFrom(Student other) {
        setFirstName(other.getFirstName());
        setLastName(other.getLastName());
        setSubject(other.getSubject());
    }

    public String getFullName() {
        return firstName + " " + lastName;
    }

    @Override
    public String toString() {
        return "Student[id=" + getId() + ", " + getFullName() + ", " + subject + "]";
    }
}
