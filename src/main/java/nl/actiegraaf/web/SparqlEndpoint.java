package nl.actiegraaf.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.nio.ByteBuffer;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.query.Query;

/**
 * {@code GET|POST /sparql}: the query operation of the SPARQL 1.1 Protocol, read-only. The query is
 * parsed and checked here ({@link QueryGuard}), capped ({@link RowCap}) and answered from the store's
 * link ({@link QueryAnswer}), the same way whichever store is behind it.
 */
public final class SparqlEndpoint {
    public static final String PATH = "/sparql";
    /** The page's SPARQL editor, where a browser opening {@link #PATH} without a query is sent. */
    static final String QUERY_VIEW = "/#query";

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String SPARQL_QUERY = "application/sparql-query";
    private static final String SPARQL_UPDATE = "application/sparql-update";

    private final WebContext context;
    private final QueryAnswer answer;

    private SparqlEndpoint(WebContext context) {
        this.context = context;
        this.answer = new QueryAnswer(context.store());
    }

    public static void register(JavalinConfig config, WebContext context) {
        SparqlEndpoint endpoint = new SparqlEndpoint(context);
        config.routes.get(PATH, endpoint::query);
        config.routes.post(PATH, endpoint::query);
    }

    /** The parts of a protocol request, wherever they came from (URL, form body or direct body). */
    record ProtocolRequest(String query, List<String> defaultGraphs, List<String> namedGraphs, String timeout) {
    }

    private void query(Context ctx) {
        if (isBrowserVisit(ctx)) {
            // Someone followed a link to /sparql or typed it: the page's query view is where a person
            // writes a query. The protocol's own answer (400, no query) stays for every other client.
            ctx.header("Vary", "Accept");
            ctx.status(303).header("Location", QUERY_VIEW);
            return;
        }
        ProtocolRequest request = read(ctx);
        if (request.query().getBytes(StandardCharsets.UTF_8).length > context.config().maxQueryBytes()) {
            throw new HttpResponseException(413,
                    "Query text is longer than " + context.config().maxQueryBytes() + " bytes");
        }
        Query query = QueryGuard.check(request.query());
        Duration limit = timeLimit(request.timeout());
        ctx.header("Vary", "Accept");
        try (QueryAdmission.Ticket ticket = context.admission().admit(ctx)) {
            answer.answer(ctx, RowCap.of(query, context.config().maxRows()),
                    request.defaultGraphs(), request.namedGraphs(), limit, OutputParameter.of(ctx, FORM.equals(mediaType(ctx.contentType()))),
                    ticket);
        }
    }

    /**
     * A browser opening the bare endpoint: a GET with no parameter at all whose Accept header prefers
     * HTML (as a browser's does; SPARQL clients, curl and the protocol's tests ask for results or for
     * anything). A GET with parameters but no query is a malformed protocol request, as before.
     */
    static boolean isBrowserVisit(Context ctx) {
        if (!ctx.method().name().equals("GET") || !ctx.queryParamMap().isEmpty()
                || (ctx.queryString() != null && !ctx.queryString().isEmpty())) {
            return false;
        }
        // HTML must be preferred over every answer the endpoint gives; listed last, it wins no tie (*/*).
        return AcceptHeader.prefers(ctx.header("Accept"), PAGE_OR_ANSWER, "text/html");
    }

    private static final AcceptList PAGE_OR_ANSWER = AcceptList.create("application/sparql-results+json",
            "application/sparql-results+xml", "application/json", "application/problem+json", "text/csv",
            "text/tab-separated-values", "text/turtle", "application/n-triples", "application/ld+json",
            "application/rdf+xml", "application/xml", "text/html");

    /** Reads the request by the rules of the protocol: GET, form POST or direct POST. */
    private ProtocolRequest read(Context ctx) {
        List<String> queries = new ArrayList<>(ctx.queryParams("query"));
        List<String> updates = new ArrayList<>(ctx.queryParams("update"));
        List<String> timeouts = new ArrayList<>(ctx.queryParams("timeout"));
        if (ctx.method().name().equals("POST")) {
            String mediaType = mediaType(ctx.contentType());
            switch (mediaType) {
                case FORM -> {
                    queries.addAll(ctx.formParams("query"));
                    updates.addAll(ctx.formParams("update"));
                    timeouts.addAll(ctx.formParams("timeout"));
                }
                case SPARQL_QUERY -> queries.add(utf8Body(ctx));
                case SPARQL_UPDATE -> throw readOnly();
                case "" -> throw new HttpResponseException(415,
                        "POST needs a Content-Type: " + FORM + " or " + SPARQL_QUERY);
                default -> throw new HttpResponseException(415,
                        "Unsupported Content-Type " + mediaType + ": use " + FORM + " or " + SPARQL_QUERY);
            }
        }
        if (!updates.isEmpty()) {
            throw readOnly();
        }
        if (queries.isEmpty()) {
            throw new BadParameter("query", "Missing parameter 'query'");
        }
        if (queries.get(0).isBlank()) {
            throw new BadParameter("query", "Parameter 'query' is empty");
        }
        if (queries.size() > 1) {
            throw new BadParameter("query", "More than one 'query' parameter");
        }
        if (timeouts.size() > 1) {
            throw new BadParameter("timeout", "More than one 'timeout' parameter");
        }
        return new ProtocolRequest(queries.get(0),
                merged(ctx, "default-graph-uri"),
                merged(ctx, "named-graph-uri"),
                timeouts.isEmpty() ? null : timeouts.get(0));
    }

    private static List<String> merged(Context ctx, String name) {
        List<String> values = new ArrayList<>(ctx.queryParams(name));
        if (FORM.equals(mediaType(ctx.contentType()))) {
            values.addAll(ctx.formParams(name));
        }
        return values;
    }

    /** The client may ask for a shorter limit (seconds, {@code timeout=2.5}), never a longer one. */
    private Duration timeLimit(String requested) {
        Duration max = context.config().queryTimeout();
        if (requested == null || requested.isBlank()) {
            return max;
        }
        try {
            double seconds = Double.parseDouble(requested.strip());
            if (!(seconds > 0) || Double.isInfinite(seconds)) {
                throw new NumberFormatException();
            }
            Duration asked = Duration.ofMillis(Math.max(1, (long) (seconds * 1000)));
            return asked.compareTo(max) < 0 ? asked : max;
        } catch (NumberFormatException e) {
            throw new BadParameter("timeout", "Parameter 'timeout' must be a positive number of seconds");
        }
    }

    private String utf8Body(Context ctx) {
        String charset = ProtocolChecks.charset(ctx.contentType());
        if (charset != null && !charset.equals("utf-8")) {
            throw new HttpResponseException(415, "The query must be sent in UTF-8, not " + charset);
        }
        int max = context.config().maxQueryBytes();
        byte[] bytes;
        try {
            bytes = ctx.bodyInputStream().readNBytes(max + 1);
        } catch (IOException e) {
            throw new HttpResponseException(400, "Could not read the request body");
        }
        if (bytes.length > max) {
            throw ProtocolChecks.tooLarge(ctx, "Query text is longer than " + max + " bytes");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new HttpResponseException(415, "The query is not valid UTF-8");
        }
    }

    private static HttpResponseException readOnly() {
        return new HttpResponseException(403, "SPARQL Update is not allowed: this endpoint is read-only");
    }

    /** {@code "application/sparql-query; charset=UTF-8"} -> {@code "application/sparql-query"}. */
    static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }
}
