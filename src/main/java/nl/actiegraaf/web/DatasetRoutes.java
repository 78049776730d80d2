package nl.actiegraaf.web;

import io.javalin.config.JavalinConfig;

/** The dataset as a whole: {@code /health}, {@code /download/...}, {@code /.well-known/void}. */
public final class DatasetRoutes {
    private DatasetRoutes() {
    }

    public static void register(JavalinConfig config, WebContext context) {
        // filled in by a later commit
    }
}
