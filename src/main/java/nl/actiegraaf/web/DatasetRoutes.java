package nl.actiegraaf.web;

import nl.actiegraaf.vocab.AG;

import nl.actiegraaf.vocab.Prefixes;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import nl.actiegraaf.vocab.Iris;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dataset as a whole: {@code /health}, the downloads and the VoID/DCAT description at
 * {@code /.well-known/void}. Their queries are {@code sparql/*.rq} ({@link SparqlFiles}).
 */
public final class DatasetRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(DatasetRoutes.class);

    /** The dataset's IRI, also written in {@code afgeleid/statistieken.rq}. */
    static final String DATASET_IRI = Iris.DATASET;
    static final String LICENSE = "https://creativecommons.org/licenses/by/4.0/";

    /** A whole-dataset download may take longer than one query, but not for ever. */
    static final Duration DOWNLOAD_TIME_LIMIT = Duration.ofMinutes(2);

    /** A download: its file name, media type and query file (listed in {@code sparql/void.rq} too). */
    record Download(String fileName, String mediaType, String query) {
    }

    static final List<Download> DOWNLOADS = List.of(
            new Download("actiegraaf.trig", "application/trig", "download-quads"),
            new Download("actiegraaf.nq", "application/n-quads", "download-quads"),
            new Download("actiegraaf.ttl", "text/turtle", "download-triples"));

    private static final Node DATASET = NodeFactory.createURI(DATASET_IRI);
    private static final Node DERIVED = NodeFactory.createURI(Iris.AFGELEID_GRAPH);

    private final StoreClient store;
    private final QueryAnswer answers;
    private final QueryAdmission admission;
    private final Query storedTriples;
    private final Query countedTriples;
    private final Query voidDescription;
    private final Query statistics;
    private final Query linksetsQuery = SparqlFiles.read("linksets");
    private final Map<String, Query> downloads = new LinkedHashMap<>();

    private final ClientOrigin origin;

    private DatasetRoutes(StoreClient store, QueryAdmission admission, ClientOrigin origin) {
        this.store = store;
        this.origin = origin;
        this.answers = new QueryAnswer(store);
        this.admission = admission;
        this.storedTriples = SparqlFiles.bind(SparqlFiles.read("triples-stored"), Map.of("derived", DERIVED, "dataset", DATASET));
        this.countedTriples = SparqlFiles.read("triples-counted");
        this.voidDescription = SparqlFiles.read("void");
        // The load's own recipe (store.DerivedData), for a store loaded by other tools.
        this.statistics = SparqlFiles.readPath("afgeleid/statistieken.rq");
        for (Download download : DOWNLOADS) {
            downloads.put(download.fileName(), SparqlFiles.read(download.query()));
        }
    }

    public static void register(JavalinConfig config, WebContext context) {
        DatasetRoutes routes = new DatasetRoutes(context.store(), context.admission(), context.origin());
        config.routes.get("/health", routes::health);
        config.routes.get("/.well-known/void", routes::voidDescription);
        for (Download download : DOWNLOADS) {
            config.routes.get("/download/" + download.fileName(), ctx -> routes.download(ctx, download));
        }
    }

    /** 200 once data is loaded; 503 while the store is empty or unreachable. */
    private void health(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        long triples;
        try {
            triples = tripleCount();
        } catch (RuntimeException e) {
            LOG.info("health: store not answering: {}", e.toString());
            body.put("status", "unavailable");
            ctx.status(503).json(body);
            return;
        }
        body.put("status", triples > 0 ? "ok" : "empty");
        body.put("triples", triples);
        ctx.status(triples > 0 ? 200 : 503).json(body);
    }

    private long tripleCount() {
        Long stored = store.read(storedTriples, DatasetRoutes::firstNumber);
        return stored != null ? stored : store.read(countedTriples, DatasetRoutes::firstNumber);
    }

    private static Long firstNumber(QueryExec exec) {
        RowSet rows = exec.select();
        return rows.hasNext() ? ((Number) rows.next().get("n").getLiteralValue()).longValue() : null;
    }

    private void download(Context ctx, Download download) {
        try (QueryAdmission.Ticket ticket = admission.admit(ctx)) {
            ctx.header("Content-Disposition", "attachment; filename=\"" + download.fileName() + "\"");
            answers.download(ctx, downloads.get(download.fileName()), ResultFormat.forGraph(download.mediaType()),
                    DOWNLOAD_TIME_LIMIT, ticket);
        }
    }

    private void voidDescription(Context ctx) {
        RdfNegotiation.Choice choice = RdfNegotiation.choose(ctx);
        Model model = describe(origin.base(ctx));
        LinkedDataRoutes.send(ctx, choice, model,
                () -> ResourcePage.resource(model.getResource(DATASET_IRI), model, model));
    }

    /** VoID and DCAT in one: counts, classes, where to query and download, licence, sources. */
    private Model describe(String base) {
        Query query = SparqlFiles.bind(voidDescription, Map.of("dataset", DATASET, "derived", DERIVED,
                "base", NodeFactory.createLiteralString(base), "uriSpace", NodeFactory.createLiteralString(Iris.ID),
                "vocabulary", NodeFactory.createURI(AG.NS)));
        Graph graph = store.read(query, QueryExec::construct);
        if (!graph.contains(DATASET, NodeFactory.createURI("http://rdfs.org/ns/void#triples"), Node.ANY)) {
            // A store loaded by other tools has no derived graph: the figures are counted now.
            store.read(statistics, QueryExec::construct).find().forEach(graph::add);
        }
        Graph linksets = store.read(linksetsQuery, QueryExec::construct);
        linksets.find().forEach(graph::add);
        Node subset = NodeFactory.createURI("http://rdfs.org/ns/void#subset");
        linksets.find(Node.ANY, org.apache.jena.vocabulary.RDF.Nodes.type, NodeFactory.createURI("http://rdfs.org/ns/void#Linkset"))
                .forEach(t -> graph.add(DATASET, subset, t.getSubject()));
        Model model = ModelFactory.createModelForGraph(graph);
        model.setNsPrefixes(Prefixes.ALL);
        return model;
    }
}
