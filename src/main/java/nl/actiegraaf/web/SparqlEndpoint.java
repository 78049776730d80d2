package nl.actiegraaf.web;

import io.javalin.config.JavalinConfig;

/** {@code GET|POST /sparql}: the SPARQL 1.1 Protocol query operation, read-only. */
public final class SparqlEndpoint {
    private SparqlEndpoint() {
    }

    public static void register(JavalinConfig config, WebContext context) {
        // filled in by the next commit
    }
}
