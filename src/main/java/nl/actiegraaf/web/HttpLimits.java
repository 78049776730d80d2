package nl.actiegraaf.web;

import io.javalin.config.JavalinConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * Jetty's own limits and answers made to agree with the facade's.
 *
 * <p>A query sent by GET travels in the request line, percent-encoded (up to three bytes per byte),
 * and Jetty's default of 8 KiB for the request line and headers would refuse a long but allowed GET
 * query with its own error page (431). With room for {@code maxQueryBytes} encoded, every query up
 * to the limit reaches {@link SparqlEndpoint}, and every query over it gets the facade's own 413.
 *
 * <p>Requests Jetty refuses before any route sees them (a URI with {@code %00} or an ambiguous
 * {@code %2e%2e} segment, headers over the limit) are answered by Jetty's error handler: here it
 * carries the same security headers as every other answer, and never a stack trace.
 *
 * <p>Timeouts: Jetty's idle timeout (a read or write that makes no progress) is the query limit
 * ({@link nl.actiegraaf.web.FacadeConfig#idleTimeout()}); requests sent slowly are cut by
 * {@link SlowSenders}; answers of a query are cut at its limit ({@link ClientConnection#cutAt}).
 */
public final class HttpLimits {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HttpLimits.class);
    /** Headers other than the request line: cookies, Accept and the like. */
    private static final int OTHER_HEADERS = 16 * 1024;

    private HttpLimits() {
    }

    public static void register(JavalinConfig config, WebContext context) {
        int requestHeaderSize = 3 * context.config().maxQueryBytes() + 64 + OTHER_HEADERS;
        long idleMillis = context.config().idleTimeout().toMillis();
        config.jetty.modifyHttpConfiguration(http -> {
            http.setRequestHeaderSize(requestHeaderSize);
            http.setIdleTimeout(idleMillis);
        });
        // A read or write that failed mid-request (a client gone, or cut by a read timeout): nothing can be
        // told to the client any more, and it is not the server's failure.
        config.routes.exception(IOException.class, (e, ctx) -> {
            LOG.debug("{} {}: connection failed: {}", ctx.method(), ctx.path(), e.toString());
            ClientConnection.abort(ctx, e);
        });
        config.jetty.modifyServer(server -> {
            server.setErrorHandler(new SecureErrors());
            server.addEventListener(new SlowSenders(context.config().headerTimeout(), context.config().bodyTimeout()));
            // The connectors exist once the server starts: a write or read that makes no progress for the
            // query limit fails (an answer's own deadline ends it sooner, see ClientConnection.cutAt).
            server.addEventListener(new LifeCycle.Listener() {
                @Override
                public void lifeCycleStarting(LifeCycle event) {
                    for (Connector connector : server.getConnectors()) {
                        if (connector instanceof AbstractConnector network) {
                            network.setIdleTimeout(idleMillis);
                        }
                    }
                }
            });
        });
    }

    /** Jetty's error answers with the facade's security headers and without stacks. */
    static final class SecureErrors extends ErrorHandler {
        SecureErrors() {
            setShowStacks(false);
            setShowCauses(false);
        }

        /** Jetty's own refusals in the facade's one error format ({@link Problem}), or a page for a browser. */
        @Override
        protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                        Callback callback) throws IOException {
            addSecurityHeaders(response.getHeaders());
            Problem problem = new Problem(code, message == null || message.isBlank() ? HttpStatus.getMessage(code) : message,
                    null, request.getHttpURI().getPath());
            boolean html = Problem.wantsHtml(request.getHeaders().get(HttpHeader.ACCEPT));
            byte[] body = html ? ErrorPage.html(problem).getBytes(StandardCharsets.UTF_8) : problem.json();
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, html ? "text/html; charset=utf-8" : Problem.MEDIA_TYPE);
            response.write(true, ByteBuffer.wrap(body), callback);
        }

        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            addSecurityHeaders(fields);
            fields.put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
            return ByteBuffer.wrap(new Problem(status, reason == null || reason.isBlank() ? HttpStatus.getMessage(status)
                    : reason, null, null).json());
        }

        private static void addSecurityHeaders(HttpFields.Mutable fields) {
            fields.put("X-Content-Type-Options", "nosniff");
            fields.put("Referrer-Policy", "strict-origin-when-cross-origin");
            fields.put("Content-Security-Policy", HttpPolicy.CONTENT_SECURITY_POLICY);
            fields.put("X-Frame-Options", "DENY");
        }
    }
}
