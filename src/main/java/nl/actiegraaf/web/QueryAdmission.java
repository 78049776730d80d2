package nl.actiegraaf.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A fair share of the store: at most so many queries at once overall and per client address, and a
 * reserve of places only addresses running nothing may take. Over the cap a request is refused at once
 * (503 overall, 429 for one greedy client) with {@code Retry-After}, instead of waiting in a queue that
 * grows without bound.
 *
 * <p>The reserve is what keeps a handful of addresses from filling every place: an address that already
 * runs a query gets another only while more than {@code reserve} places are free, so the last places go
 * to new addresses first. With the defaults (16 places, 4 per address, 4 reserved) four addresses hold
 * at most 12 places between them and no address more than a quarter. The address counted is the one
 * {@link ClientOrigin} names (behind a trusted proxy: the forwarded client, never a forged one).
 */
public final class QueryAdmission {
    static final String RETRY_AFTER_SECONDS = "2";

    private final int overall;
    private final int perClient;
    private final int reserve;
    private final Function<Context, String> addressOf;
    /** Places held per address; guarded by {@code this}, as is {@link #held}. */
    private final Map<String, Integer> running = new HashMap<>();
    private int held;

    QueryAdmission(int overall, int perClient, Function<Context, String> addressOf) {
        this.overall = overall;
        this.perClient = perClient;
        this.reserve = reserveFor(overall);
        this.addressOf = addressOf;
    }

    /** The places only addresses running nothing may take: a quarter. */
    static int reserveFor(int overall) {
        return overall / 4;
    }

    /** A place for one query; close it when the answer is complete (closing twice is harmless). */
    public interface Ticket extends AutoCloseable {
        @Override
        void close();
    }

    /** Why a request was not admitted, or null when it was. */
    private enum Refusal { CLIENT_CAP, RESERVED, FULL }

    /** Admits the request or throws 429/503 (with Retry-After already set on {@code ctx}). */
    public Ticket admit(Context ctx) {
        String client = addressOf.apply(ctx);
        Refusal refusal = tryTake(client);
        if (refusal != null) {
            ctx.header("Retry-After", RETRY_AFTER_SECONDS);
            throw switch (refusal) {
                case CLIENT_CAP -> new HttpResponseException(429,
                        "Too many queries from your address at once (at most " + perClient + "); retry later");
                case RESERVED -> new HttpResponseException(429, "The server is busy and your address already runs a query;"
                        + " the last " + reserve + " places are kept for other addresses; retry later");
                case FULL -> new HttpResponseException(503, "The server is busy with other queries; retry later");
            };
        }
        boolean[] closed = {false};
        return () -> {
            synchronized (closed) {
                if (closed[0]) {
                    return;
                }
                closed[0] = true;
            }
            release(client);
        };
    }

    private synchronized Refusal tryTake(String client) {
        int mine = running.getOrDefault(client, 0);
        if (mine >= perClient) {
            return Refusal.CLIENT_CAP;
        }
        int free = overall - held;
        if (free <= 0) {
            return Refusal.FULL;
        }
        if (mine > 0 && free <= reserve) {
            return Refusal.RESERVED;
        }
        running.put(client, mine + 1);
        held++;
        return null;
    }

    private synchronized void release(String client) {
        running.computeIfPresent(client, (key, count) -> count <= 1 ? null : count - 1);
        held--;
    }

    /** Places held now, over all addresses. */
    public synchronized int held() {
        return held;
    }

    /** Places held now by the address that holds most (0 when none are held). */
    public synchronized int mostHeldByOneAddress() {
        return running.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }
}
