package nl.actiegraaf.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What holds for every response: open CORS (a visualisation on another origin may call us, {@link Cors}),
 * security headers, and errors as an RFC 9457 problem ({@link Problem}), never a stack trace.
 */
public final class HttpPolicy {
    /** Response header telling whether an answer came from a cache ({@code hit}) or the store ({@code miss}); exposed to scripts by CORS. */
    public static final String CACHE_HEADER = "Actiegraaf-Cache";

    private static final Logger LOG = LoggerFactory.getLogger(HttpPolicy.class);

    /**
     * Same-origin pages pass: scripts, styles, images and fetches from this server only. Inline
     * styles are allowed because some browser widgets set them; inline scripts are not.
     */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    private HttpPolicy() {
    }

    public static void register(JavalinConfig config, WebContext context) {
        Cors.register(config);
        config.routes.before(HttpPolicy::securityHeaders);
        config.routes.exception(HttpResponseException.class, (e, ctx) -> Problem.send(ctx, e.getStatus(), e.getMessage(),
                e instanceof BadParameter bad ? bad.parameter() : null));
        // A 204 or 304 has no body, so no Content-Type (Javalin's default, text/plain, would claim one).
        config.routes.after(ctx -> {
            if (ctx.statusCode() == 304 || ctx.statusCode() == 204) {
                ctx.res().setContentType(null);
                ctx.res().setHeader("Content-Type", null);
            }
        });
        config.routes.exception(org.apache.jena.sparql.engine.http.QueryExceptionHTTP.class, (e, ctx) -> {
            LOG.info("{} {}: store failed: {}", ctx.method(), ctx.path(), e.getMessage());
            error(ctx, e.getStatusCode() == 503 ? 503 : 502, "The store failed to answer (" + e.getStatusCode() + ")");
        });
        config.routes.exception(org.apache.jena.atlas.web.HttpException.class, (e, ctx) -> {
            LOG.info("{} {}: store failed: {}", ctx.method(), ctx.path(), e.getMessage());
            error(ctx, 502, "The store failed to answer");
        });
        config.routes.exception(org.apache.jena.query.QueryCancelledException.class,
                (e, ctx) -> error(ctx, 504, "The query exceeded its time limit"));
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.warn("{} {} failed: {}", ctx.method(), ctx.path(), e.toString());
            error(ctx, 500, "Internal error: " + e.getClass().getSimpleName());
        });
    }

    static void securityHeaders(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Frame-Options", "DENY");
    }

    /** An error answer: a problem document (or a browser's error page) with a one-line detail. */
    public static void error(Context ctx, int status, String message) {
        Problem.send(ctx, status, message, null);
    }

    /** Parser messages span lines; a client wants the first, and never our internals. */
    static String oneLine(String message) {
        return Problem.oneLine(message);
    }
}
