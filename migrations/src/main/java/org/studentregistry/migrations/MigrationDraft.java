package org.studentregistry.migrations;

import org.studentregistry.migrations.SchemaMigrator.Vendor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The next migration written from the differences between entities and schema: a {@code V<n>__<description>.sql}
 * that makes them agree and the {@code U<n>__<description>.sql} that undoes it, in the dialect of one database, for
 * a person to review before it is applied.
 */
public record MigrationDraft(String version, String description, List<SchemaDifference> differences, Vendor vendor) {

    public String slug() {
        return description.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    public String upgradeName() {
        return "V" + version + "__" + slug() + ".sql";
    }

    public String downgradeName() {
        return "U" + version + "__" + slug() + ".sql";
    }

    public String upgrade() {
        StringBuilder sql = header("Makes the schema match the entities: " + description);
        for (SchemaDifference difference : differences) {
            sql.append("\n-- ").append(difference.describe()).append('\n');
            difference.forward(vendor).forEach(line -> sql.append(line).append(line.startsWith("--") ? "\n" : ";\n"));
        }
        return sql.toString();
    }

    public String downgrade() {
        StringBuilder sql = header("Undoes V" + version + ": " + description);
        List<SchemaDifference> reversed = new ArrayList<>(differences);
        java.util.Collections.reverse(reversed);
        for (SchemaDifference difference : reversed) {
            sql.append("\n-- undo: ").append(difference.describe()).append('\n');
            List<String> lines = new ArrayList<>(difference.backward(vendor));
            java.util.Collections.reverse(lines);
            lines.forEach(line -> sql.append(line).append(line.startsWith("--") ? "\n" : ";\n"));
        }
        return sql.toString();
    }

    /** Writes both scripts into the folder, refusing to overwrite; returns their paths. */
    public List<Path> writeTo(Path folder) throws IOException {
        Path upgrade = folder.resolve(upgradeName());
        Path downgrade = folder.resolve(downgradeName());
        if (Files.exists(upgrade) || Files.exists(downgrade)) {
            throw new IOException(upgrade + " or " + downgrade + " exists already");
        }
        Files.writeString(upgrade, upgrade(), StandardCharsets.UTF_8);
        Files.writeString(downgrade, downgrade(), StandardCharsets.UTF_8);
        return List.of(upgrade, downgrade);
    }

    private static StringBuilder header(String what) {
        return new StringBuilder("-- ").append(what).append('\n')
                .append("-- Drafted from the entities by registry-db generate: review it, then apply it with migrate.\n");
    }
}
