package org.studentregistry.web.reliability;

import org.junit.jupiter.api.Test;
import org.studentregistry.web.testing.Http;
import org.studentregistry.web.testing.ServerProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Minutes of mixed load (reads by id, pages, searches, the list page, creates, updates and deletes) on the packaged
 * application: no request may fail, and the heap that survives a full collection may not grow after the warm-up.
 * Run by {@code mvn verify -Preliability} (ten minutes) or {@code -Dsoak.minutes=N}; with 0 minutes (the default)
 * it is skipped, and reported as skipped.
 *
 * <p>Each client is a future: the first unexpected answer, unreadable body or exception ends it with the reason, and
 * the test fails on it (checked while the load runs, not only at the end); a client that made fewer requests than
 * one a second fails it too, so an idle server is never what was soaked.
 */
class SoakIT {

    private static final int CLIENTS = 8;
    private static final Pattern HEAP_USED = Pattern.compile("(?:generation|heap)\\s+total \\d+K, used (\\d+)K");

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();

    @Test
    void mixedLoadRunsWithoutErrorsAndWithoutMemoryGrowth() throws Exception {
        int minutes = Integer.getInteger("soak.minutes", 0);
        assumeTrue(minutes > 0, "soak.minutes=" + minutes + ": no soak asked for, memory growth NOT tested");
        Duration length = Duration.ofMinutes(minutes);
        Duration warmUp = length.dividedBy(5);
        Path database = Path.of("target", "soak", UUID.randomUUID().toString(), "registry");
        try (ServerProcess server = new ServerProcess(database)) {
            server.start();
            Http http = server.http();
            for (int i = 0; i < 2000; i++) {
                assertEquals(201, http.post("api/students", Http.student("Soak", "Student" + i, "Load")).statusCode());
            }
            long end = System.nanoTime() + length.toNanos();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<Long>> outcomes = new ArrayList<>();
            try {
                for (int i = 0; i < CLIENTS; i++) {
                    outcomes.add(clients.submit(() -> load(server.http(), end)));
                }
                sleepWatching(outcomes, warmUp);
                long heapAfterWarmUp = liveHeapKb(server);
                long rssAfterWarmUp = rssKb(server);
                List<String> samples = new ArrayList<>();
                while (System.nanoTime() < end - TimeUnit.SECONDS.toNanos(70)) {
                    sleepWatching(outcomes, Duration.ofMinutes(1));
                    samples.add(liveHeapKb(server) / 1024 + " MB live, " + rssKb(server) / 1024 + " MB resident");
                }
                List<Long> perClient = new ArrayList<>();
                for (Future<Long> outcome : outcomes) {
                    perClient.add(outcome(outcome, length.plusMinutes(2)));
                }
                long heapAtEnd = liveHeapKb(server);
                long rssAtEnd = rssKb(server);

                System.out.printf("soak %s: requests %s, per client %s%n  after warm-up %d MB live heap, %d MB"
                                + " resident; every minute: %s; at the end %d MB live heap, %d MB resident%n", length,
                        requests, perClient, heapAfterWarmUp / 1024, rssAfterWarmUp / 1024, samples,
                        heapAtEnd / 1024, rssAtEnd / 1024);
                for (long made : perClient) {
                    assertTrue(made >= length.toSeconds(), "a client made only " + made + " requests in " + length
                            + ": the load was not applied; per client " + perClient);
                }
                assertTrue(heapAtEnd <= heapAfterWarmUp * 1.2 + 16 * 1024,
                        "live heap grew from " + heapAfterWarmUp + " KB to " + heapAtEnd + " KB");
                assertTrue(rssAtEnd < 768 * 1024, "resident memory " + rssAtEnd + " KB");
            } finally {
                clients.shutdownNow();
            }
        }
    }

    /* Sleeps, but fails at once when a client has stopped: a client stops early only by failing. */
    private static void sleepWatching(List<Future<Long>> clients, Duration length) throws InterruptedException {
        long until = System.nanoTime() + length.toNanos();
        while (System.nanoTime() < until) {
            for (Future<Long> client : clients) {
                if (client.isDone()) {
                    outcome(client, Duration.ZERO);
                    throw new AssertionError("a client stopped before the end of the soak without a failure");
                }
            }
            Thread.sleep(Math.min(1000, Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime()))));
        }
    }

    /* The number of requests a client made, or the failure that ended it. */
    private static long outcome(Future<Long> client, Duration wait) throws InterruptedException {
        try {
            return client.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("a client failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("a client did not finish within " + wait, e);
        }
    }

    /* One client: a mix of what users and other systems do, on its own students for writes; its request count. */
    private long load(Http http, long end) {
        List<Long> own = new ArrayList<>();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long made = 0;
        while (System.nanoTime() < end) {
            int dice = random.nextInt(100);
            made++;
            if (dice < 35) {
                expect("by id", http.get("api/students/" + (1 + random.nextInt(2000))), 200);
            } else if (dice < 55) {
                expect("API page", http.get("api/students?size=20&page=" + random.nextInt(110)), 200);
            } else if (dice < 65) {
                expect("search", http.get("api/students?q=student1" + random.nextInt(10)), 200);
            } else if (dice < 78) {
                expect("list page", http.get("students?page=" + random.nextInt(110)), 200);
            } else if (dice < 90 || own.isEmpty()) {
                HttpResponse<String> created = http.post("api/students", Http.student("Soak", "New", "Load"));
                expect("create", created, 201);
                own.add(Http.object(created).getJsonNumber("id").longValue());
            } else if (dice < 96) {
                long id = own.get(random.nextInt(own.size()));
                HttpResponse<String> read = http.get("api/students/" + id);
                expect("read before update", read, 200);
                String etag = read.headers().firstValue("ETag").orElseThrow();
                expect("update", http.put("api/students/" + id, Http.student("Soak", "Changed", "Load"),
                        "If-Match", etag), 200);
                made++;
            } else {
                long id = own.remove(random.nextInt(own.size()));
                expect("delete", http.delete("api/students/" + id), 204);
            }
        }
        return made;
    }

    /* Counts the request; any other status than the expected one ends the client, and fails the test. */
    private void expect(String what, HttpResponse<String> response, int status) {
        requests.computeIfAbsent(what, k -> new LongAdder()).increment();
        if (response.statusCode() != status) {
            throw new AssertionError(what + " " + response.uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    /* The heap in use right after a full collection: what the application really holds. */
    private static long liveHeapKb(ServerProcess server) {
        jcmd(server, "GC.run");
        String info = jcmd(server, "GC.heap_info");
        Matcher used = HEAP_USED.matcher(info);
        long kb = 0;
        int found = 0;
        while (used.find()) {
            kb += Long.parseLong(used.group(1));
            found++;
        }
        // A measurement that cannot be read must fail the test, not read as an empty heap that never grows.
        if (found == 0 || kb <= 0) {
            throw new AssertionError("could not read the live heap from jcmd GC.heap_info:\n" + info);
        }
        return kb;
    }

    private static long rssKb(ServerProcess server) throws IOException {
        return Files.readAllLines(Path.of("/proc", String.valueOf(server.pid()), "status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                .findFirst().orElseThrow();
    }

    private static String jcmd(ServerProcess server, String command) {
        try {
            Process jcmd = new ProcessBuilder(ServerProcess.jdkTool("jcmd"), String.valueOf(server.pid()), command)
                    .redirectErrorStream(true).start();
            String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor();
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
