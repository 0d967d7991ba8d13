package org.studentregistry.persistence.testing;

import jakarta.persistence.EntityManager;
import org.studentregistry.persistence.book.BookRepository;
import org.studentregistry.persistence.student.StudentRepository;
import org.studentregistry.persistence.token.ApiTokenRepository;
import org.studentregistry.persistence.user.UserRepository;

/**
 * The repositories built as the container builds them, through their injection constructor, on an EntityManager
 * that a test manages (see {@link TestDatabase}).
 */
public final class Repositories {

    private Repositories() {
    }

    public static StudentRepository students(EntityManager entityManager) {
        return new StudentRepository(entityManager);
    }

    public static UserRepository users(EntityManager entityManager) {
        return new UserRepository(entityManager);
    }

    public static BookRepository books(EntityManager entityManager) {
        return new BookRepository(entityManager);
    }

    public static ApiTokenRepository tokens(EntityManager entityManager) {
        return new ApiTokenRepository(entityManager);
    }
}
