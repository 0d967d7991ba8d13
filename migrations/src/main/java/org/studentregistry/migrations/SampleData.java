package org.studentregistry.migrations;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * Realistic sample data, the same for the same seed: students with varied names and real subjects, users with
 * unique names and addresses, and real books by their real authors. Inserted with JDBC batches, committed in
 * chunks, so that a million rows load in seconds rather than minutes.
 */
public final class SampleData {

    private static final int BATCH = 1_000;
    private static final int COMMIT_EVERY = 50_000;

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
        insert("student", "INSERT INTO student (first_name, last_name, subject, version, created_at, updated_at)"
                + " VALUES (?, ?, ?, 1, ?, ?)", count, progress, (row, i, offset) -> {
            row.setString(1, pick(FIRST_NAMES));
            row.setString(2, pick(LAST_NAMES));
            row.setString(3, pick(SUBJECTS));
        });
    }

    public void users(long count, Progress progress) throws SQLException {
        insert("users", "INSERT INTO users (username, email, version, created_at, updated_at)"
                + " VALUES (?, ?, 1, ?, ?)", count, progress, (row, i, offset) -> {
            // The number after the name makes it unique, also beside users an earlier run added.
            String username = (ascii(pick(FIRST_NAMES)) + "." + ascii(pick(LAST_NAMES))).toLowerCase() + "." + (offset + i + 1);
            row.setString(1, username);
            row.setString(2, username + "@example.org");
        });
    }

    public void books(long count, Progress progress) throws SQLException {
        insert("book", "INSERT INTO book (title, author, version, created_at, updated_at) VALUES (?, ?, 1, ?, ?)",
                count, progress, (row, i, offset) -> {
                    String[] book = BOOKS.get(random.nextInt(BOOKS.size()));
                    row.setString(1, book[0]);
                    row.setString(2, book[1]);
                });
    }

    private interface RowFiller {
        void fill(PreparedStatement row, long index, long offset) throws SQLException;
    }

    private void insert(String table, String sql, long count, Progress progress, RowFiller filler) throws SQLException {
        if (count == 0) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            long offset = maxId(connection, table);
            int timestampIndex = sql.chars().filter(c -> c == '?').map(c -> 1).sum() - 1;
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement row = connection.prepareStatement(sql)) {
                for (long i = 0; i < count; i++) {
                    filler.fill(row, i, offset);
                    row.setTimestamp(timestampIndex, now);
                    row.setTimestamp(timestampIndex + 1, now);
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
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
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
