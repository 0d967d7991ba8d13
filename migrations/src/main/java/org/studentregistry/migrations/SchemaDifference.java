package org.studentregistry.migrations;

import org.studentregistry.migrations.SchemaMigrator.Vendor;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One way the migrated schema differs from what the entities expect, with the DDL that would make the schema agree
 * (for a generated {@code V} script) and the DDL that undoes it (for its {@code U} script), in the dialect of the
 * database it is for. What cannot be decided safely, such as dropping a column that may have been renamed, comes out
 * as a commented warning instead.
 */
public sealed interface SchemaDifference {

    /** In words, for {@code check}. */
    String describe();

    /** DDL statements (or {@code --} comment lines) that make the schema agree. */
    List<String> forward(Vendor vendor);

    /** DDL statements (or comments) that undo {@link #forward(Vendor)}. */
    List<String> backward(Vendor vendor);

    record MissingTable(String table, Map<String, String> columns, String primaryKey) implements SchemaDifference {
        public String describe() {
            return "missing table " + lower(table) + " (an entity maps it, no migration creates it)";
        }

        public List<String> forward(Vendor vendor) {
            StringBuilder ddl = new StringBuilder("CREATE TABLE " + lower(table) + " (\n");
            columns.forEach((column, type) -> ddl.append("    ").append(lower(column)).append(' ')
                    .append(columnType(vendor, type)).append(",\n"));
            if (primaryKey.isEmpty()) {
                ddl.setLength(ddl.length() - 2);
                ddl.append("\n)");
            } else {
                ddl.append("    CONSTRAINT pk_").append(lower(table)).append(" PRIMARY KEY (").append(lower(primaryKey))
                        .append(")\n)");
            }
            return List.of(ddl.toString());
        }

        public List<String> backward(Vendor vendor) {
            return List.of("DROP TABLE " + lower(table));
        }
    }

    record ExtraTable(String table) implements SchemaDifference {
        public String describe() {
            return "extra table " + lower(table) + " (no entity maps it)";
        }

        public List<String> forward(Vendor vendor) {
            return List.of("-- WARNING: no entity maps table " + lower(table) + ". If it is no longer needed, drop it"
                    + " (this deletes its rows): DROP TABLE " + lower(table) + ";");
        }

        public List<String> backward(Vendor vendor) {
            return List.of("-- (nothing: the table was not dropped)");
        }
    }

    record MissingColumn(String table, String column, String type) implements SchemaDifference {
        public String describe() {
            return "missing column " + lower(table) + "." + lower(column) + " " + type;
        }

        public List<String> forward(Vendor vendor) {
            if (type.endsWith(" NOT NULL")) {
                return List.of("-- WARNING: " + lower(column) + " is NOT NULL in the entity; existing rows need a value."
                                + " Add a DEFAULT, or fill the column and then: ALTER TABLE " + lower(table)
                                + " ALTER COLUMN " + lower(column) + nullability(vendor, true) + ";",
                        "ALTER TABLE " + lower(table) + " ADD COLUMN " + lower(column) + " "
                                + columnType(vendor, type.replace(" NOT NULL", "")));
            }
            return List.of("ALTER TABLE " + lower(table) + " ADD COLUMN " + lower(column) + " " + columnType(vendor, type));
        }

        public List<String> backward(Vendor vendor) {
            return List.of("ALTER TABLE " + lower(table) + " DROP COLUMN " + lower(column));
        }
    }

    record ExtraColumn(String table, String column) implements SchemaDifference {
        public String describe() {
            return "extra column " + lower(table) + "." + lower(column) + " (no entity maps it)";
        }

        public List<String> forward(Vendor vendor) {
            return List.of("-- WARNING: no entity maps " + lower(table) + "." + lower(column) + ". If it was renamed,"
                    + " rename it instead (RENAME COLUMN " + lower(table) + "." + lower(column) + " TO ...);"
                    + " to drop it and its data: ALTER TABLE " + lower(table) + " DROP COLUMN " + lower(column) + ";");
        }

        public List<String> backward(Vendor vendor) {
            return List.of("-- (nothing: the column was not dropped)");
        }
    }

    record ColumnChanged(String table, String column, String inDatabase, String inEntity) implements SchemaDifference {
        public String describe() {
            return "column " + lower(table) + "." + lower(column) + " is " + inDatabase + " in the database, "
                    + inEntity + " in the entity";
        }

        public List<String> forward(Vendor vendor) {
            return change(vendor, inDatabase, inEntity);
        }

        public List<String> backward(Vendor vendor) {
            return change(vendor, inEntity, inDatabase);
        }

        private List<String> change(Vendor vendor, String from, String to) {
            String alter = "ALTER TABLE " + lower(table) + " ALTER COLUMN " + lower(column);
            String fromType = from.replace(" NOT NULL", "");
            String toType = to.replace(" NOT NULL", "");
            java.util.ArrayList<String> ddl = new java.util.ArrayList<>();
            if (!fromType.equals(toType)) {
                if (fromType.startsWith("VARCHAR") && toType.startsWith("VARCHAR") && length(toType) > length(fromType)) {
                    ddl.add(alter + " SET DATA TYPE " + toType);
                } else {
                    ddl.add("-- WARNING: " + lower(column) + " changes from " + fromType + " to " + toType
                            + ", which the database may not do in place (or which may cut values): add a new column,"
                            + " copy, drop, rename.");
                }
            }
            boolean fromNotNull = from.endsWith(" NOT NULL");
            boolean toNotNull = to.endsWith(" NOT NULL");
            if (fromNotNull != toNotNull) {
                ddl.add(alter + nullability(vendor, toNotNull));
            }
            return ddl;
        }

        private static int length(String varchar) {
            return Integer.parseInt(varchar.substring(varchar.indexOf('(') + 1, varchar.indexOf(')')));
        }
    }

    record PrimaryKeyChanged(String table, String inDatabase, String inEntity) implements SchemaDifference {
        public String describe() {
            return "primary key of " + lower(table) + " is " + key(inDatabase) + " in the database, " + key(inEntity)
                    + " in the entity";
        }

        public List<String> forward(Vendor vendor) {
            return change(inDatabase, inEntity);
        }

        public List<String> backward(Vendor vendor) {
            return change(inEntity, inDatabase);
        }

        /* Only a key where there was none is added for sure; replacing one may fail on the rows, so a person decides. */
        private List<String> change(String from, String to) {
            if (from.isEmpty()) {
                return List.of("ALTER TABLE " + lower(table) + " ADD CONSTRAINT pk_" + lower(table) + " PRIMARY KEY ("
                        + lower(to) + ")");
            }
            if (to.isEmpty()) {
                return List.of("ALTER TABLE " + lower(table) + " DROP CONSTRAINT pk_" + lower(table));
            }
            return List.of("-- WARNING: the primary key of " + lower(table) + " changes from (" + lower(from) + ") to ("
                    + lower(to) + "): drop the old constraint and add the new one, once the rows allow it.");
        }

        private static String key(String columns) {
            return columns.isEmpty() ? "none" : "(" + lower(columns) + ")";
        }
    }

    record MissingUnique(String table, String columns) implements SchemaDifference {
        public String describe() {
            return "missing unique constraint on " + lower(table) + " (" + lower(columns) + ")";
        }

        public List<String> forward(Vendor vendor) {
            return List.of("ALTER TABLE " + lower(table) + " ADD CONSTRAINT " + name() + " UNIQUE (" + lower(columns) + ")");
        }

        public List<String> backward(Vendor vendor) {
            return List.of("ALTER TABLE " + lower(table) + " DROP CONSTRAINT " + name());
        }

        private String name() {
            return "uq_" + lower(table) + "_" + lower(columns).replace(",", "_");
        }
    }

    record ExtraUnique(String table, String columns) implements SchemaDifference {
        public String describe() {
            return "extra unique constraint on " + lower(table) + " (" + lower(columns) + "): the entity does not"
                    + " declare it";
        }

        public List<String> forward(Vendor vendor) {
            return List.of("-- WARNING: the entity does not declare the unique constraint on " + lower(table) + " ("
                    + lower(columns) + "). Declare it on the entity, or drop it: ALTER TABLE " + lower(table)
                    + " DROP CONSTRAINT <its name>;");
        }

        public List<String> backward(Vendor vendor) {
            return List.of("-- (nothing: the constraint was not dropped)");
        }
    }

    record MissingIndex(String table, String columns) implements SchemaDifference {
        public String describe() {
            return "missing index on " + lower(table) + " (" + lower(columns) + ")";
        }

        public List<String> forward(Vendor vendor) {
            return List.of("CREATE INDEX " + name() + " ON " + lower(table) + " (" + lower(columns) + ")");
        }

        public List<String> backward(Vendor vendor) {
            return List.of("DROP INDEX " + name());
        }

        private String name() {
            return "ix_" + lower(table) + "_" + lower(columns).replace(",", "_");
        }
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /* After ALTER COLUMN c: Derby's spelling, or the standard one that PostgreSQL takes. */
    private static String nullability(Vendor vendor, boolean notNull) {
        if (vendor == Vendor.DERBY) {
            return notNull ? " NOT NULL" : " NULL";
        }
        return notNull ? " SET NOT NULL" : " DROP NOT NULL";
    }

    /*
     * PostgreSQL computes a generated column only when it is STORED, which Derby does not write; and it names Derby's
     * large objects (as generate, which compares on Derby, drafts them for both) TEXT and BYTEA.
     */
    private static String columnType(Vendor vendor, String type) {
        if (vendor == Vendor.POSTGRESQL) {
            return type.replaceFirst("(GENERATED ALWAYS AS \\(.*\\))", "$1 STORED")
                    .replaceFirst("^CLOB\\b(\\(\\d+\\))?", "TEXT").replaceFirst("^BLOB\\b(\\(\\d+\\))?", "BYTEA");
        }
        return type;
    }
}
