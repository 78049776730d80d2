package nl.actiegraaf.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import org.apache.jena.atlas.web.AcceptList;

/**
 * The one way the facade answers an error: an RFC 9457 problem document
 * ({@code application/problem+json}: {@code type}, {@code title}, {@code status}, {@code detail},
 * {@code instance}, and the extension member {@code parameter} naming the request parameter at
 * fault), or, for a browser (an Accept header that prefers {@code text/html}), a plain HTML page
 * with the site's navigation ({@link ErrorPage}). Every route, Javalin's own 404/405 and Jetty's
 * own refusals end here, so a client parses one format.
 *
 * @param status the HTTP status
 * @param detail what is wrong with this request, one line
 * @param parameter the request parameter at fault, or null
 * @param instance the request's path (without its query string, which may be long or private), or null
 */
public record Problem(int status, String detail, String parameter, String instance) {
    public static final String MEDIA_TYPE = "application/problem+json";
    /** RFC 9457 §4.2.1: no further semantics than the status code; the title is the status's phrase. */
    public static final String TYPE = "about:blank";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What an error can be sent as; the first is the answer for clients that do not say. */
    private static final AcceptList OFFERS = AcceptList.create(MEDIA_TYPE, "application/json", "text/html");

    public Problem {
        detail = oneLine(detail);
    }

    /** The status's reason phrase ("Not Found"): the problem's title. */
    public String title() {
        HttpStatus known = HttpStatus.Companion.forStatus(status);
        return known == HttpStatus.UNKNOWN ? "Error " + status : known.getMessage();
    }

    public byte[] json() {
        ObjectNode body = JSON.createObjectNode();
        body.put("type", TYPE);
        body.put("title", title());
        body.put("status", status);
        body.put("detail", detail);
        if (instance != null) {
            body.put("instance", instance);
        }
        if (parameter != null) {
            body.put("parameter", parameter);
        }
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers {@code ctx} with this problem, as JSON or (for a browser) as an HTML page. */
    public void send(Context ctx) {
        HttpPolicy.securityHeaders(ctx);
        Cors.allowOrigin(ctx);
        ctx.header("Vary", "Accept");
        ctx.status(status);
        if (wantsHtml(ctx.header("Accept"))) {
            ctx.contentType("text/html; charset=utf-8").result(ErrorPage.html(this).getBytes(StandardCharsets.UTF_8));
        } else {
            ctx.contentType(MEDIA_TYPE).result(json());
        }
    }

    /** Answers {@code ctx} with the problem of this status and detail. */
    public static void send(Context ctx, int status, String detail, String parameter) {
        new Problem(status, detail, parameter, ctx.path()).send(ctx);
    }

    /** A browser asks for HTML before anything else; a script, curl or a SPARQL client does not. */
    static boolean wantsHtml(String accept) {
        return AcceptHeader.prefers(accept, OFFERS, "text/html");
    }

    /** Parser messages span lines; a client wants the first, and never our internals. */
    static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "Error";
        }
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
