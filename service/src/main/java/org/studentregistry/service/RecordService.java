package org.studentregistry.service;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.studentregistry.domain.shared.VersionedEntity;
import org.studentregistry.persistence.EntityRepository;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * What the service of every aggregate does the same way: read one record, count them, create, update and delete
 * them, each change in one transaction, each failure in domain terms ({@link RecordNotFoundException},
 * {@link StaleVersionException}, {@link InvalidInputException}, {@link DuplicateValueException},
 * {@link WriteConflictException}).
 *
 * <p>A subclass says how to make a new record and copy the details a user can change, and may check uniqueness
 * before writing (for a clear message) and translate the database's unique constraints (for the race that a
 * check cannot close). A change rolled back over a lock conflict is run again ({@link RetriedOnLockConflict}), in a
 * transaction of its own.
 *
 * <p>Each change is marked {@code @Transactional} and {@code @RetriedOnLockConflict}, here and in a subclass; a read
 * is marked neither. Unmarked, a read joins its caller's transaction if there is one and otherwise reads without, as
 * {@code TxType.SUPPORTS} has it, but without an interceptor on every call: the server's looks up the current
 * invocation and the method's annotation each time, about 2% of the throughput of a GET by id (two reads),
 * measured side by side.
 */
public abstract class RecordService<T extends VersionedEntity> {

    private static final Logger LOG = Logger.getLogger(RecordService.class.getName());
    private static final String UNIQUE_VIOLATION = "23505";

    private String kind;
    private EntityRepository<T> repository;
    private Validator validator;

    /** For CDI's proxy. */
    protected RecordService() {
    }

    protected RecordService(String kind, EntityRepository<T> repository, Validator validator) {
        this.kind = kind;
        this.repository = repository;
        this.validator = validator;
    }

    /** A new, empty record, for a form to fill in. */
    public abstract T newRecord();

    /** Copies the details a user can change from one record to another. */
    public abstract void copyDetails(T from, T to);

    /** How the record is named in messages and logs ("Ada Lovelace"). */
    public abstract String describe(T record);

    /** Refuses, before writing, a record whose unique values another record holds. Nothing to check by default. */
    protected void checkUnique(T record) {
    }

    /** The duplicate a unique constraint of the database reported, if this service knows the constraint. */
    protected Optional<DuplicateValueException> duplicateFor(String constraintViolationMessage, T record) {
        return Optional.empty();
    }

    /** What one record is called in messages: "student". (Every list page asks: no transaction for it.) */
    public String noun() {
        return kind.toLowerCase(Locale.ROOT);
    }

    public Set<String> sortableProperties() {
        return repository.sortableProperties();
    }

    public T get(long id) {
        return repository.findById(id).orElseThrow(() -> new RecordNotFoundException(kind, id));
    }

    public long count() {
        return repository.count();
    }

    /** Stores a new record from the given details; an id or version they carry is ignored. */
    @RetriedOnLockConflict
    @Transactional
    public T create(T details) {
        T record = newRecord();
        copyDetails(details, record);
        return insert(record);
    }

    /** Stores a new record already filled in: validated, checked for duplicates, written and logged. */
    protected T insert(T record) {
        validate(record);
        checkUnique(record);
        T created = write(record);
        LOG.info(() -> "Created " + noun() + " " + created.getId() + " (" + describe(created) + ")");
        return created;
    }

    /**
     * Replaces the details of a record.
     *
     * @param expectedVersion the version the change was made from, or {@code null} to change whatever is current
     */
    @RetriedOnLockConflict
    @Transactional
    public T update(long id, Long expectedVersion, T details) {
        T record = get(id);
        checkVersion(record, expectedVersion);
        copyDetails(details, record);
        validate(record);
        checkUnique(record);
        T updated = write(record);
        LOG.info(() -> "Updated " + noun() + " " + id + " to version " + updated.getVersion());
        return updated;
    }

    /** @param expectedVersion the version the user saw, or {@code null} to delete whatever is current */
    @RetriedOnLockConflict
    @Transactional
    public void delete(long id, Long expectedVersion) {
        T record = get(id);
        checkVersion(record, expectedVersion);
        try {
            repository.delete(record);
        } catch (OptimisticLockException e) {
            throw changedMeanwhile(record);
        }
        LOG.info(() -> "Deleted " + noun() + " " + id + " (" + describe(record) + ")");
    }

    /**
     * Writes a record read in this transaction: a concurrent change of it is a {@link StaleVersionException}, a value
     * that the database's unique constraints refuse a {@link DuplicateValueException} where the subclass knows it.
     */
    protected T write(T record) {
        try {
            return repository.save(record);
        } catch (OptimisticLockException e) {
            throw changedMeanwhile(record);
        } catch (PersistenceException e) {
            throw uniqueViolation(e).flatMap(message -> duplicateFor(message, record)).orElseThrow(() -> e);
        }
    }

    private StaleVersionException changedMeanwhile(T record) {
        return new StaleVersionException(kind, record.getId(), record.getVersion(), record.getVersion() + 1);
    }

    private static Optional<String> uniqueViolation(Throwable e) {
        return Causes.of(e)
                .filter(t -> t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState()))
                .findFirst().map(Throwable::getMessage);
    }

    private void checkVersion(T record, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != record.getVersion()) {
            throw new StaleVersionException(kind, record.getId(), expectedVersion, record.getVersion());
        }
    }

    private void validate(T record) {
        Set<ConstraintViolation<T>> violations = validator.validate(record);
        if (!violations.isEmpty()) {
            throw InvalidInputException.of(violations);
        }
    }
}
