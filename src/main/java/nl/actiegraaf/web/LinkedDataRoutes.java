package nl.actiegraaf.web;

import io.javalin.config.JavalinConfig;

/** {@code /id/...} and {@code /def}: dereferenceable resources by content negotiation. */
public final class LinkedDataRoutes {
    private LinkedDataRoutes() {
    }

    public static void register(JavalinConfig config, WebContext context) {
        // filled in by a later commit
    }
}
