package nl.actiegraaf.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Supplier;

/**
 * The first bytes of an answer computed in this JVM, held back until there are enough of them to be
 * worth sending (or the answer is complete), as a store's own response buffer holds them. Until then
 * nothing has reached the client, so a failure or the time limit can still give a clean error status;
 * after that the answer streams, and a cut must break the connection. Flushes from writers are ignored
 * while holding, so a small answer goes out in one piece.
 */
final class HeldBackOutput extends OutputStream {
    private final Supplier<OutputStream> client;
    private final int threshold;
    private ByteArrayOutputStream held;
    private OutputStream out;
    private IOException clientFailure;

    /** @param client opens the client's stream, on the first byte passed on */
    HeldBackOutput(Supplier<OutputStream> client, int threshold) {
        this.client = client;
        this.threshold = threshold;
        this.held = new ByteArrayOutputStream(Math.min(threshold, 8192));
    }

    /** True once bytes went to the client: the status line is gone. */
    boolean started() {
        return out != null;
    }

    /** The failure writing to the client (it went away), or null. */
    IOException clientFailure() {
        return clientFailure;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (out == null && held.size() + length <= threshold) {
            held.write(bytes, offset, length);
            return;
        }
        try {
            passHeldOn();
            out.write(bytes, offset, length);
        } catch (IOException e) {
            clientFailure = e;
            throw e;
        }
    }

    @Override
    public void flush() throws IOException {
        if (out != null) {
            try {
                out.flush();
            } catch (IOException e) {
                clientFailure = e;
                throw e;
            }
        }
    }

    /** The answer is complete: sends what is held and flushes. */
    void finish() throws IOException {
        try {
            passHeldOn();
            out.flush();
        } catch (IOException e) {
            clientFailure = e;
            throw e;
        }
    }

    private void passHeldOn() throws IOException {
        if (out == null) {
            out = client.get();
            held.writeTo(out);
            held = null;
        }
    }
}
