package org.studentregistry.migrations.mapping;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;

@Entity
public class Enrolment {

    public enum Grade { PASS, MERIT, DISTINCTION }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    private Course course;

    @Lob
    private String notes;

    @Embedded
    private Period period;

    /* No @Enumerated: JPA stores an enum by its ordinal unless told otherwise. */
    private Grade grade;
}
