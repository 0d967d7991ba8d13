package org.studentregistry.migrations;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SQL script of the registry: its text, and its statements (separated by {@code ;}, comments left out), with the
 * folder it was read from.
 */
public record SqlScript(String name, String text, String folder) {

    /* PostgreSQL's dollar quotes ($$ or $tag$), which hold a function's body with its own semicolons. */
    private static final Pattern DOLLAR_QUOTE = Pattern.compile("\\$[A-Za-z_]*\\$");

    /** A script that is in no folder, such as a draft. */
    public SqlScript(String name, String text) {
        this(name, text, null);
    }

    /** The script of that name in one of the registry's script folders, if there is one. */
    public static Optional<SqlScript> load(String folder, String name) {
        String path = folder.replaceFirst("^classpath:", "") + "/" + name;
        try (InputStream in = SqlScript.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new SqlScript(name, new String(in.readAllBytes(), StandardCharsets.UTF_8), folder));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The script of that name in the first of the folders that has one. */
    public static Optional<SqlScript> find(List<String> folders, String name) {
        for (String folder : folders) {
            Optional<SqlScript> script = load(folder, name);
            if (script.isPresent()) {
                return script;
            }
        }
        return Optional.empty();
    }

    /** The statements, in order, without comments or the closing semicolons. */
    public List<String> statements() {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '-' && text.startsWith("--", i)) {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
                current.append('\n');
            } else if (c == ';') {
                add(statements, current);
                i++;
            } else if (c == '\'' || c == '"') {
                i = copyQuoted(current, i, String.valueOf(c));
            } else if (c == '$' && dollarQuoteAt(i) != null) {
                i = copyQuoted(current, i, dollarQuoteAt(i));
            } else {
                current.append(c);
                i++;
            }
        }
        add(statements, current);
        return statements;
    }

    private String dollarQuoteAt(int index) {
        Matcher matcher = DOLLAR_QUOTE.matcher(text).region(index, text.length());
        return matcher.lookingAt() ? matcher.group() : null;
    }

    /** Copies a quoted part, from its opening quote to its closing one (a doubled '' closes and reopens), whole. */
    private int copyQuoted(StringBuilder current, int start, String quote) {
        int end = text.indexOf(quote, start + quote.length());
        int stop = end < 0 ? text.length() : end + quote.length();
        current.append(text, start, stop);
        return stop;
    }

    private static void add(List<String> statements, StringBuilder current) {
        String statement = current.toString().strip();
        if (!statement.isEmpty()) {
            statements.add(statement);
        }
        current.setLength(0);
    }
}
