package nl.actiegraaf.web;

import io.javalin.http.Context;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the facade can still do to an answer whose status line is gone: break its connection. */
final class ClientConnection {
    private static final Logger LOG = LoggerFactory.getLogger(ClientConnection.class);

    private ClientConnection() {
    }

    /** Breaks the connection so the client sees a failure instead of a silently shortened answer. */
    static void abort(Context ctx, Throwable reason) {
        try {
            ServletContextRequest.getServletContextRequest(ctx.req()).getServletChannel().abort(reason);
        } catch (RuntimeException e) {
            LOG.debug("could not abort connection", e);
        }
    }
}
