package org.studentregistry.migrations;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A SQL script of the registry: its text, and its statements (separated by {@code ;}, comments left out). */
public record SqlScript(String name, String text) {

    /** The script of that name in the registry's migration folder, if there is one. */
    public static Optional<SqlScript> load(String folder, String name) {
        String path = folder.replaceFirst("^classpath:", "") + "/" + name;
        try (InputStream in = SqlScript.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new SqlScript(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The statements, in order, without comments or the closing semicolons. */
    public List<String> statements() {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!quoted && c == '-' && i + 1 < text.length() && text.charAt(i + 1) == '-') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
                current.append('\n');
            } else if (!quoted && c == ';') {
                add(statements, current);
            } else {
                if (c == '\'') {
                    quoted = !quoted;
                }
                current.append(c);
            }
        }
        add(statements, current);
        return statements;
    }

    private static void add(List<String> statements, StringBuilder current) {
        String statement = current.toString().strip();
        if (!statement.isEmpty()) {
            statements.add(statement);
        }
        current.setLength(0);
    }
}
