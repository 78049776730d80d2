package nl.actiegraaf.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.component.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import nl.actiegraaf.threads.DaemonThreads;

/**
 * Read timeouts for requests sent slowly. Jetty's idle timeout restarts with every byte, so a client that
 * trickles its headers (or its body) a byte at a time keeps a connection, and for a body a thread, for as
 * long as it likes. Here every connection's HTTP parser is looked at a few times a second: a request
 * whose line and headers have not all arrived {@code headerTimeout} after the connection opened (or after
 * the previous answer on it ended), or whose body has not all arrived {@code bodyTimeout} after its headers,
 * is answered {@code 408} (headers) or cut (body), and its connection closed. A keep-alive connection
 * waiting for its next request is closed quietly after {@code headerTimeout} too.
 *
 * <p>No query place is ever involved: a request reaches a route, and so the fair share
 * ({@link QueryAdmission}), only once its headers are complete, and every route reads its body before it
 * asks for a place.
 */
final class SlowSenders implements LifeCycle.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(SlowSenders.class);
    private static final long SWEEP_MILLIS = 200;
    private static final byte[] REQUEST_TIMEOUT = ("HTTP/1.1 408 Request Timeout\r\nContent-Type: text/plain; charset=utf-8\r\n"
            + "Content-Length: 51\r\nConnection: close\r\nX-Content-Type-Options: nosniff\r\n\r\n"
            + "The request was not sent within the time allowed.\n").getBytes(StandardCharsets.US_ASCII);

    private final Duration headerTimeout;
    private final Duration bodyTimeout;
    private final Map<EndPoint, Watch> watched = new HashMap<>();
    private ScheduledExecutorService sweeper;

    /** What a connection was doing when first seen doing it: the phase of which request. */
    private record Watch(Phase phase, long request, long sinceNanos) {
    }

    private enum Phase { AWAITING_HEADERS, READING_BODY }

    SlowSenders(Duration headerTimeout, Duration bodyTimeout) {
        this.headerTimeout = headerTimeout;
        this.bodyTimeout = bodyTimeout;
    }

    @Override
    public void lifeCycleStarted(LifeCycle event) {
        Server server = (Server) event;
        sweeper = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("actiegraaf-slow-senders"));
        sweeper.scheduleWithFixedDelay(() -> sweep(server), SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void lifeCycleStopping(LifeCycle event) {
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
    }

    private void sweep(Server server) {
        try {
            long now = System.nanoTime();
            Map<EndPoint, Watch> seen = new HashMap<>();
            for (Connector connector : server.getConnectors()) {
                if (connector instanceof AbstractConnector abstractConnector) {
                    for (EndPoint endPoint : abstractConnector.getConnectedEndPoints()) {
                        if (endPoint.getConnection() instanceof HttpConnection http && endPoint.isOpen()) {
                            check(endPoint, http, now, seen);
                        }
                    }
                }
            }
            watched.clear();
            watched.putAll(seen);
        } catch (RuntimeException e) {
            LOG.debug("slow-sender sweep failed", e);
        }
    }

    private void check(EndPoint endPoint, HttpConnection http, long now, Map<EndPoint, Watch> seen) {
        HttpParser.State state = http.getParser().getState();
        Phase phase = state.ordinal() <= HttpParser.State.HEADER.ordinal() ? Phase.AWAITING_HEADERS
                : state.ordinal() <= HttpParser.State.TRAILER.ordinal() ? Phase.READING_BODY
                : null;
        if (phase == null) {
            return; // being answered: the query's own limit and the idle timeout apply
        }
        long request = http.getMessagesIn();
        Watch before = watched.get(endPoint);
        Watch watch = before != null && before.phase() == phase && before.request() == request
                ? before : new Watch(phase, request, now);
        Duration allowed = phase == Phase.AWAITING_HEADERS ? headerTimeout : bodyTimeout;
        if (now - watch.sinceNanos() < allowed.toNanos()) {
            seen.put(endPoint, watch);
            return;
        }
        if (state == HttpParser.State.START) {
            endPoint.close(); // an idle keep-alive connection: nothing was asked, nothing to answer
            return;
        }
        LOG.info("{}: {} not received within {} ms: connection closed", endPoint.getRemoteSocketAddress(),
                phase == Phase.AWAITING_HEADERS ? "request headers" : "request body", allowed.toMillis());
        if (phase == Phase.AWAITING_HEADERS) {
            try {
                // No answer is under way on this connection (its parser waits for this request's headers).
                endPoint.flush(ByteBuffer.wrap(REQUEST_TIMEOUT));
            } catch (IOException | RuntimeException e) {
                LOG.debug("could not send 408", e);
            }
        }
        endPoint.close(new IOException("request not received in time"));
    }
}
