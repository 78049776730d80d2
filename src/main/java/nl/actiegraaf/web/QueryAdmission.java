package nl.actiegraaf.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * A fair share of the store: at most so many queries at once overall and per client address.
 * Over the cap a request is refused at once (503 overall, 429 for one greedy client) with
 * {@code Retry-After}, instead of waiting in a queue that grows without bound.
 */
public final class QueryAdmission {
    static final String RETRY_AFTER_SECONDS = "2";

    private final Semaphore overall;
    private final int perClient;
    private final ConcurrentHashMap<String, Integer> running = new ConcurrentHashMap<>();

    QueryAdmission(int overall, int perClient) {
        this.overall = new Semaphore(overall);
        this.perClient = perClient;
    }

    /** A place for one query; close it when the answer is sent. */
    public interface Ticket extends AutoCloseable {
        @Override
        void close();
    }

    /** Admits the request or throws 429/503 (with Retry-After already set on {@code ctx}). */
    public Ticket admit(Context ctx) {
        String client = ctx.ip();
        boolean[] admitted = {false};
        running.compute(client, (key, count) -> {
            int now = count == null ? 0 : count;
            if (now >= perClient) {
                return count;
            }
            admitted[0] = true;
            return now + 1;
        });
        if (!admitted[0]) {
            ctx.header("Retry-After", RETRY_AFTER_SECONDS);
            throw new HttpResponseException(429,
                    "Too many queries from your address at once (at most " + perClient + "); retry later");
        }
        if (!overall.tryAcquire()) {
            release(client);
            ctx.header("Retry-After", RETRY_AFTER_SECONDS);
            throw new HttpResponseException(503, "The server is busy with other queries; retry later");
        }
        boolean[] closed = {false};
        return () -> {
            if (!closed[0]) {
                closed[0] = true;
                overall.release();
                release(client);
            }
        };
    }

    private void release(String client) {
        running.computeIfPresent(client, (key, count) -> count <= 1 ? null : count - 1);
    }
}
