package nl.actiegraaf.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the facade can still do to an answer whose status line is gone: break its connection. */
final class ClientConnection {
    private static final Logger LOG = LoggerFactory.getLogger(ClientConnection.class);
    /** After the limit, the time a clean error answer (504) gets to go out before the connection is cut. */
    static final Duration GRACE = Duration.ofSeconds(1);
    /**
     * After the limit, the time the execution's own abort gets to end an answer that is still flowing (a cut
     * the writer notices, as {@code StreamCutIT} shows) before the connection is closed from the outside.
     */
    static final Duration BACKSTOP = Duration.ofMillis(250);

    private ClientConnection() {
    }

    /** Breaks the connection so the client sees a failure instead of a silently shortened answer. */
    static void abort(Context ctx, Throwable reason) {
        try {
            ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
            if (!request.getConnectionMetaData().getConnection().getEndPoint().isOpen()) {
                return; // already cut (its deadline, a read timeout): aborting again only makes Javalin stumble
            }
            resetOnClose(request.getConnectionMetaData().getConnection().getEndPoint());
            request.getServletChannel().abort(reason);
        } catch (RuntimeException e) {
            LOG.debug("could not abort connection", e);
        }
    }

    /**
     * Makes the coming close a reset (RST, {@code SO_LINGER} 0) instead of an orderly end: an answer without a
     * length (HTTP/1.0, or {@code Connection: close}) ends where the connection ends, so an orderly close after
     * a cut would look like a complete answer. A reset is an error for every client, and drops the unsent bytes.
     */
    static void resetOnClose(EndPoint endPoint) {
        linger(endPoint, 0);
    }

    /** An orderly close again (the system's default), for the connection's next answer or its clean end. */
    private static void orderlyClose(EndPoint endPoint) {
        linger(endPoint, -1);
    }

    /** {@link #orderlyClose(EndPoint)} for the connection of {@code ctx}: its answer is a whole one after all. */
    static void orderlyClose(Context ctx) {
        try {
            orderlyClose(ServletContextRequest.getServletContextRequest(ctx.req()).getConnectionMetaData()
                    .getConnection().getEndPoint());
        } catch (RuntimeException notJetty) {
            LOG.debug("no connection to set", notJetty);
        }
    }

    private static void linger(EndPoint endPoint, int seconds) {
        try {
            if (endPoint instanceof org.eclipse.jetty.io.SocketChannelEndPoint socket && socket.isOpen()) {
                socket.getChannel().setOption(java.net.StandardSocketOptions.SO_LINGER, seconds);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("could not set SO_LINGER to {}", seconds, e);
        }
    }

    /**
     * An answer's deadline on its connection: {@link #answered()} once the whole answer is handed on (the
     * connection may then end in order again), {@link #close()} when the answer ends either way.
     */
    interface Deadline extends AutoCloseable {
        /** The whole answer went out: a close from now on is an orderly end, not a sign of a cut. */
        void answered();

        @Override
        void close();
    }

    /**
     * Cuts the connection at {@code limit} from now (plus {@link #BACKSTOP}) if the answer is still being
     * written then ({@code started}: bytes went out), else {@link #GRACE} later if it has not ended by then. Closing
     * the socket from the outside is what ends a write blocked on a client that reads nothing: the writing
     * thread's write fails at once, so the thread and the query's place are free at the limit, not when
     * the client or Jetty's idle timeout gives up. The client sees a broken transfer, never a complete one.
     */
    static Deadline cutAt(Context ctx, Duration limit, BooleanSupplier started) {
        EndPoint endPoint;
        Scheduler scheduler;
        try {
            ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
            endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
            scheduler = request.getComponents().getScheduler();
        } catch (RuntimeException notJetty) {
            LOG.debug("no connection to watch", notJetty);
            return new Deadline() {
                @Override
                public void answered() {
                }

                @Override
                public void close() {
                }
            };
        }
        // Whatever closes the connection while the answer is written is a reset: besides this deadline, Jetty's
        // idle timeout (a write blocked on a client that reads nothing) closes it, and an orderly close would end
        // an answer without a length (Connection: close) as if it were complete.
        resetOnClose(endPoint);
        String what = ctx.method() + " " + ctx.path();
        Scheduler.Task[] tasks = new Scheduler.Task[2];
        Object lock = new Object();
        boolean[] done = {false};
        Runnable cut = () -> {
            synchronized (lock) {
                if (done[0]) {
                    return;
                }
            }
            LOG.info("{}: answer not written within {} ms: connection cut", what, limit.toMillis());
            resetOnClose(endPoint);
            endPoint.close(new IOException("answer not written within the time limit of " + limit.toMillis() + " ms"));
        };
        synchronized (lock) {
            tasks[0] = scheduler.schedule(() -> {
                if (started.getAsBoolean()) {
                    cut.run();
                }
            }, limit.plus(BACKSTOP).toNanos(), TimeUnit.NANOSECONDS);
            tasks[1] = scheduler.schedule(cut, limit.plus(GRACE).toNanos(), TimeUnit.NANOSECONDS);
        }
        return new Deadline() {
            @Override
            public void answered() {
                close();
                // Only now: an answer that failed (Jetty's idle timeout failing a blocked write, say) must still
                // end in a reset when Jetty closes the connection after this.
                orderlyClose(endPoint);
            }

            @Override
            public void close() {
                synchronized (lock) {
                    done[0] = true;
                    for (Scheduler.Task task : tasks) {
                        task.cancel();
                    }
                }
            }
        };
    }
}
