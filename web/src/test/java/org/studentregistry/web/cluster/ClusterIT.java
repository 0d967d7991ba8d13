package org.studentregistry.web.cluster;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.studentregistry.web.testing.Browser;
import org.studentregistry.web.testing.BrowserPages;
import org.studentregistry.web.testing.Cluster;
import org.studentregistry.web.testing.FacesForm;
import org.studentregistry.web.testing.Http;
import org.studentregistry.web.testing.Nginx;
import org.studentregistry.web.testing.PostgresDatabases;
import org.studentregistry.web.testing.TestAccounts;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.studentregistry.web.testing.Http.array;
import static org.studentregistry.web.testing.Http.object;
import static org.studentregistry.web.testing.Http.student;

/**
 * Three Payara Micro nodes on one PostgreSQL, clustered on loopback, behind nginx, as {@code ./cluster start 3}
 * runs them (one start serves every test here): they migrate the database once between them, and whatever one node
 * is told (a record, a token's revocation, a sign-in, a form's view) counts on the others from their next
 * request; through the proxy a browser stays on its node and signed in until it signs out, and requests without a
 * session are spread over the nodes. Last, under load through the proxy, nodes are restarted in turn (with
 * {@code -Preliability}) and one is killed and started again, and the records it wrote and the users it served
 * are checked afterwards. Needs PostgreSQL ({@link PostgresDatabases}) and nginx ({@link Nginx}).
 */
@ExtendWith(Nginx.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final int NODES = 3;

    private PostgresDatabases postgres;
    private String database;
    private Cluster cluster;

    @BeforeAll
    void startTheCluster() {
        postgres = PostgresDatabases.required();
        database = postgres.freshSchema("cluster");
        cluster = new Cluster(database, postgres.user(), postgres.password(),
                Path.of("target", "cluster", UUID.randomUUID().toString()));
        cluster.start(NODES);
    }

    @AfterAll
    void stopTheCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void nodesThatStartTogetherFormOneClusterAndApplyEachMigrationOnce() throws SQLException {
        Map<String, Integer> applied = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(database, postgres.user(), postgres.password());
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT version, COUNT(*), BOOL_AND(success)"
                     + " FROM flyway_schema_history WHERE version IS NOT NULL GROUP BY version")) {
            while (rs.next()) {
                assertTrue(rs.getBoolean(3), "migration " + rs.getString(1) + " succeeded");
                applied.put(rs.getString(1), rs.getInt(2));
            }
        }
        assertFalse(applied.isEmpty(), "the schema was migrated");
        applied.forEach((version, times) -> assertEquals(1, times, "migration " + version + " applied once"));

        // Flyway holds its lock on PostgreSQL for one migration at a time, so the nodes may take turns; between
        // them they apply each migration once, and every node ends at the same version.
        Pattern outcome = Pattern.compile(
                "Database schema is at version (\\S+) \\((applied (\\d+) migration|up to date)");
        Set<String> versions = new HashSet<>();
        int appliedByNodes = 0;
        for (int node : cluster.nodes()) {
            String log = cluster.log(node);
            assertFalse(log.contains("Database migration failed"), "node " + node + " migrated or found it done");
            assertTrue(log.contains("DG Size: " + NODES), "node " + node + " saw all " + NODES + " members");
            Matcher migrated = outcome.matcher(log);
            assertTrue(migrated.find(), "node " + node + " logged its schema version");
            versions.add(migrated.group(1));
            appliedByNodes += migrated.group(3) == null ? 0 : Integer.parseInt(migrated.group(3));
        }
        assertEquals(applied.size(), appliedByNodes, "the nodes applied " + applied.size() + " migrations in all");
        assertEquals(1, versions.size(), "every node is at the same version: " + versions);
    }

    @Test
    void aRecordChangedThroughOneNodeIsReadSoThroughEveryOther() {
        String token = TestAccounts.adminToken(cluster.node(1));
        Http first = cluster.node(1).withToken(token);
        Http second = cluster.node(2).withToken(token);
        Http third = cluster.node(3).withToken(token);
        String last = "Node" + UUID.randomUUID().toString().substring(0, 8);

        HttpResponse<String> created = first.post("api/students", student("Ada", last, "Mathematics"));
        assertEquals(201, created.statusCode(), created.body());
        long id = object(created).getJsonNumber("id").longValue();
        for (Http node : List.of(second, third)) {
            HttpResponse<String> read = node.get("api/students/" + id);
            assertEquals(200, read.statusCode(), read.body());
            assertEquals(last, object(read).getString("lastName"));
            assertEquals("1", node.get("api/students?q=" + last).headers().firstValue("X-Total-Count").orElse(""));
        }

        String etag = second.get("api/students/" + id).headers().firstValue("ETag").orElseThrow();
        assertEquals(200, second.put("api/students/" + id, student("Ada", last, "Physics"), "If-Match", etag)
                .statusCode());
        JsonObject changed = object(third.get("api/students/" + id));
        assertEquals("Physics", changed.getString("subject"));
        assertEquals(412, first.put("api/students/" + id, student("Ada", last, "Chemistry"), "If-Match", etag)
                .statusCode(), "the version the second node moved on is stale on the first");

        assertEquals(204, third.delete("api/students/" + id).statusCode());
        assertEquals(404, first.get("api/students/" + id).statusCode());
        assertEquals(404, second.get("api/students/" + id).statusCode());
    }

    @Test
    void aTokenRevokedThroughOneNodeIsRefusedByTheOthersFromTheirNextRequest() {
        Http admin = TestAccounts.signIn(cluster.node(1), TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
        String name = "cluster " + System.nanoTime();
        String token = TestAccounts.issueToken(admin, name, "viewer");
        Http second = cluster.node(2).withToken(token);
        Http third = cluster.node(3).withToken(token);
        assertEquals(200, second.get("api/students").statusCode());
        assertEquals(200, third.get("api/students").statusCode());

        Http revoker = cluster.node(1).withToken(TestAccounts.adminToken(cluster.node(1)));
        long id = array(revoker.get("api/tokens?sort=id,desc&size=100")).getValuesAs(JsonObject.class).stream()
                .filter(issued -> issued.getString("name").equals(name))
                .findFirst().orElseThrow().getJsonNumber("id").longValue();
        assertEquals(204, revoker.delete("api/tokens/" + id).statusCode());

        assertEquals(401, second.get("api/students").statusCode(), "refused by the second node at once");
        assertEquals(401, third.get("api/students").statusCode(), "refused by the third node at once");
    }

    @Test
    void aSignedInSessionGoesOnWhenItsRequestsGoToAnotherNode() {
        Http onFirst = TestAccounts.signIn(cluster.node(1), TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
        // Each page's view goes with the session: the token page's one too, which holds the most beans.
        TestAccounts.issueToken(onFirst, "session " + System.nanoTime(), "viewer");
        Http onSecond = onFirst.at(cluster.nodeUri(2));
        Http onThird = onFirst.at(cluster.nodeUri(3));
        assertEquals(200, onSecond.get("students").statusCode(), "signed in on the second node too");
        assertEquals(200, onThird.get("users").statusCode(), "and on the third, with the admin's roles");

        // An edit form shown by one node and saved through another: the form's view (which record, at which
        // version) went with the session, so the save changes that record rather than adding one.
        Http api = cluster.node(1).withToken(TestAccounts.adminToken(cluster.node(1)));
        String last = "Form" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = api.post("api/students", student("Grace", last, "Navy"));
        assertEquals(201, created.statusCode(), created.body());
        long id = object(created).getJsonNumber("id").longValue();
        HttpResponse<String> form = onSecond.get("students/edit?id=" + id);
        assertEquals(200, form.statusCode());
        HttpResponse<String> saved = FacesForm.post(onThird, form.body(), "student", "save",
                Map.of("firstName", "Grace", "lastName", last, "subject", "Computing"));
        assertEquals(302, saved.statusCode(), "saved through another node than the one that showed the form: "
                + saved.body());
        assertEquals(1, array(api.get("api/students?q=" + last)).size(), "no student was added");
        JsonObject edited = object(api.get("api/students/" + id));
        assertEquals("Computing", edited.getString("subject"));
        assertEquals(2, edited.getInt("version"));
    }

    @Test
    void behindTheProxyAFailedSignInIsCountedAgainstTheBrowsersAddress() throws InterruptedException {
        Http browser = cluster.proxy().withCookies();
        String username = "stranger" + System.nanoTime();
        HttpResponse<String> form = browser.get("sign-in");
        assertEquals(200, form.statusCode());
        // nginx appends the address it was reached from (127.0.0.1, the proxies' own) to what the browser sent.
        HttpResponse<String> failed = FacesForm.post(browser, form.body(), "signin", "submit",
                Map.of("username", username, "password", "not-the-password"), "X-Forwarded-For", "203.0.113.7");
        assertEquals(200, failed.statusCode(), "the form again");
        // Counted and logged against the browser's address, not the proxy's.
        cluster.awaitLog("Sign-in failed for '" + username + "' from 203.0.113.7", Duration.ofSeconds(10));
    }

    /**
     * A node keeps a copy of a session it served, and Payara tells it of the session's changes made elsewhere but
     * not of its end: the sign-out count in the database ends that copy too.
     */
    @Test
    void aSignOutThroughOneNodeEndsTheSessionOnTheOthers() {
        String username = "leaver" + System.nanoTime();
        TestAccounts.account(cluster.node(1).withToken(TestAccounts.adminToken(cluster.node(1))), username,
                "leaver-password-1", "viewer");
        Http onFirst = TestAccounts.signIn(cluster.node(1), username, "leaver-password-1");
        Http onSecond = onFirst.at(cluster.nodeUri(2));
        assertEquals(200, onSecond.get("students").statusCode(), "the second node holds the session too");
        assertEquals(200, onFirst.get("students").statusCode());

        HttpResponse<String> out = TestAccounts.signOut(onFirst);
        assertEquals(302, out.statusCode());
        assertTrue(TestAccounts.isSignInRedirect(onSecond.get("students")),
                "the copy on the second node is signed out as well");
    }

    /**
     * Each node in turn is taken out of the proxy, stopped (SIGTERM) and started again, under a stream of API reads
     * and creates through the proxy: no request fails or goes unanswered, every create is stored once, and a
     * signed-in user stays signed in throughout. The proxy is never reloaded for it, so no kept-alive connection of
     * a client is closed under a request. Three node starts under load take minutes on two cores: {@code
     * -Dcluster.rolling-restart=false} skips it.
     */
    @Test
    @Order(Integer.MAX_VALUE - 2)
    void aRollingRestartUnderLoadFailsNoRequest() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("cluster.rolling-restart"),
                "the rolling restart is skipped (cluster.rolling-restart=false)");
        Http user = TestAccounts.signIn(cluster.proxy(), TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
        String prefix = "Roll" + UUID.randomUUID().toString().substring(0, 6);
        ProxyLoad load = new ProxyLoad(cluster.proxy().withToken(TestAccounts.adminToken(cluster.node(1))), prefix);
        load.start();
        try {
            for (int node : cluster.nodes()) {
                cluster.stopNode(node);
                assertEquals(200, user.get("students").statusCode(), "signed in while node " + node + " is down");
                cluster.startNode(node);
                assertEquals(200, user.get("students").statusCode(), "signed in after node " + node + " is back");
            }
        } finally {
            load.stop();
        }
        System.out.println("Rolling restart: " + load.reads() + " reads, " + load.acknowledged().size()
                + " creates acknowledged, not acknowledged: " + load.unacknowledgedWrites());
        assertEquals(List.of(), load.failedReads(), "no read failed (" + load.reads() + " made)");
        assertEquals(Map.of(), load.unacknowledgedWrites(), "no create failed or went unanswered");
        Map<String, Integer> stored = storedTimes(prefix);
        load.acknowledged().forEach((id, name) -> assertEquals(1, stored.getOrDefault(name, 0),
                "acknowledged create " + name + " (id " + id + ") is stored once"));
    }

    /* A create that got no answer at all never reached a node, so the client may send it again. */
    private static void neverDelivered(ProxyLoad load, Map<String, Integer> stored) {
        load.unansweredWrites().forEach(name -> assertEquals(0, stored.getOrDefault(name, 0),
                "the unanswered create " + name + " never reached a node"));
    }

    /**
     * Under a stream of API reads and creates through the proxy, the node that serves a signed-in user, who has an
     * edit form open, is killed (SIGKILL) and then started again. No read fails (the proxy retries it on another
     * node), every create answered 201 is stored, and none twice (a create that reached the dead node is not sent
     * again; its client gets a 502 as problem details instead of a 201). The user, moved to another node, is still
     * signed in, and the form saves. The node comes back into the proxy once ready, and serves again.
     */
    @Test
    @Order(Integer.MAX_VALUE - 1)
    void aNodeKilledUnderLoadLosesNoAcknowledgedWriteFailsNoReadAndSignsNoOneOut() throws Exception {
        String token = TestAccounts.adminToken(cluster.node(1));
        Http api = cluster.proxy().withToken(token);
        Http user = TestAccounts.signIn(cluster.proxy(), TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
        String mark = "whoami-" + UUID.randomUUID();
        assertEquals(200, user.get("hello?" + mark).statusCode());
        int victim = cluster.nodeThatServed(mark);
        String last = "Kept" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = api.post("api/students", student("Half", last, "Before"));
        assertEquals(201, created.statusCode(), created.body());
        long edited = object(created).getJsonNumber("id").longValue();
        HttpResponse<String> form = user.get("students/edit?id=" + edited);
        assertEquals(200, form.statusCode(), "the edit form, shown by node " + victim);

        String prefix = "Load" + UUID.randomUUID().toString().substring(0, 6);
        ProxyLoad load = new ProxyLoad(api, prefix);
        load.start();
        try {
            Thread.sleep(3_000);
            cluster.kill(victim);

            assertEquals(200, user.get("students").statusCode(), "still signed in, on another node");
            HttpResponse<String> saved = FacesForm.post(user, form.body(), "student", "save",
                    Map.of("firstName", "Half", "lastName", last, "subject", "After"));
            assertEquals(302, saved.statusCode(), "the form shown by the killed node saves: " + saved.body());

            Thread.sleep(5_000);
            cluster.startNode(victim);
            Thread.sleep(3_000);
        } finally {
            load.stop();
        }

        assertEquals(List.of(), load.failedReads(), "no read failed (" + load.reads() + " made)");
        assertTrue(load.acknowledged().size() > 10, "creates went on: " + load.acknowledged().size());
        System.out.println("Failover: " + load.reads() + " reads, " + load.acknowledged().size()
                + " creates acknowledged, not acknowledged: " + load.unacknowledgedWrites());
        Map<String, Integer> stored = storedTimes(prefix);
        load.acknowledged().forEach((id, name) -> assertEquals(1, stored.getOrDefault(name, 0),
                "acknowledged create " + name + " (id " + id + ") is stored once"));
        stored.forEach((name, times) -> assertEquals(1, times, name + " was stored once, never twice"));
        neverDelivered(load, stored);
        load.unacknowledgedWrites().forEach((name, answer) -> assertTrue(
                answer.startsWith("502 application/problem+json ") || load.unansweredWrites().contains(name),
                "a create cut by the kill is answered 502 as problem details: " + answer));
        JsonObject afterForm = object(api.get("api/students/" + edited));
        assertEquals("After", afterForm.getString("subject"));

        assertEquals(200, cluster.node(victim).get("health/ready").statusCode(), "the node is back");
        String back = "back-" + UUID.randomUUID();
        for (int i = 0; i < 2 * NODES; i++) {
            assertEquals(200, cluster.proxy().get("hello?" + back + "-" + i).statusCode());
        }
        assertTrue(cluster.proxyLog().lines().anyMatch(line -> line.contains(back)
                        && line.contains(" node=127.0.0.1:" + cluster.nodeUri(victim).getPort() + " ")),
                "the proxy sends the node work again");
    }

    /* How many times each last name with the prefix is stored, as the database says. */
    private Map<String, Integer> storedTimes(String prefix) throws SQLException {
        Map<String, Integer> stored = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(database, postgres.user(), postgres.password());
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT last_name, COUNT(*) FROM student WHERE last_name LIKE '"
                     + prefix + "%' GROUP BY last_name")) {
            while (rs.next()) {
                stored.put(rs.getString(1), rs.getInt(2));
            }
        }
        return stored;
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void everySessionWasReplicatedWhole() {
        for (int node : cluster.nodes()) {
            assertFalse(cluster.log(node).contains("Cannot serialize session attribute"),
                    "node " + node + " could serialize everything its sessions hold");
            assertFalse(cluster.log(node).contains("attempting to load session from store"),
                    "node " + node + " could read back every session it was handed");
        }
    }

    @Test
    void requestsWithoutASessionAreSpreadOverTheNodesByTheProxy() {
        String mark = UUID.randomUUID().toString();
        Http anonymous = cluster.proxy();
        for (int i = 0; i < 2 * NODES; i++) {
            assertEquals(200, anonymous.get("hello?spread=" + mark).statusCode());
        }
        Matcher served = Pattern.compile("spread=" + mark + " [^\\n]* node=([0-9.:]+)\\s").matcher(cluster.proxyLog());
        Set<String> nodes = new HashSet<>();
        while (served.find()) {
            nodes.add(served.group(1));
        }
        assertEquals(NODES, nodes.size(), "every node served some: " + nodes);
    }

    @Test
    @ExtendWith(Browser.class)
    void throughTheProxyABrowserStaysOnItsNodeAndSignedIn() {
        ChromeDriver browser = Browser.start();
        try {
            BrowserPages pages = new BrowserPages(browser, cluster.proxy());
            pages.signIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
            Cookie node = browser.manage().getCookieNamed("registry_node");
            assertNotNull(node, "the proxy names the browser's node in a cookie");
            for (String page : List.of("students", "books", "users", "tokens", "students/new", "")) {
                pages.open(page);
                assertFalse(pages.url().contains("sign-in"), page + " is shown signed in: " + pages.url());
                assertEquals(node.getValue(), browser.manage().getCookieNamed("registry_node").getValue(),
                        "still on node " + node.getValue() + " at " + page);
            }
            String[] nodesOfTheSession = cluster.proxyLog().lines()
                    .filter(line -> line.endsWith(" registry_node=" + node.getValue()))
                    .map(line -> line.replaceAll(".* node=([0-9.:]+)\\s.*", "$1"))
                    .distinct().toArray(String[]::new);
            assertEquals(List.of("127.0.0.1:" + node.getValue()), List.of(nodesOfTheSession),
                    "every request of the session went to its node");

            pages.clickAndWait("#sign-out");
            pages.open("students");
            assertTrue(pages.url().contains("sign-in"), "signed out: " + pages.url());
        } finally {
            browser.quit();
        }
    }
}
