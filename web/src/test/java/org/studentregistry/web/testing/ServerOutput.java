package org.studentregistry.web.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * What the server under test writes to its log while a test runs. Arquillian copies the output of its Payara Micro,
 * log included, line by line to this JVM's {@code System.out}; a server the build started writes its log to the file
 * named by {@code registry.server.log}.
 */
public abstract class ServerOutput implements AutoCloseable {

    /** Starts watching the server's log; close to stop. */
    public static ServerOutput capture() {
        String file = System.getProperty("registry.server.log", "");
        return file.isBlank() ? new Console() : new LogFile(Path.of(file));
    }

    /** What the server wrote since {@link #capture()}. */
    protected abstract String seen();

    /** The output seen since {@link #capture()}, once it contains {@code text}; fails after {@code within}. */
    public String awaitContaining(String text, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            String output = seen();
            if (output.contains(text)) {
                return output;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the server did not log \"" + text + "\" within " + within);
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() {
    }

    private static final class Console extends ServerOutput {

        private final PrintStream original = System.out;
        private final ByteArrayOutputStream seen = new ByteArrayOutputStream();

        Console() {
            OutputStream both = new OutputStream() {
                @Override
                public void write(int b) {
                    original.write(b);
                    seen.write(b);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) {
                    original.write(bytes, offset, length);
                    seen.write(bytes, offset, length);
                }
            };
            System.setOut(new PrintStream(both, true, StandardCharsets.UTF_8));
        }

        @Override
        protected String seen() {
            return seen.toString(StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            System.setOut(original);
        }
    }

    private static final class LogFile extends ServerOutput {

        private final Path file;
        private final long start;

        LogFile(Path file) {
            this.file = file;
            try {
                this.start = Files.size(file);
            } catch (IOException e) {
                throw new UncheckedIOException("the server's log " + file + " cannot be read", e);
            }
        }

        @Override
        protected String seen() {
            try {
                byte[] all = Files.readAllBytes(file);
                return new String(Arrays.copyOfRange(all, (int) Math.min(start, all.length), all.length),
                        StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
