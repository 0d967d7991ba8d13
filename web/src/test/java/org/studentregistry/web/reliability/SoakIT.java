package org.studentregistry.web.reliability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
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
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Minutes of mixed load (reads by id, pages, searches, the list page, creates, updates and deletes) on the packaged
 * application: no request may fail, and the heap that survives a full collection may not grow after the warm-up.
 * Run by {@code mvn verify -Preliability} (ten minutes) or {@code -Dsoak.minutes=N}; skipped otherwise.
 */
@EnabledIfSystemProperty(named = "soak.minutes", matches = "[1-9][0-9]*")
class SoakIT {

    private static final int CLIENTS = 8;
    private static final Pattern HEAP_USED = Pattern.compile("(?:generation|heap)\\s+total \\d+K, used (\\d+)K");

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();

    @Test
    void mixedLoadRunsWithoutErrorsAndWithoutMemoryGrowth() throws Exception {
        Duration length = Duration.ofMinutes(Integer.getInteger("soak.minutes"));
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
            for (int i = 0; i < CLIENTS; i++) {
                clients.execute(() -> load(server.http(), end));
            }
            Thread.sleep(warmUp.toMillis());
            long heapAfterWarmUp = liveHeapKb(server);
            long rssAfterWarmUp = rssKb(server);
            List<String> samples = new ArrayList<>();
            while (System.nanoTime() < end - TimeUnit.SECONDS.toNanos(70)) {
                Thread.sleep(60_000);
                samples.add(liveHeapKb(server) / 1024 + " MB live, " + rssKb(server) / 1024 + " MB resident");
            }
            clients.shutdown();
            assertTrue(clients.awaitTermination(2, TimeUnit.MINUTES));
            long heapAtEnd = liveHeapKb(server);
            long rssAtEnd = rssKb(server);

            System.out.printf("soak %s: requests %s%n  after warm-up %d MB live heap, %d MB resident; every minute: %s;"
                            + " at the end %d MB live heap, %d MB resident%n", length, requests,
                    heapAfterWarmUp / 1024, rssAfterWarmUp / 1024, samples, heapAtEnd / 1024, rssAtEnd / 1024);
            assertTrue(failures.isEmpty(), failures.size() + " failed requests, first: " + failures.peek());
            assertTrue(heapAtEnd <= heapAfterWarmUp * 1.2 + 16 * 1024,
                    "live heap grew from " + heapAfterWarmUp + " KB to " + heapAtEnd + " KB");
            assertTrue(rssAtEnd < 768 * 1024, "resident memory " + rssAtEnd + " KB");
        }
    }

    /* One client: a mix of what users and other systems do, on its own students for writes. */
    private void load(Http http, long end) {
        List<Long> own = new ArrayList<>();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (System.nanoTime() < end) {
            int dice = random.nextInt(100);
            try {
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
                    if (expect("create", created, 201)) {
                        own.add(Http.object(created).getJsonNumber("id").longValue());
                    }
                } else if (dice < 96) {
                    long id = own.get(random.nextInt(own.size()));
                    HttpResponse<String> read = http.get("api/students/" + id);
                    String etag = read.headers().firstValue("ETag").orElse("*");
                    expect("update", http.put("api/students/" + id, Http.student("Soak", "Changed", "Load"),
                            "If-Match", etag), 200);
                } else {
                    long id = own.remove(random.nextInt(own.size()));
                    expect("delete", http.delete("api/students/" + id), 204);
                }
            } catch (UncheckedIOException e) {
                failures.add(e.toString());
            }
        }
    }

    private boolean expect(String what, HttpResponse<String> response, int status) {
        requests.computeIfAbsent(what, k -> new LongAdder()).increment();
        if (response.statusCode() != status) {
            failures.add(what + " " + response.uri() + " answered " + response.statusCode() + ": " + response.body());
            return false;
        }
        return true;
    }

    /* The heap in use right after a full collection: what the application really holds. */
    private static long liveHeapKb(ServerProcess server) {
        jcmd(server, "GC.run");
        Matcher used = HEAP_USED.matcher(jcmd(server, "GC.heap_info"));
        long kb = 0;
        while (used.find()) {
            kb += Long.parseLong(used.group(1));
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
