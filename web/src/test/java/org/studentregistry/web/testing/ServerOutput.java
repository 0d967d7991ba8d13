package org.studentregistry.web.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * What the Payara Micro started by Arquillian writes to its log while a test runs: Arquillian copies its output, log
 * included, line by line to this JVM's {@code System.out}. (A server the build started keeps its log to itself.)
 */
public abstract class ServerOutput implements AutoCloseable {

    /** Starts watching the log of Arquillian's Payara Micro; close to stop. */
    public static ServerOutput capture() {
        return new Console();
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
}
