package nl.actiegraaf.web;

import io.javalin.config.JavalinConfig;
import io.javalin.config.JavalinState;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Open CORS, truthfully: any origin may read our answers (a visualisation elsewhere may call us), but a
 * preflight is told only the methods the path really has ({@code GET, HEAD, OPTIONS}, and {@code POST}
 * where there is a POST route, as on {@code /sparql}), and how long to keep that
 * ({@code Access-Control-Max-Age}), so a browser does not ask again before every request. A plain
 * {@code OPTIONS} gets the same list as {@code Allow}. A path with no route is a 404 either way.
 */
final class Cors {
    /** A day; browsers cap it lower (Chromium at two hours), which is their choice. */
    static final int MAX_AGE_SECONDS = 86_400;
    /** Request headers a cross-origin script may send: the ones the API reads. */
    static final String ALLOWED_HEADERS = "Accept, Accept-Language, Content-Type, If-None-Match, If-Modified-Since";
    /** Response headers a cross-origin script may read besides the CORS-safelisted ones. */
    static final String EXPOSED_HEADERS = String.join(", ", "Link", "Content-Disposition", RowCap.HEADER,
            // a visualisation on another origin revalidates with If-None-Match and may show cache hits
            "ETag", HttpPolicy.CACHE_HEADER, "Actiegraaf-Truncated", "Retry-After");
    /** The methods a route can have here, in the order they are listed. */
    private static final List<HandlerType> METHODS = List.of(HandlerType.GET, HandlerType.POST);

    private Cors() {
    }

    /** Registers the CORS headers, the OPTIONS answers and the 405 answer (which needs the same list). */
    static void register(JavalinConfig config) {
        JavalinState state = config.unsafe;
        config.routes.exception(io.javalin.http.MethodNotAllowedResponse.class, (e, ctx) -> {
            // RFC 9110 §15.5.6: a 405 lists what the path does allow.
            String allow = String.join(", ", allowedMethods(state, ctx.path()));
            ctx.header("Allow", allow);
            Problem.send(ctx, 405, ctx.method().name() + " is not allowed on " + ctx.path() + "; allowed: " + allow, null);
        });
        config.routes.before(ctx -> {
            allowOrigin(ctx);
            // Answered here, not by an OPTIONS route: a route on every path would make every unknown
            // path a 405 (Javalin prefers 405 over 404) instead of a 404.
            if (ctx.method() == HandlerType.OPTIONS) {
                options(ctx, allowedMethods(state, ctx.path()));
                ctx.skipRemainingHandlers();
            }
        });
    }

    /** On every answer, with or without an Origin: the same bytes for all, so no cache needs Vary: Origin. */
    static void allowOrigin(Context ctx) {
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.header("Access-Control-Expose-Headers", EXPOSED_HEADERS);
    }

    /** The methods {@code path} answers, from the router itself; empty when no route matches it. */
    static List<String> allowedMethods(JavalinState state, String path) {
        List<String> methods = new ArrayList<>();
        for (HandlerType type : METHODS) {
            if (state.internalRouter.hasHttpHandlerEntry(type, path)) {
                methods.add(type.name().toUpperCase(Locale.ROOT));
                if (type == HandlerType.GET) {
                    methods.add("HEAD"); // HeadAsGet answers HEAD wherever GET is
                }
            }
        }
        if (!methods.isEmpty()) {
            methods.add("OPTIONS");
        }
        return methods;
    }

    private static void options(Context ctx, List<String> methods) {
        if (methods.isEmpty()) {
            Problem.send(ctx, 404, "Nothing at " + ctx.path(), null);
            return;
        }
        String allow = String.join(", ", methods);
        ctx.header("Allow", allow);
        String requested = ctx.header("Access-Control-Request-Method");
        if (ctx.header("Origin") != null && requested != null) {
            ctx.header("Access-Control-Allow-Methods", allow);
            ctx.header("Access-Control-Allow-Headers", ALLOWED_HEADERS);
            ctx.header("Access-Control-Max-Age", Integer.toString(MAX_AGE_SECONDS));
            ctx.header("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
        }
        ctx.status(204);
        ctx.res().setContentType(null); // no body, no Content-Type
    }
}
