package nl.actiegraaf.web;

import io.javalin.config.JavalinConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

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
 */
public final class HttpLimits {
    /** Headers other than the request line: cookies, Accept and the like. */
    private static final int OTHER_HEADERS = 16 * 1024;

    private HttpLimits() {
    }

    public static void register(JavalinConfig config, WebContext context) {
        int requestHeaderSize = 3 * context.config().maxQueryBytes() + 64 + OTHER_HEADERS;
        config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(requestHeaderSize));
        config.jetty.modifyServer(server -> server.setErrorHandler(new SecureErrors()));
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
