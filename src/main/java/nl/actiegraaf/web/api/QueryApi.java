package nl.actiegraaf.web.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;

import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSetStream;

import nl.actiegraaf.web.AcceptHeader;
import nl.actiegraaf.web.Problem;
import nl.actiegraaf.web.StoreClient;

/**
 * The curated queries as a JSON API, the OpenAPI document and its browsable page. The queries are
 * read once, here; each request only binds values, runs the query and writes the rows.
 *
 * <pre>{@code
 * QueryApi api = QueryApi.load(Path.of("queries"), store, Settings.defaults());   // fails at start on a broken file
 * Javalin.create(config -> api.register(config));
 * }</pre>
 */
public final class QueryApi {
    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    private static final String JSON_TYPE = "application/json; charset=utf-8";
    private static final String CSV_TYPE = "text/csv; charset=utf-8";
    private static final String SWAGGER_UI = "META-INF/resources/webjars/swagger-ui/";

    /**
     * @param timeout wall-clock limit of one query
     * @param maxLimit the largest page a client may ask for
     * @param graphRowCap the most edges a graph-shaped query returns (more is flagged, never cut silently)
     * @param answerCap the most rows of an answer the client did not page (no {@code limit}): more is
     *        flagged in the body (JSON) or refused (CSV), never cut silently
     */
    public record Settings(Duration timeout, int maxLimit, int graphRowCap, int answerCap) {
        /** Rows of a plain (unpaged) answer: every curated query over the seed answers far fewer. */
        public static final int DEFAULT_ANSWER_CAP = 10_000;
        /** Rows of an answer to {@code limit=all}: the SPARQL endpoint's row cap. */
        public static final int ALL_ROWS_CAP = (int) nl.actiegraaf.web.RowCap.DEFAULT_MAX_ROWS;

        public Settings {
            if (maxLimit < 1 || graphRowCap < 1 || answerCap < 1) {
                throw new IllegalArgumentException("limits must be positive");
            }
        }

        public Settings(Duration timeout, int maxLimit, int graphRowCap) {
            this(timeout, maxLimit, graphRowCap, DEFAULT_ANSWER_CAP);
        }

        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(10), 1000, 10_000, DEFAULT_ANSWER_CAP);
        }

        public Settings withAnswerCap(int cap) {
            return new Settings(timeout, maxLimit, graphRowCap, cap);
        }
    }

    /**
     * Who may run a query now: the facade's fair share of the store. {@code admit} returns a ticket
     * to close when the answer is sent, or throws an {@link HttpResponseException} (429/503, with
     * Retry-After already set) when the client or the server has too many queries running.
     */
    @FunctionalInterface
    public interface Admission {
        AutoCloseable admit(Context ctx);
    }

    private static final Admission EVERYONE = ctx -> () -> { };

    /** Response header telling whether an answer came from the cache ({@code hit}) or the store ({@code miss}). */
    public static final String CACHE_HEADER = nl.actiegraaf.web.HttpPolicy.CACHE_HEADER;
    // Curated answers are small pages; a thousand of them in at most 64 MiB covers the common calls.
    private static final int CACHE_ENTRIES = 1000;
    private static final long CACHE_BYTES = 64L * 1024 * 1024;
    private static final Duration CACHE_MAX_AGE = Duration.ofMinutes(10);
    private static final Duration VERSION_REFRESH = Duration.ofSeconds(1);
    private static final Duration WARM_UP_DELAY = Duration.ofSeconds(5);
    /**
     * A warm-up query's limit: work done once per data version in the background, so not held to a
     * request's limit (a bare {@code netwerk} over 1,000x the seed takes longer than 10 s); still bounded.
     */
    static final Duration WARM_UP_LIMIT = Duration.ofMinutes(2);

    private final QueryCatalog catalog;
    private final QueryBinder binder;
    private final QueryRunner runner;
    private final Admission admission;
    private final DataVersion dataVersion;
    private final ResponseCache cache;
    private final CacheWarmer warmer;
    private final KnownResources known;

    private QueryApi(QueryCatalog catalog, QueryBinder binder, QueryRunner runner, Admission admission,
            DataVersion dataVersion, ResponseCache cache, CacheWarmer warmer, KnownResources known) {
        this.catalog = catalog;
        this.binder = binder;
        this.runner = runner;
        this.admission = admission;
        this.dataVersion = dataVersion;
        this.cache = cache;
        this.known = known;
        // Each new data version is answered in advance for the common calls: work done once per load, not per user.
        this.warmer = warmer != null ? warmer : new CacheWarmer(CacheWarmer.callsOf(catalog), binder, cache,
                dataVersion::current,
                (curated, bound, path) -> answer(curated, bound, path, false, runner.run(bound.query(), WARM_UP_LIMIT)),
                WARM_UP_DELAY, CACHE_MAX_AGE.minusSeconds(30));
    }

    private QueryApi(QueryCatalog catalog, StoreClient store, Settings settings) {
        this(catalog, new QueryRunner(store, settings.timeout()), settings);
    }

    private QueryApi(QueryCatalog catalog, QueryRunner runner, Settings settings) {
        this(catalog, runner, settings, new DataVersion(runner, VERSION_REFRESH));
    }

    private QueryApi(QueryCatalog catalog, QueryRunner runner, Settings settings, DataVersion dataVersion) {
        this(catalog, runner, settings, dataVersion,
                new KnownResources(catalog, runner, dataVersion::current, WARM_UP_LIMIT));
    }

    private QueryApi(QueryCatalog catalog, QueryRunner runner, Settings settings, DataVersion dataVersion,
            KnownResources known) {
        this(catalog, new QueryBinder(settings.maxLimit(), settings.graphRowCap(), settings.answerCap(),
                Settings.ALL_ROWS_CAP, known), runner, EVERYONE, dataVersion,
                new ResponseCache(CACHE_ENTRIES, CACHE_BYTES, CACHE_MAX_AGE), null, known);
    }

    /** This API, running each query only once {@code admission} lets it (values are checked before). */
    public QueryApi admittedBy(Admission admission) {
        return new QueryApi(catalog, binder, runner, admission, dataVersion, cache, warmer, known);
    }

    /**
     * Reads and checks every {@code .rq} file of a folder.
     *
     * @param queriesDir the folder of {@code .rq} files, or null for none (the OpenAPI document and
     *        its page are served all the same)
     * @param store the facade's way to the store
     * @throws QueryFileException "file:line: problem" for a file that cannot be served
     */
    public static QueryApi load(Path queriesDir, StoreClient store, Settings settings) {
        QueryCatalog catalog = queriesDir == null ? QueryCatalog.empty() : QueryCatalog.load(queriesDir);
        return new QueryApi(catalog, store, settings);
    }

    public QueryCatalog catalog() {
        return catalog;
    }

    /** Registers the routes; the OpenAPI document also describes {@link CoreRoutes#ALL}. */
    public void register(JavalinConfig config) {
        register(config, CoreRoutes.ALL);
    }

    /**
     * Registers {@code GET /api/queries}, {@code GET /api/queries/{name}}, {@code GET /openapi.json},
     * {@code GET /api/docs} (Swagger UI, served from its WebJar).
     *
     * @param otherRoutes the facade's other routes, for the OpenAPI document
     */
    public void register(JavalinConfig config, List<RouteDescription> otherRoutes) {
        byte[] listing = toJson(listing());
        byte[] openApi = OpenApiDocument.bytes(OpenApiDocument.generate(catalog, otherRoutes, version()));
        String swaggerVersion = swaggerUiVersion();
        // Read before the warm-up's answers, so the warm-up runs against known values too.
        dataVersion.onChange(known::read);
        dataVersion.onChange(warmer::warm);
        config.events.serverStopping(warmer::close);
        config.events.serverStopping(known::close);
        dataVersion.prime();
        config.staticFiles.add(files -> {
            files.hostedPath = ApiPaths.DOCS_ASSETS;
            files.directory = "/" + SWAGGER_UI + swaggerVersion;
            files.location = Location.CLASSPATH;
        });
        // Both are fixed from start to stop, so a hash of their bytes is their ETag.
        String listingTag = ConditionalGet.etag(listing);
        String openApiTag = ConditionalGet.etag(openApi);
        config.routes.get(ApiPaths.QUERIES, ctx -> ConditionalGet.serveFixed(ctx, JSON_TYPE, listing, listingTag));
        config.routes.get(ApiPaths.QUERY, this::runQuery);
        // Raised outside runQuery too (by routes of other modules that bind parameters the same way).
        config.routes.exception(ParameterException.class, (e, ctx) -> error(ctx, 400, e.getMessage(), e.parameter()));
        config.routes.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage(), null));
        config.routes.get(ApiPaths.OPENAPI, ctx -> ConditionalGet.serveFixed(ctx, JSON_TYPE, openApi, openApiTag));
        config.routes.get(ApiPaths.DOCS, ctx -> ctx.contentType("text/html; charset=utf-8").result(DOCS_PAGE));
        config.routes.get(ApiPaths.DOCS + "/init.js",
                ctx -> ctx.contentType("text/javascript; charset=utf-8").result(DOCS_SCRIPT));
    }

    @SuppressWarnings("try") // the admission ticket is held, not used, while the query runs
    private void runQuery(Context ctx) {
        String name = ctx.pathParam("name");
        boolean csvSuffix = name.endsWith(".csv");
        if (csvSuffix) {
            name = name.substring(0, name.length() - ".csv".length());
        }
        // JSON or CSV by the Accept header: caches must keep them apart.
        ctx.header("Vary", "Accept");
        try {
            String queryName = name;
            CuratedQuery curated = catalog.get(name)
                    .orElseThrow(() -> new ApiException(404, "no curated query named '" + ParameterType.shown(queryName)
                            + "'; see " + ApiPaths.QUERIES));
            QueryBinder.Bound bound = binder.bind(curated, ctx.queryParamMap());
            boolean csv = csvSuffix || wantsCsv(ctx);
            // Checked after the values, so a bad request is a 400 whatever the cache holds.
            String version = dataVersion.current().orElse(null);
            String key = cacheKey(ctx.path(), bound, csv);
            String etag = version == null ? null : ConditionalGet.etag(version, key);
            if (etag != null && ConditionalGet.notModified(ctx, etag)) {
                return;
            }
            ResponseCache.Answer cached = version == null ? null : cache.get(version, key).orElse(null);
            if (cached != null) {
                send(ctx, cached, etag, "hit");
                return;
            }
            ResponseCache.Answer answer;
            try (AutoCloseable ticket = admission.admit(ctx)) {
                answer = answer(curated, bound, ctx.path(), csv, runner.run(bound.query(), bound.asOf(), version));
            }
            if (version != null) {
                cache.put(version, key, answer);
            }
            send(ctx, answer, etag, "miss");
        } catch (ParameterException e) {
            error(ctx, 400, e.getMessage(), e.parameter());
        } catch (ApiException e) {
            error(ctx, e.status(), e.getMessage(), null);
        } catch (HttpResponseException e) {
            error(ctx, e.getStatus(), e.getMessage(), null);
        } catch (Exception e) {
            // Only closing a ticket can throw a checked exception here; the answer is already complete.
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e);
        }
    }

    /**
     * What decides the bytes of an answer besides the data: the path (query name, and a {@code .csv}
     * suffix, which also shows in the Link header), the output format, the bound values (sorted, so
     * the order of the request's parameters does not matter) and the page.
     */
    static String cacheKey(String path, QueryBinder.Bound bound, boolean csv) {
        StringBuilder key = new StringBuilder(path).append('\0').append(csv ? "csv" : "json");
        new java.util.TreeMap<>(bound.given()).forEach((name, value) -> key.append('\0').append(name).append('=').append(value));
        return key.append('\0').append(bound.limit()).append('\0').append(bound.offset())
                .append('\0').append(bound.whole()).toString();
    }

    /** Waits until the warm-up of the current data version has ended; false if it has not within {@code limit}. */
    boolean awaitWarmUp(Duration limit) throws InterruptedException {
        return warmer.awaitIdle(limit);
    }

    private ResponseCache.Answer answer(CuratedQuery curated, QueryBinder.Bound bound, String path, boolean csv,
            QueryRunner.Rows result) {
        return curated.output() == CuratedQuery.Output.GRAPH
                ? graphAnswer(result, bound.limit(), csv)
                : rowsAnswer(path, bound, result, csv);
    }

    private static void send(Context ctx, ResponseCache.Answer answer, String etag, String cacheState) {
        if (etag != null) {
            ConditionalGet.validators(ctx, etag);
            ctx.header(CACHE_HEADER, cacheState);
        }
        answer.headers().forEach(ctx::header);
        ctx.contentType(answer.contentType()).result(answer.body());
    }

    private static ResponseCache.Answer rowsAnswer(String path, QueryBinder.Bound bound, QueryRunner.Rows result,
            boolean csv) {
        List<Binding> rows = result.rows();
        boolean hasNext = rows.size() > bound.limit();
        if (hasNext) {
            rows = rows.subList(0, bound.limit());
        }
        boolean cut = hasNext && bound.whole();
        if (cut && csv) {
            // A CSV reader (pandas.read_csv, R's read.csv, a spreadsheet) sees neither headers nor a Link, and a
            // trailing marker line would be read as one more data row (a wrong count, a number column turned
            // into text): a silently wrong table. So a cut whole-CSV answer is refused, and the refusal says
            // how to get every row; a page the client asked for (limit/offset) is served with its Link header.
            throw new ApiException(422, "the answer has more than " + bound.limit() + " rows, more than one CSV "
                    + "answer holds: ask limit=all for up to " + Settings.ALL_ROWS_CAP + " rows, or page with "
                    + "limit (at most 1000) and offset, following the Link header");
        }
        List<String> links = new ArrayList<>();
        if (hasNext) {
            links.add(link(path, bound, bound.offset() + bound.limit(), "next"));
        }
        if (bound.offset() > 0) {
            links.add(link(path, bound, Math.max(0, bound.offset() - bound.limit()), "prev"));
        }
        Map<String, String> headers = links.isEmpty() ? Map.of() : Map.of("Link", String.join(", ", links));
        if (csv) {
            return new ResponseCache.Answer(CSV_TYPE, csvBytes(result.vars(), rows), headers);
        }
        List<Map<String, Object>> objects = new ArrayList<>(rows.size());
        for (Binding row : rows) {
            objects.add(ResultValues.row(result.vars(), row));
        }
        if (cut) {
            return new ResponseCache.Answer(JSON_TYPE, toJson(cutAnswer(path, bound, objects)), headers);
        }
        return new ResponseCache.Answer(JSON_TYPE, toJson(objects), headers);
    }

    /**
     * A whole answer cut at its cap: the rows under {@code rows} (a chart tool reads them with a property
     * path, Vega-Lite's {@code format.property: "rows"}), the cut told beside them. Every complete answer
     * stays a plain array, so clients written for it keep working; one that meets a cut answer fails
     * loudly (an object where it expected an array) instead of counting too few rows.
     */
    private static Map<String, Object> cutAnswer(String path, QueryBinder.Bound bound, List<Map<String, Object>> rows) {
        Map<String, Object> truncated = new LinkedHashMap<>();
        truncated.put("cap", bound.limit());
        truncated.put("reason", "the answer has more than " + bound.limit() + " rows; these are the first "
                + bound.limit());
        if (bound.limit() < Settings.ALL_ROWS_CAP) {
            Map<String, String> all = new LinkedHashMap<>(bound.given());
            all.put("limit", QueryBinder.ALL);
            truncated.put("all", ApiPaths.withParameters(path, all));
        }
        Map<String, String> next = new LinkedHashMap<>(bound.given());
        next.put("limit", Integer.toString(Math.min(bound.limit(), MAX_PAGE_IN_LINK)));
        next.put("offset", Integer.toString(bound.offset() + bound.limit()));
        truncated.put("next", ApiPaths.withParameters(path, next));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rows", rows);
        body.put("truncated", truncated);
        return body;
    }

    /** A page link names a limit a client may ask for ({@code Settings.maxLimit}'s default). */
    private static final int MAX_PAGE_IN_LINK = 1000;

    /** The graph as {nodes, edges}, or as CSV its edge rows (one per edge, as the query selects them). */
    private static ResponseCache.Answer graphAnswer(QueryRunner.Rows result, int cap, boolean csv) {
        List<Binding> rows = result.rows();
        Map<String, String> headers = Map.of();
        String truncated = null;
        if (rows.size() > cap) {
            // Never cut silently: the client is told the graph is partial, in the header and in the body.
            truncated = "more than " + cap + " edges; narrow the query with its parameters";
            headers = Map.of("Actiegraaf-Truncated", truncated);
            rows = rows.subList(0, cap);
        }
        if (csv) {
            if (truncated != null) {
                // As for rows: a CSV reader would take a cut edge list for the whole graph.
                throw new ApiException(422, "the graph has " + truncated);
            }
            return new ResponseCache.Answer(CSV_TYPE, csvBytes(result.vars(), rows), headers);
        }
        GraphShape.Graph graph = GraphShape.of(result.vars(), rows);
        if (truncated == null) {
            return new ResponseCache.Answer(JSON_TYPE, toJson(graph), headers);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("nodes", graph.nodes());
        body.put("edges", graph.edges());
        body.put("truncated", Map.of("cap", cap, "reason", truncated));
        return new ResponseCache.Answer(JSON_TYPE, toJson(body), headers);
    }

    private static byte[] csvBytes(List<String> columns, List<Binding> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Var> vars = columns.stream().map(Var::alloc).toList();
        ResultSetMgr.write(out, org.apache.jena.query.ResultSet.adapt(RowSetStream.create(vars, rows.iterator())),
                ResultSetLang.RS_CSV);
        return out.toByteArray();
    }

    private static String link(String path, QueryBinder.Bound bound, int offset, String rel) {
        Map<String, String> params = new LinkedHashMap<>(bound.given());
        params.put("limit", Integer.toString(bound.whole() ? Math.min(bound.limit(), MAX_PAGE_IN_LINK) : bound.limit()));
        params.put("offset", Integer.toString(offset));
        return "<" + ApiPaths.withParameters(path, params) + ">; rel=\"" + rel + "\"";
    }

    /** What the API offers, JSON first: it is the answer when the client names neither or both alike. */
    private static final AcceptList OFFER = AcceptList.create("application/json", "text/csv");

    /** Content negotiation as everywhere in the facade ({@link AcceptHeader}); the default is JSON. */
    private static boolean wantsCsv(Context ctx) {
        return AcceptHeader.prefers(ctx.header("Accept"), OFFER, "text/csv");
    }

    /** Errors as everywhere in the facade: an RFC 9457 problem naming the parameter ({@link Problem}). */
    private static void error(Context ctx, int status, String message, String parameter) {
        Problem.send(ctx, status, message, parameter);
    }

    private List<Map<String, Object>> listing() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (CuratedQuery q : catalog.all()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", q.name());
            entry.put("summary", q.summary());
            entry.put("description", q.description());
            entry.put("tags", q.tags());
            entry.put("url", ApiPaths.query(q.name()));
            entry.put("example", q.example());
            entry.put("output", q.output().name().toLowerCase(java.util.Locale.ROOT));
            List<Map<String, Object>> params = new ArrayList<>();
            for (QueryParameter p : q.parameters()) {
                Map<String, Object> param = new LinkedHashMap<>();
                param.put("name", p.name());
                param.put("type", p.type().headerName());
                param.put("required", p.required());
                param.put("description", p.description());
                param.put("default", p.defaultValue());
                param.put("enum", p.allowed().isEmpty() ? null : p.allowed());
                param.put("base", p.base());
                param.put("lang", p.lang());
                param.put("example", p.example());
                params.add(param);
            }
            entry.put("parameters", params);
            entry.put("columns", q.columns());
            entry.put("pageSize", q.output() == CuratedQuery.Output.ROWS ? q.pageSize() : null);
            list.add(entry);
        }
        return list;
    }

    private static byte[] toJson(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static String version() {
        String v = QueryApi.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0" : v;
    }

    /** The Swagger UI version of the WebJar on the class path, read from its Maven metadata. */
    private static String swaggerUiVersion() {
        try (InputStream in = QueryApi.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui WebJar is not on the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the swagger-ui WebJar", e);
        }
    }

    // The page loads its script from a file, not inline, so a strict Content-Security-Policy passes.
    private static final String DOCS_PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Actiegraaf API</title>
              <link rel="stylesheet" href="docs/assets/swagger-ui.css">
            </head>
            <body>
              <div id="swagger-ui"></div>
              <script src="docs/assets/swagger-ui-bundle.js"></script>
              <script src="docs/assets/swagger-ui-standalone-preset.js"></script>
              <script src="docs/init.js"></script>
            </body>
            </html>
            """;

    private static final String DOCS_SCRIPT = """
            window.addEventListener("load", function () {
              window.ui = SwaggerUIBundle({
                url: "../openapi.json",
                dom_id: "#swagger-ui",
                deepLinking: true,
                presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
                layout: "StandaloneLayout"
              });
            });
            """;

}
