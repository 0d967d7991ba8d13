package org.studentregistry.domain.shared;

import java.lang.reflect.Field;

/**
 * Entities as JPA hands them out after a read, for unit tests without a database. Only JPA assigns an id and a
 * version, by writing the fields directly (field access); this does the same, so the entities need no setters.
 */
public final class StoredEntities {

    private StoredEntities() {
    }

    /** The entity, with the id and version a stored record would have. */
    public static <T extends VersionedEntity> T asStored(T entity, long id, long version) {
        write(entity, "id", id);
        write(entity, "version", version);
        return entity;
    }

    private static void write(VersionedEntity entity, String name, Object value) {
        try {
            Field field = VersionedEntity.class.getDeclaredField(name);
            field.setAccessible(true);
            field.set(entity, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("VersionedEntity has no field " + name, e);
        }
    }
}
