package nl.actiegraaf.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes the store's answer to the client as it arrives, never holding the whole of it, within a
 * wall-clock deadline. Before the first byte the deadline gives a clean 504 (Gateway Timeout: the store did not answer in time); after it (the status
 * line is gone) the client connection is aborted, so a cut result never looks complete.
 */
final class UpstreamRelay {
    private static final Logger LOG = LoggerFactory.getLogger(UpstreamRelay.class);
    private static final int BUFFER = 16 * 1024;
    private static final int MAX_ERROR_BODY = 4 * 1024;

    /** One daemon thread that only fires deadlines; it never does the copying. */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "actiegraaf-query-deadline");
        t.setDaemon(true);
        return t;
    });

    private UpstreamRelay() {
    }

    /**
     * Waits for the store's answer and streams it to {@code ctx}. The store's status and
     * Content-Type pass through; a store error becomes the same status with its message.
     */
    static void relay(Context ctx, CompletableFuture<HttpResponse<InputStream>> pending, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        HttpResponse<InputStream> response = awaitHeaders(pending, limit);
        InputStream body = response.body();
        if (response.statusCode() / 100 != 2) {
            String message = readSome(body);
            throw new HttpResponseException(response.statusCode(),
                    "Store answered " + response.statusCode() + ": " + message);
        }
        ctx.status(response.statusCode());
        response.headers().firstValue("Content-Type").ifPresent(ctx::contentType);
        copyWithin(ctx, body, deadline, limit);
    }

    private static HttpResponse<InputStream> awaitHeaders(CompletableFuture<HttpResponse<InputStream>> pending,
                                                         Duration limit) {
        try {
            return pending.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true); // aborts the exchange with the store
            throw timedOut(limit);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new HttpResponseException(503, "Interrupted while waiting for the store");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw timedOut(limit);
            }
            if (cause instanceof ConnectException) {
                throw new HttpResponseException(502, "The store is not reachable");
            }
            throw new HttpResponseException(502, "The store failed: " + cause);
        }
    }

    static HttpResponseException timedOut(Duration limit) {
        return new HttpResponseException(504,
                "Query exceeded the time limit of " + seconds(limit) + " and was cancelled");
    }

    private static String seconds(Duration limit) {
        return limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() + " ms";
    }

    private static void copyWithin(Context ctx, InputStream body, long deadline, Duration limit) {
        Copy copy = new Copy(body);
        long delay = Math.max(0, deadline - System.nanoTime());
        ScheduledFuture<?> alarm = WATCHDOG.schedule(copy::expire, delay, TimeUnit.NANOSECONDS);
        try (body) {
            OutputStream out = ctx.outputStream();
            byte[] buffer = new byte[BUFFER];
            int n;
            while ((n = readUpstream(body, buffer)) >= 0 && !copy.expired()) {
                try {
                    out.write(buffer, 0, n);
                    out.flush(); // pass each piece on: the client sees results as the store makes them
                } catch (IOException writeFailed) {
                    // The client went away: nothing to tell it. Closing the body ends the store's work.
                    LOG.debug("{} {}: client left: {}", ctx.method(), ctx.path(), writeFailed.toString());
                    return;
                }
            }
            if (copy.expired()) {
                // the deadline closed the stream and the read saw a plain end: the answer is still cut
                throw new UpstreamFailure(new IOException("closed at the deadline"));
            }
        } catch (UpstreamFailure e) {
            String reason = copy.expired() ? "time limit of " + seconds(limit) + " exceeded" : e.getCause().toString();
            LOG.info("{} {}: response aborted mid-stream: {}", ctx.method(), ctx.path(), reason);
            ClientConnection.abort(ctx, new IOException(reason));
        } catch (IOException closing) {
            LOG.debug("closing the store's answer failed", closing);
        } finally {
            alarm.cancel(false);
            copy.finish();
        }
    }

    private static int readUpstream(InputStream body, byte[] buffer) {
        try {
            return body.read(buffer);
        } catch (IOException e) {
            throw new UpstreamFailure(e);
        }
    }

    /** Reading the store's answer failed (deadline, or the store broke off): the answer is incomplete. */
    private static final class UpstreamFailure extends RuntimeException {
        UpstreamFailure(IOException cause) {
            super(cause);
        }
    }

    private static String readSome(InputStream body) {
        try (body) {
            byte[] bytes = body.readNBytes(MAX_ERROR_BODY);
            return HttpPolicy.oneLine(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return e.toString();
        }
    }

    /**
     * The state shared between the copying thread and the deadline. Closing the JDK client's
     * stream wakes a read blocked on the store (it then ends or fails) and cancels the exchange,
     * so the store stops sending; the copier then sees {@link #expired()} and aborts the answer.
     * No thread interrupts: an interrupt could land in the server's own write and hide the cut.
     */
    private static final class Copy {
        private final InputStream body;
        private boolean copying = true;
        private boolean expired;

        Copy(InputStream body) {
            this.body = body;
        }

        synchronized void expire() {
            if (!copying) {
                return;
            }
            expired = true;
            try {
                body.close();
            } catch (IOException ignored) {
                // best effort: the copier checks expired() after every piece anyway
            }
        }

        synchronized boolean expired() {
            return expired;
        }

        synchronized void finish() {
            copying = false;
        }
    }
}
