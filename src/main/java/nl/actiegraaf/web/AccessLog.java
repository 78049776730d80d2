package nl.actiegraaf.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per answered request on the logger {@value #LOGGER}: client address, method, path and query
 * (cut at {@value #MAX_TARGET} characters, control characters escaped, so a hostile request cannot
 * flood or forge the log), status, time taken and user agent. The logger is off unless a deployment
 * turns it on ({@code serve --access-log}, {@code --verbose}, or the logging configuration), so the
 * line costs nothing by default.
 */
final class AccessLog {
    static final String LOGGER = "actiegraaf.access";
    static final int MAX_TARGET = 300;
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private AccessLog() {
    }

    static void register(JavalinConfig javalin, WebContext context) {
        javalin.requestLogger.http(AccessLog::log);
    }

    private static void log(Context ctx, Float millis) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        String target = ctx.queryString() == null ? ctx.path() : ctx.path() + "?" + ctx.queryString();
        LOG.info("{} \"{} {}\" {} {} ms \"{}\"", ctx.ip(), ctx.method(), printable(target, MAX_TARGET),
                ctx.statusCode(), Math.round(millis), printable(String.valueOf(ctx.header("User-Agent")), 120));
    }

    /** At most {@code max} characters, quotes and anything below a space escaped. */
    static String printable(String text, int max) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 8);
        int i = 0;
        for (; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '"' || c == '\\') {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (i < text.length()) {
            out.append("...");
        }
        return out.toString();
    }
}
