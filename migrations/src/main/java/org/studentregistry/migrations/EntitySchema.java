package org.studentregistry.migrations;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The schema the JPA entities expect, read from their mapping annotations: tables, columns (SQL type, length,
 * nullability), unique constraints and the indexes they declare. Names are upper case, as Derby reports them.
 */
public record EntitySchema(Map<String, TableShape> tables) {

    /** A table as entities or the database describe it. */
    public record TableShape(Map<String, String> columns, Set<String> uniques, Set<String> indexes) {
    }

    /** Every {@code @Entity} in a package and below it, in the class path entry (jar or folder) of {@code anchor}. */
    public static EntitySchema ofPackage(Class<?> anchor, String packageName) {
        return of(entitiesBeside(anchor, packageName));
    }

    public static EntitySchema of(List<Class<?>> entities) {
        Map<String, TableShape> tables = new TreeMap<>();
        for (Class<?> entity : entities) {
            Table table = entity.getAnnotation(Table.class);
            String name = upper(table != null && !table.name().isEmpty() ? table.name() : entity.getSimpleName());
            Map<String, String> columns = new TreeMap<>();
            Set<String> uniques = new TreeSet<>();
            Set<String> indexes = new TreeSet<>();
            for (Class<?> type = entity; type != null && type != Object.class; type = type.getSuperclass()) {
                if (type != entity && !type.isAnnotationPresent(MappedSuperclass.class)) {
                    continue;
                }
                for (Field field : type.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers()) || Modifier.isTransient(field.getModifiers())
                            || field.isAnnotationPresent(Transient.class)) {
                        continue;
                    }
                    Column column = field.getAnnotation(Column.class);
                    String columnName = upper(column != null && !column.name().isEmpty() ? column.name() : field.getName());
                    boolean notNull = field.getType().isPrimitive() || field.isAnnotationPresent(Id.class)
                            || field.isAnnotationPresent(Version.class) || (column != null && !column.nullable());
                    String generated = column == null ? "" : generation(column.columnDefinition());
                    columns.put(columnName, sqlType(field, column) + generated + (notNull ? " NOT NULL" : ""));
                    if (column != null && column.unique()) {
                        uniques.add(columnName);
                    }
                }
            }
            if (table != null) {
                for (UniqueConstraint unique : table.uniqueConstraints()) {
                    uniques.add(String.join(",", Arrays.stream(unique.columnNames()).map(EntitySchema::upper).toList()));
                }
                for (Index index : table.indexes()) {
                    String columnsOfIndex = String.join(",", Arrays.stream(index.columnList().split(","))
                            .map(String::strip).map(EntitySchema::upper).toList());
                    (index.unique() ? uniques : indexes).add(columnsOfIndex);
                }
            }
            tables.put(name, new TableShape(columns, uniques, indexes));
        }
        return new EntitySchema(tables);
    }

    private static String sqlType(Field field, Column column) {
        Class<?> type = field.getType();
        // Enums are stored by name, and the registry's converters (an account's roles) write text.
        if (type == String.class || type.isEnum() || field.isAnnotationPresent(Convert.class)) {
            return "VARCHAR(" + (column == null ? 255 : column.length()) + ")";
        }
        if (type == long.class || type == Long.class) {
            return "BIGINT";
        }
        if (type == int.class || type == Integer.class) {
            return "INTEGER";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "BOOLEAN";
        }
        if (type == Instant.class || type == java.time.LocalDateTime.class) {
            return "TIMESTAMP";
        }
        if (type == java.time.LocalDate.class) {
            return "DATE";
        }
        return type.getSimpleName().toUpperCase(Locale.ROOT);
    }

    /**
     * For a column the database computes ({@code GENERATED ALWAYS AS (expression)} in an entity's column definition,
     * or in the default JDBC reports for a column), that clause in one spelling, without blanks: {@code " GENERATED
     * ALWAYS AS (LOWER(title))"}; otherwise "". Without it, a drafted table would get a plain column the application never
     * writes, which would stay empty.
     */
    static String generation(String definition) {
        if (definition == null) {
            return "";
        }
        int clause = definition.toUpperCase(Locale.ROOT).indexOf("GENERATED ALWAYS AS");
        if (clause < 0) {
            return "";
        }
        int open = definition.indexOf('(', clause);
        int close = definition.lastIndexOf(')');
        if (open < 0 || close < open) {
            return "";
        }
        return " GENERATED ALWAYS AS (" + canonical(definition.substring(open + 1, close)) + ")";
    }

    /**
     * An expression in the spelling Derby and the entities use, from PostgreSQL's too: PostgreSQL reports
     * {@code lower((title)::text)} for {@code LOWER(title)}, with a cast to text and parentheses of its own.
     */
    static String canonical(String expression) {
        String plain = expression.replaceAll("::[A-Za-z_]+( varying)?", "")
                .replaceAll("\\s+", "")
                .replaceAll("(?<!\\w)\\((\\w+)\\)", "$1");
        return Pattern.compile("([A-Za-z_]+)\\(").matcher(plain)
                .replaceAll(function -> function.group(1).toUpperCase(Locale.ROOT) + "(");
    }

    static String upper(String name) {
        return name.toUpperCase(Locale.ROOT);
    }

    private static List<Class<?>> entitiesBeside(Class<?> anchor, String packageName) {
        String packagePath = packageName.replace('.', '/');
        List<Class<?>> entities = new ArrayList<>();
        try {
            Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                collect(location, location.resolve(packagePath), anchor.getClassLoader(), entities);
            } else {
                try (FileSystem jar = FileSystems.newFileSystem(location)) {
                    Path root = jar.getPath("/");
                    collect(root, root.resolve(packagePath), anchor.getClassLoader(), entities);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return entities;
    }

    private static void collect(Path root, Path folder, ClassLoader loader, List<Class<?>> entities) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                try {
                    Class<?> type = Class.forName(name, false, loader);
                    if (type.isAnnotationPresent(Entity.class)) {
                        entities.add(type);
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    // Not loadable here, so not an entity this check can read.
                }
            }
        }
    }
}
