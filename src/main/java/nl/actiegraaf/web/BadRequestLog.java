package nl.actiegraaf.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One short log line per refused request (a 4xx answer), through one rate limiter: an operator sees that
 * and what clients get wrong, and a client that sends bad requests as fast as it can fills neither the
 * disk nor the console. The line names the status, method, the path (cut short) and the client, never the
 * request's headers or body (a 200 KB header must not become 200 KB of log). Over the rate the lines are
 * counted, not written, and the next line written says how many were left out.
 *
 * <p>Every 4xx of the facade passes here (Javalin's request logger sees each answered request, whichever
 * module refused it), so a new refusal needs no logging of its own.
 */
final class BadRequestLog {
    private static final Logger LOG = LoggerFactory.getLogger(BadRequestLog.class);
    /** Lines at once after a quiet spell. */
    static final int BURST = 20;
    /** Lines per second in the long run. */
    static final int PER_SECOND = 5;
    private static final int MAX_PATH = 80;

    private final Consumer<String> out;
    private final LongSupplier nanoClock;
    private double tokens = BURST;
    private long refilledAt;
    private long suppressed;

    BadRequestLog(Consumer<String> out, LongSupplier nanoClock) {
        this.out = out;
        this.nanoClock = nanoClock;
        this.refilledAt = nanoClock.getAsLong();
    }

    static void register(JavalinConfig config, WebContext context) {
        BadRequestLog log = new BadRequestLog(LOG::info, System::nanoTime);
        config.requestLogger.http((ctx, ms) -> log.answered(ctx));
    }

    private void answered(Context ctx) {
        int status = ctx.statusCode();
        if (status >= 400 && status < 500) {
            refused(status, ctx.method().name(), ctx.path(), ctx.ip());
        }
    }

    /** Logs one line for a refused request, or counts it when over the rate. */
    void refused(int status, String method, String path, String client) {
        String line;
        synchronized (this) {
            long now = nanoClock.getAsLong();
            tokens = Math.min(BURST, tokens + (now - refilledAt) / 1e9 * PER_SECOND);
            refilledAt = now;
            if (tokens < 1) {
                suppressed++;
                return;
            }
            tokens--;
            line = status + " " + method + " " + shortened(path) + " from " + shortened(client)
                    + (suppressed > 0 ? " (" + suppressed + " more refused requests not logged)" : "");
            suppressed = 0;
        }
        out.accept(line);
    }

    /** Printable ASCII only (a path may hold anything once decoded), and short. */
    static String shortened(String text) {
        if (text == null) {
            return "-";
        }
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < text.length() && shown.length() < MAX_PATH; i++) {
            char c = text.charAt(i);
            shown.append(c >= 0x21 && c < 0x7f ? c : '?');
        }
        return text.length() > MAX_PATH ? shown + "...(" + text.length() + " chars)" : shown.toString();
    }
}
