package org.studentregistry.web.cluster;

import org.studentregistry.web.testing.Http;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.studentregistry.web.testing.Http.object;
import static org.studentregistry.web.testing.Http.student;

/**
 * A mixed stream of API requests through the proxy, as integrating systems send them (a token, no session, so
 * spread over the nodes): creates, and reads of a page and of a created student. It keeps what was acknowledged
 * (each create answered 201, by id and unique last name), what a read answered other than 200, and how writes
 * that were not acknowledged ended: with an answer (a 502 from the proxy) or with none, the connection closed
 * under the request.
 */
final class ProxyLoad {

    private static final int WRITERS = 2;
    private static final int READERS = 2;

    private final Http api;
    private final String prefix;
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();
    private final Map<Long, String> acknowledged = new ConcurrentHashMap<>();
    private final List<String> failedReads = new CopyOnWriteArrayList<>();
    private final Map<String, String> unacknowledgedWrites = new ConcurrentHashMap<>();
    private final List<String> unansweredWrites = new CopyOnWriteArrayList<>();
    private final AtomicInteger reads = new AtomicInteger();

    /** Load on the API through {@code api} (a client of the proxy with a token); created names start with prefix. */
    ProxyLoad(Http api, String prefix) {
        this.api = api;
        this.prefix = prefix;
    }

    void start() {
        running.set(true);
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            threads.add(new Thread(() -> write(writer), "writer-" + w));
        }
        for (int r = 0; r < READERS; r++) {
            threads.add(new Thread(this::read, "reader-" + r));
        }
        threads.forEach(Thread::start);
    }

    /** Stops sending and waits for the requests in flight. */
    void stop() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(60_000);
        }
    }

    private void write(int writer) {
        for (int n = 0; running.get(); n++) {
            String last = prefix + writer + "x" + n;
            try {
                HttpResponse<String> created = api.post("api/students", student("Load", last, "Failover"));
                if (created.statusCode() == 201) {
                    acknowledged.put(object(created).getJsonNumber("id").longValue(), last);
                } else {
                    unacknowledgedWrites.put(last, created.statusCode() + " "
                            + created.headers().firstValue("Content-Type").orElse("-") + " " + created.body());
                }
            } catch (UncheckedIOException e) {
                unacknowledgedWrites.put(last, e.getCause().toString());
                unansweredWrites.add(last);
            }
            pause();
        }
    }

    private void read() {
        while (running.get()) {
            List<Long> ids = new ArrayList<>(acknowledged.keySet());
            String path = ids.isEmpty() || ThreadLocalRandom.current().nextBoolean()
                    ? "api/students?q=" + prefix + "&size=5"
                    : "api/students/" + ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
            try {
                HttpResponse<String> answer = api.get(path);
                if (answer.statusCode() != 200) {
                    failedReads.add("GET " + path + ": " + answer.statusCode() + " " + answer.body());
                }
            } catch (RuntimeException e) {
                failedReads.add("GET " + path + ": " + e);
            }
            reads.incrementAndGet();
            pause();
        }
    }

    /* A steady stream, not a flood: the machine also starts a node again meanwhile. */
    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Map<Long, String> acknowledged() {
        return acknowledged;
    }

    List<String> failedReads() {
        return failedReads;
    }

    /** Each create not answered 201, by last name, with how it ended. */
    Map<String, String> unacknowledgedWrites() {
        return unacknowledgedWrites;
    }

    /**
     * The creates that got no answer at all: the proxy closed the kept-alive connection they were sent on as it
     * reloaded its configuration, before reading them.
     */
    List<String> unansweredWrites() {
        return unansweredWrites;
    }

    int reads() {
        return reads.get();
    }
}
