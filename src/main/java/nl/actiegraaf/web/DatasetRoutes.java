package nl.actiegraaf.web;

import nl.actiegraaf.vocab.AG;

import nl.actiegraaf.vocab.Prefixes;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import nl.actiegraaf.vocab.Iris;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dataset as a whole: {@code /health}, the downloads and the VoID/DCAT description at
 * {@code /.well-known/void}.
 */
public final class DatasetRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(DatasetRoutes.class);

    /** The dataset's IRI, also written in {@code afgeleid/statistieken.rq}. */
    private static final String DATASET_IRI_TEXT = Iris.DATASET;

    /** A whole-dataset download may take longer than one query, but not for ever. */
    static final Duration DOWNLOAD_TIME_LIMIT = Duration.ofMinutes(2);

    /** The downloads: file name -> (media type, query). Quads keep the named graphs (provenance). */
    record Download(String fileName, String mediaType, String query) {
    }

    static final List<Download> DOWNLOADS = List.of(
            new Download("actiegraaf.trig", "application/trig",
                    "CONSTRUCT { GRAPH ?g { ?s ?p ?o } } WHERE { GRAPH ?g { ?s ?p ?o } }"),
            new Download("actiegraaf.nq", "application/n-quads",
                    "CONSTRUCT { GRAPH ?g { ?s ?p ?o } } WHERE { GRAPH ?g { ?s ?p ?o } }"),
            new Download("actiegraaf.ttl", "text/turtle",
                    "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"));

    private static final String COUNT_TRIPLES = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";
    private static final String CLASSES = """
            SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class ORDER BY ?class
            """;
    // The same figures as computed by the load into the derived graph (store.DerivedData): a lookup
    // instead of a count over the whole store per request. A store loaded by other tools has no
    // derived graph: then they are counted as above.
    private static final String STORED_TRIPLES = """
            SELECT ?n WHERE { GRAPH <%s> { <%s> <http://rdfs.org/ns/void#triples> ?n } }
            """.formatted(Iris.AFGELEID_GRAPH, DATASET_IRI_TEXT);
    private static final String STORED_CLASSES = """
            PREFIX void: <http://rdfs.org/ns/void#>
            SELECT ?class ?n WHERE {
              GRAPH <%s> { <%s> void:classPartition ?partition . ?partition void:class ?class ; void:entities ?n }
            } ORDER BY ?class
            """.formatted(Iris.AFGELEID_GRAPH, DATASET_IRI_TEXT);
    private static final String REPORTS = """
            PREFIX ag: <https://w3id.org/actiegraaf/def#>
            SELECT DISTINCT ?report WHERE { ?report a ag:Rapport } ORDER BY ?report
            """;

    /** The linksets the store holds (graph/tk: `link tk`), each described in its own graph. */
    private static final String LINKSETS = """
            PREFIX void: <http://rdfs.org/ns/void#>
            CONSTRUCT { ?linkset ?p ?o . ?target ?tp ?to }
            WHERE { ?linkset a void:Linkset ; ?p ?o . OPTIONAL { ?linkset void:objectsTarget ?target . ?target ?tp ?to } }
            """;

    static final String DATASET_IRI = DATASET_IRI_TEXT;
    static final String LICENSE = "https://creativecommons.org/licenses/by/4.0/";

    private final StoreClient store;
    private final QueryAdmission admission;

    private DatasetRoutes(StoreClient store, QueryAdmission admission) {
        this.store = store;
        this.admission = admission;
    }

    public static void register(JavalinConfig config, WebContext context) {
        DatasetRoutes routes = new DatasetRoutes(context.store(), context.admission());
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
        try (QueryExecution exec = store.execution(QueryFactory.create(STORED_TRIPLES))) {
            ResultSet stored = exec.execSelect();
            if (stored.hasNext()) {
                return stored.next().getLiteral("n").getLong();
            }
        }
        try (QueryExecution exec = store.execution(QueryFactory.create(COUNT_TRIPLES))) {
            return exec.execSelect().next().getLiteral("n").getLong();
        }
    }

    private void download(Context ctx, Download download) {
        try (QueryAdmission.Ticket ticket = admission.admit(ctx)) {
            ctx.header("Content-Disposition", "attachment; filename=\"" + download.fileName() + "\"");
            UpstreamRelay.relay(ctx,
                    store.send(download.query(), List.of(), List.of(), download.mediaType(), DOWNLOAD_TIME_LIMIT),
                    DOWNLOAD_TIME_LIMIT);
        }
    }

    private void voidDescription(Context ctx) {
        RdfNegotiation.Choice choice = RdfNegotiation.choose(ctx);
        Model model = describe(baseUrl(ctx));
        LinkedDataRoutes.send(ctx, choice, model,
                () -> ResourcePage.resource(model.getResource(DATASET_IRI), model, model));
    }

    /** VoID and DCAT in one: counts, classes, where to query and download, licence, sources. */
    private Model describe(String base) {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefixes(Prefixes.ALL);
        String voidNs = "http://rdfs.org/ns/void#";
        String dcat = "http://www.w3.org/ns/dcat#";
        String rdfs = "http://www.w3.org/2000/01/rdf-schema#";
        Resource dataset = m.createResource(DATASET_IRI)
                .addProperty(RDF.type, m.createResource(voidNs + "Dataset"))
                .addProperty(RDF.type, m.createResource(dcat + "Dataset"))
                .addProperty(m.createProperty(rdfs, "label"), "Actiegraaf", "nl")
                .addProperty(DCTerms.title, "Actiegraaf: vervolgacties op de parlementaire ondervraging kinderopvangtoeslag", "nl")
                .addProperty(DCTerms.description, "Wat het kabinet na de POK toezegde te doen: acties, moties, "
                        + "organisaties, toezeggingen en termijnen, herleidbaar tot de zin in het rapport.", "nl")
                .addProperty(DCTerms.license, m.createResource(LICENSE))
                .addProperty(m.createProperty(voidNs, "sparqlEndpoint"), m.createResource(base + SparqlEndpoint.PATH))
                .addProperty(m.createProperty(voidNs, "uriSpace"), Iris.ID)
                .addProperty(m.createProperty(voidNs, "vocabulary"), m.createResource(AG.NS))
                .addLiteral(m.createProperty(voidNs, "triples"), tripleCount());
        for (Download download : DOWNLOADS) {
            Resource file = m.createResource(base + "/download/" + download.fileName());
            dataset.addProperty(m.createProperty(voidNs, "dataDump"), file);
            dataset.addProperty(m.createProperty(dcat, "distribution"), m.createResource()
                    .addProperty(RDF.type, m.createResource(dcat + "Distribution"))
                    .addProperty(m.createProperty(dcat, "downloadURL"), file)
                    .addProperty(m.createProperty(dcat, "mediaType"),
                            m.createResource("https://www.iana.org/assignments/media-types/" + download.mediaType()))
                    .addProperty(DCTerms.license, m.createResource(LICENSE)));
        }
        if (!addClassPartitions(m, dataset, STORED_CLASSES)) {
            addClassPartitions(m, dataset, CLASSES);
        }
        try (QueryExecution exec = store.execution(QueryFactory.create(REPORTS))) {
            exec.execSelect().forEachRemaining(row -> dataset.addProperty(DCTerms.source, row.getResource("report")));
        }
        try (QueryExecution exec = store.execution(QueryFactory.create(LINKSETS))) {
            Model linksets = exec.execConstruct();
            m.add(linksets);
            linksets.listSubjectsWithProperty(RDF.type, m.createResource(voidNs + "Linkset"))
                    .forEachRemaining(linkset -> dataset.addProperty(m.createProperty(voidNs, "subset"), linkset));
        }
        return m;
    }

    /** Adds a class partition per row of {@code query} (?class, ?n); false when it gave none. */
    private boolean addClassPartitions(Model m, Resource dataset, String query) {
        String voidNs = "http://rdfs.org/ns/void#";
        boolean any = false;
        try (QueryExecution exec = store.execution(QueryFactory.create(query))) {
            ResultSet rows = exec.execSelect();
            while (rows.hasNext()) {
                QuerySolution row = rows.next();
                dataset.addProperty(m.createProperty(voidNs, "classPartition"), m.createResource()
                        .addProperty(m.createProperty(voidNs, "class"), row.getResource("class"))
                        .addLiteral(m.createProperty(voidNs, "entities"), row.getLiteral("n").getLong()));
                any = true;
            }
        }
        return any;
    }

    /** Where this server is, as the client reached it; a hostile Host header falls back to localhost. */
    private static String baseUrl(Context ctx) {
        String candidate = ctx.scheme() + "://" + ctx.host();
        try {
            URI uri = new URI(candidate);
            if (uri.getHost() == null || uri.getPath() != null && !uri.getPath().isEmpty()
                    || uri.getQuery() != null || uri.getFragment() != null || uri.getUserInfo() != null) {
                throw new URISyntaxException(candidate, "not a plain host");
            }
            return candidate;
        } catch (URISyntaxException e) {
            return "http://localhost";
        }
    }
}
