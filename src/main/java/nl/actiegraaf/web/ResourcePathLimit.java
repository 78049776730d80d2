package nl.actiegraaf.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;

/**
 * No resource IRI of Actiegraaf is longer than a few hundred characters, so a longer {@code /id/...}
 * path names nothing: it is answered 414 here, before it becomes a query. It used to reach the store,
 * whose request log wrote the whole IRI (a 200 KB path: 800 KB of log per request).
 */
final class ResourcePathLimit {
    /** Far above any minted IRI ({@code id/stand/{edition}/{n}/{kind}/{k}}), far below a flood. */
    static final int MAX_PATH_CHARS = 1024;

    private ResourcePathLimit() {
    }

    static void register(JavalinConfig config, WebContext context) {
        config.routes.before("/id/<path>", ResourcePathLimit::check);
    }

    static void check(Context ctx) {
        if (ctx.path().length() > MAX_PATH_CHARS) {
            throw new HttpResponseException(414, "Resource path longer than " + MAX_PATH_CHARS + " characters: no such resource");
        }
    }
}
