package org.studentregistry.migrations;

import javax.sql.DataSource;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/**
 * Realistic sample data, the same for the same seed: students with varied names and real subjects, users with
 * unique names and addresses, and real books by their real authors. Loaded with PostgreSQL's COPY on PostgreSQL;
 * on Derby with JDBC batches committed in chunks or, into an empty embedded Derby table, with Derby's bulk import.
 */
public final class SampleData {

    private static final int BATCH = 1_000;
    /** From this many rows into an empty table, Derby's bulk import is used. */
    private static final int BULK_THRESHOLD = 10_000;
    private static final int COMMIT_EVERY = 50_000;
    /**
     * Room a row takes in an embedded Derby database, with its indexes, rounded up: a million students take 430 MB
     * when bulk loaded.
     */
    public static final long STORED_BYTES_PER_ROW = 500;
    /** Room a row takes in the bulk import's temporary file, rounded up (about 91 bytes for a student). */
    public static final long IMPORT_FILE_BYTES_PER_ROW = 120;

    private static final List<String> FIRST_NAMES = List.of("Ada", "Alan", "Grace", "Linus", "Barbara", "Edsger",
            "Donald", "Margaret", "Ken", "Dennis", "Frances", "John", "Radia", "Tim", "Guido", "Anita", "Katherine",
            "Claude", "Hedy", "Tony", "Niklaus", "Leslie", "Shafi", "Yukihiro", "Bjarne", "James", "Sophie", "Karen",
            "Amir", "Fatima", "Wei", "Mei", "Hiroshi", "Aiko", "Olu", "Chiamaka", "Ivan", "Olga", "Mateo", "Lucia",
            "Noah", "Emma", "Liam", "Olivia", "Ravi", "Priya", "Sven", "Ingrid", "Pierre", "Amélie", "José", "Zoë");
    private static final List<String> LAST_NAMES = List.of("Lovelace", "Turing", "Hopper", "Torvalds", "Liskov",
            "Dijkstra", "Knuth", "Hamilton", "Thompson", "Ritchie", "Allen", "McCarthy", "Perlman", "Berners-Lee",
            "van Rossum", "Borg", "Johnson", "Shannon", "Lamarr", "Hoare", "Wirth", "Lamport", "Goldwasser",
            "Matsumoto", "Stroustrup", "Gosling", "Wilson", "Spärck Jones", "Haddad", "Okafor", "Zhang", "Chen",
            "Tanaka", "Suzuki", "Adeyemi", "Nwosu", "Petrov", "Ivanova", "García", "Fernández", "Smith", "Brown",
            "Müller", "Schmidt", "Patel", "Sharma", "Andersson", "Larsen", "Dubois", "Moreau", "O'Brien", "Kowalski");
    private static final List<String> SUBJECTS = List.of("Mathematics", "Physics", "Chemistry", "Biology",
            "Computer Science", "History", "English Literature", "Philosophy", "Economics", "Geography", "Music",
            "Art History", "Psychology", "Sociology", "Linguistics", "Astronomy", "Statistics", "Law", "Medicine",
            "Architecture", "Political Science", "Classics", "Engineering", "Geology", "Anthropology");
    private static final List<String[]> BOOKS = List.of(
            new String[]{"Pride and Prejudice", "Jane Austen"}, new String[]{"Emma", "Jane Austen"},
            new String[]{"Persuasion", "Jane Austen"}, new String[]{"Sense and Sensibility", "Jane Austen"},
            new String[]{"Jane Eyre", "Charlotte Brontë"}, new String[]{"Villette", "Charlotte Brontë"},
            new String[]{"Wuthering Heights", "Emily Brontë"}, new String[]{"Middlemarch", "George Eliot"},
            new String[]{"Great Expectations", "Charles Dickens"}, new String[]{"Bleak House", "Charles Dickens"},
            new String[]{"Moby-Dick", "Herman Melville"}, new String[]{"War and Peace", "Leo Tolstoy"},
            new String[]{"Anna Karenina", "Leo Tolstoy"}, new String[]{"Crime and Punishment", "Fyodor Dostoevsky"},
            new String[]{"The Brothers Karamazov", "Fyodor Dostoevsky"}, new String[]{"Madame Bovary", "Gustave Flaubert"},
            new String[]{"Don Quixote", "Miguel de Cervantes"}, new String[]{"One Hundred Years of Solitude", "Gabriel García Márquez"},
            new String[]{"Things Fall Apart", "Chinua Achebe"}, new String[]{"Beloved", "Toni Morrison"},
            new String[]{"Mrs Dalloway", "Virginia Woolf"}, new String[]{"To the Lighthouse", "Virginia Woolf"},
            new String[]{"Ulysses", "James Joyce"}, new String[]{"Nineteen Eighty-Four", "George Orwell"},
            new String[]{"Animal Farm", "George Orwell"}, new String[]{"The Left Hand of Darkness", "Ursula K. Le Guin"},
            new String[]{"A Wizard of Earthsea", "Ursula K. Le Guin"}, new String[]{"Dune", "Frank Herbert"},
            new String[]{"Foundation", "Isaac Asimov"}, new String[]{"I, Robot", "Isaac Asimov"},
            new String[]{"The Hobbit", "J. R. R. Tolkien"}, new String[]{"Frankenstein", "Mary Shelley"},
            new String[]{"Dracula", "Bram Stoker"}, new String[]{"The Tale of Genji", "Murasaki Shikibu"},
            new String[]{"Kokoro", "Natsume Sōseki"}, new String[]{"The Master and Margarita", "Mikhail Bulgakov"},
            new String[]{"The Trial", "Franz Kafka"}, new String[]{"Invisible Cities", "Italo Calvino"},
            new String[]{"Ficciones", "Jorge Luis Borges"}, new String[]{"Half of a Yellow Sun", "Chimamanda Ngozi Adichie"},
            new String[]{"The Art of Computer Programming", "Donald Knuth"}, new String[]{"Gödel, Escher, Bach", "Douglas Hofstadter"},
            new String[]{"The Structure of Scientific Revolutions", "Thomas Kuhn"}, new String[]{"A Brief History of Time", "Stephen Hawking"},
            new String[]{"The Origin of Species", "Charles Darwin"}, new String[]{"Silent Spring", "Rachel Carson"});

    /** Told how far each table has got. */
    public interface Progress {
        void advanced(String table, long done, long total);
    }

    private final DataSource dataSource;
    private final Random random;

    public SampleData(DataSource dataSource, long seed) {
        this.dataSource = dataSource;
        this.random = new Random(seed);
    }

    public void students(long count, Progress progress) throws SQLException {
        insert("student", List.of("first_name", "last_name", "subject"), count, progress,
                (i, offset) -> new String[]{pick(FIRST_NAMES), pick(LAST_NAMES), pick(SUBJECTS)});
    }

    public void users(long count, Progress progress) throws SQLException {
        insert("users", List.of("username", "email"), count, progress, (i, offset) -> {
            // The number after the name makes it unique, also beside users an earlier run added.
            String username = (ascii(pick(FIRST_NAMES)) + "." + ascii(pick(LAST_NAMES))).toLowerCase(Locale.ROOT)
                    + "." + (offset + i + 1);
            return new String[]{username, username + "@example.org"};
        });
    }

    public void books(long count, Progress progress) throws SQLException {
        insert("book", List.of("title", "author"), count, progress, (i, offset) -> {
            String[] book = BOOKS.get(random.nextInt(BOOKS.size()));
            return new String[]{book[0], book[1]};
        });
    }

    /** The values of one row's columns; {@code offset} is the highest id the table had before. */
    interface RowMaker {
        String[] make(long index, long offset);
    }

    private void insert(String table, List<String> columns, long count, Progress progress, RowMaker rows)
            throws SQLException {
        if (count == 0) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            long offset = maxId(connection, table);
            try {
                if (SchemaMigrator.Vendor.of(connection) == SchemaMigrator.Vendor.POSTGRESQL) {
                    new PostgresCopy(connection, table, columns, COMMIT_EVERY).load(count, progress, rows, offset);
                } else if (offset == 0 && count >= BULK_THRESHOLD && isEmbeddedDerby(connection)) {
                    bulkImport(connection, table, columns, count, progress, rows);
                } else {
                    batchInsert(connection, table, columns, count, progress, rows, offset);
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private void batchInsert(Connection connection, String table, List<String> columns, long count, Progress progress,
                             RowMaker rows, long offset) throws SQLException {
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ", version, created_at, updated_at)"
                + " VALUES (" + "?, ".repeat(columns.size()) + "1, ?, ?)";
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement row = connection.prepareStatement(sql)) {
            for (long i = 0; i < count; i++) {
                String[] values = rows.make(i, offset);
                for (int c = 0; c < values.length; c++) {
                    row.setString(c + 1, values[c]);
                }
                row.setTimestamp(values.length + 1, now);
                row.setTimestamp(values.length + 2, now);
                row.addBatch();
                long done = i + 1;
                if (done % BATCH == 0 || done == count) {
                    row.executeBatch();
                }
                if (done % COMMIT_EVERY == 0 || done == count) {
                    connection.commit();
                    progress.advanced(table, done, count);
                }
            }
        }
    }

    /*
     * Into an empty table without triggers Derby's import procedure loads in bulk and builds each index once at the
     * end, instead of inserting into every index row by row: for students, with their eight indexes, two and a half
     * times as fast for 100,000 and three times for a million. The table's row-count triggers are set aside for it
     * (DerbyCountTriggers).
     */
    private void bulkImport(Connection connection, String table, List<String> columns, long count, Progress progress,
                            RowMaker rows) throws SQLException {
        Path file = null;
        try {
            file = Files.createTempFile("registry-" + table, ".csv");
            // Also when the command is interrupted (Ctrl-C), which skips the finally below: the file can be gigabytes.
            file.toFile().deleteOnExit();
            String now = Timestamp.from(Instant.now()).toString();
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (long i = 0; i < count; i++) {
                    for (String value : rows.make(i, 0)) {
                        out.write('"');
                        out.write(value.replace("\"", "\"\""));
                        out.write("\",");
                    }
                    out.write("1," + now + "," + now + "\n");
                    if ((i + 1) % COMMIT_EVERY == 0) {
                        progress.advanced(table, (i + 1) / 2, count);
                    }
                }
            }
            Optional<DerbyCountTriggers> triggers = DerbyCountTriggers.setAside(connection, table);
            try (CallableStatement load = connection.prepareCall(
                    "CALL SYSCS_UTIL.SYSCS_IMPORT_DATA(NULL, ?, ?, NULL, ?, ',', '\"', 'UTF-8', 0)")) {
                load.setString(1, table.toUpperCase(Locale.ROOT));
                load.setString(2, String.join(",", columns).toUpperCase(Locale.ROOT) + ",VERSION,CREATED_AT,UPDATED_AT");
                load.setString(3, file.toString());
                load.execute();
            }
            if (triggers.isPresent()) {
                triggers.get().restore();
            }
            progress.advanced(table, count, count);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // A temporary file left behind is the system's to clean.
                }
            }
        }
    }

    private static boolean isEmbeddedDerby(Connection connection) throws SQLException {
        String url = connection.getMetaData().getURL();
        return url.startsWith("jdbc:derby:") && !url.startsWith("jdbc:derby://");
    }

    private static long maxId(Connection connection, String table) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A name as it can stand in a username: letters and digits only. */
    private static String ascii(String name) {
        String plain = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.replaceAll("[^A-Za-z0-9]", "");
    }
}
