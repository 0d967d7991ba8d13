package org.studentregistry.web.database;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.studentregistry.web.testing.Http;
import org.studentregistry.web.testing.PostgresDatabases;
import org.studentregistry.web.testing.ServerProcess;
import org.studentregistry.web.testing.TestAccounts;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.studentregistry.web.testing.Http.array;
import static org.studentregistry.web.testing.Http.link;
import static org.studentregistry.web.testing.Http.object;
import static org.studentregistry.web.testing.Http.student;

/**
 * Two application processes on one database, as two nodes (or a node and the command line) run: whatever one of them,
 * or any other writer, commits is what the other reads on its very next request, with no wait: totals, every page,
 * a changed record, a deleted one and a revoked token; on a Derby network server and on PostgreSQL.
 */
class SharedDatabaseIT {

    @Test
    void onADerbyNetworkServerEachProcessReadsWhatTheOtherWroteAtOnce() throws SQLException {
        String server = System.getProperty("it.derby.server.url");
        String url = server + "shared-" + UUID.randomUUID() + ";create=true";
        readsFollowWrites(url, null, null);
    }

    @Test
    void onPostgreSqlEachProcessReadsWhatTheOtherWroteAtOnce() throws SQLException {
        PostgresDatabases server = PostgresDatabases.required();
        readsFollowWrites(server.freshSchema("shared"), server.user(), server.password());
    }

    private static void readsFollowWrites(String url, String user, String password) throws SQLException {
        Path logs = Path.of("target", "shared-database", UUID.randomUUID().toString(), "node");
        try (ServerProcess first = ServerProcess.onDatabase(url, user, password, logs.resolveSibling("first"));
             ServerProcess second = ServerProcess.onDatabase(url, user, password, logs.resolveSibling("second"))) {
            first.start();
            second.start();
            Http writer = first.http();
            String token = TestAccounts.adminToken(second.anonymous());
            Http reader = second.anonymous().withToken(token);
            assertEquals("0", total(reader.get("api/students")), "both start from the same empty table");

            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 45; i++) {
                HttpResponse<String> created = writer.post("api/students",
                        student(String.format("F%02d", i), "Shared", "Subject"));
                assertEquals(201, created.statusCode(), created.body());
                ids.add(object(created).getJsonNumber("id").longValue());
            }

            assertEquals("45", total(reader.get("api/students")));
            assertEquals("45", total(reader.get("api/students?q=shared")));
            List<String> byNumber = new ArrayList<>();
            for (int page = 0; page < 3; page++) {
                byNumber.addAll(firstNames(reader.get("api/students?sort=firstName&page=" + page)));
            }
            assertEquals(45, byNumber.size());
            assertEquals("F00", byNumber.get(0));
            assertEquals("F44", byNumber.get(44));
            assertEquals(byNumber, walkByNextLinks(reader, "api/students?sort=firstName"));
            assertEquals(List.of("F44", "F43", "F42", "F41", "F40"),
                    firstNames(reader.get("api/students?sort=firstName,desc&size=5")));
            String lastPage = String.join(",", firstNames(reader.get("api/students?sort=firstName&page=2")));
            assertTrue(lastPage.startsWith("F40") && lastPage.endsWith("F44"), lastPage);

            long changed = ids.get(7);
            HttpResponse<String> read = reader.get("api/students/" + changed);
            assertEquals(200, read.statusCode());
            String etag = read.headers().firstValue("ETag").orElseThrow();
            assertEquals(200, writer.put("api/students/" + changed, student("Grace", "Hopper", "Navy"),
                    "If-Match", etag).statusCode());
            JsonObject afterPut = object(reader.get("api/students/" + changed));
            assertEquals("Navy", afterPut.getString("subject"));
            assertEquals(2, afterPut.getInt("version"));

            try (Connection connection = DriverManager.getConnection(url, user, password);
                 Statement statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE student SET subject = 'Physics', version = version + 1 WHERE id = "
                        + changed);
                statement.executeUpdate("INSERT INTO student (first_name, last_name, subject, version, created_at,"
                        + " updated_at) VALUES ('Zed', 'Shared', 'SQL', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            }
            JsonObject afterSql = object(reader.get("api/students/" + changed));
            assertEquals("Physics", afterSql.getString("subject"), "a third writer's change is read at once");
            assertEquals(3, afterSql.getInt("version"));
            assertEquals("46", total(reader.get("api/students")));
            assertEquals("46", total(writer.get("api/students")));

            assertEquals(204, writer.delete("api/students/" + ids.get(0)).statusCode());
            assertEquals(404, reader.get("api/students/" + ids.get(0)).statusCode());
            assertEquals("45", total(reader.get("api/students")));
            // 45 through the API and one by SQL, less the one deleted and the one renamed Hopper.
            String studentsPage = second.http().get("students?q=Shared&page=2").body();
            assertTrue(studentsPage.contains("Page 3 of 3") && studentsPage.contains("id=\"total\">44<"),
                    studentsPage);

            assertEquals(204, writer.delete("api/tokens/" + tokenId(reader)).statusCode());
            assertEquals(401, reader.get("api/students").statusCode(), "a token revoked on one process is refused"
                    + " by the other on its next request");
        }
    }

    private static List<String> walkByNextLinks(Http http, String first) {
        List<String> names = new ArrayList<>();
        String next = first;
        while (next != null) {
            HttpResponse<String> page = http.get(next);
            assertEquals(200, page.statusCode(), page.body());
            names.addAll(firstNames(page));
            next = link(page, "next");
        }
        return names;
    }

    private static long tokenId(Http http) {
        return array(http.get("api/tokens?sort=id,desc&size=1")).getJsonObject(0).getJsonNumber("id").longValue();
    }

    private static String total(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return response.headers().firstValue("X-Total-Count").orElseThrow();
    }

    private static List<String> firstNames(HttpResponse<String> response) {
        return array(response).getValuesAs(JsonObject.class).stream().map(s -> s.getString("firstName")).toList();
    }
}
