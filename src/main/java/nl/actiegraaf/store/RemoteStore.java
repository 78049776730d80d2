package nl.actiegraaf.store;

import nl.actiegraaf.vocab.Iris;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.jena.riot.WebContent;
import org.apache.jena.sparql.exec.http.Params;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdflink.RDFLink;
import org.apache.jena.rdflink.RDFLinkHTTP;
import org.apache.jena.sparql.core.DatasetDescription;
import org.apache.jena.sparql.exec.http.GSP;
import org.apache.jena.sparql.exec.http.QuerySendMode;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * An already running SPARQL 1.1 store (a standalone Fuseki started with the same
 * {@code fuseki-config/actiegraaf.ttl}, or any store with the Graph Store Protocol). Loads are
 * HTTP PUTs, one per graph.
 *
 * <p>Atomicity, honestly: every source is read and converted completely BEFORE the first request, so
 * a bad file (the usual failure) changes nothing. Each PUT replaces one graph atomically (Fuseki runs
 * it in one transaction, text index included). The batch as a whole is NOT atomic: if the store or
 * the network fails after some PUTs, those graphs are new and the rest old. The metadata graph is
 * written last, so graphs of a broken batch are not recorded as loaded and the next load sends them
 * again. The current state and changes of the series a load touches ({@link SeriesUpdate}) are computed
 * before the first PUT and written after the data. (One SPARQL Update request with all graphs would be atomic on Fuseki, but needs an update
 * endpoint, which the configuration deliberately does not offer.)
 */
public final class RemoteStore implements Store {
    private final SparqlService service;
    private final Clock clock;
    private final RDFLink link;
    private final HttpClient http;

    private RemoteStore(SparqlService service, Clock clock) {
        this.service = service;
        this.clock = clock;
        // One pool for all requests; never follow redirects: the store is a fixed, known address. HTTP/1.1:
        // the JDK client's default (HTTP/2, asked for by an "Upgrade: h2c" header on plain http) makes
        // Virtuoso 7 hang on a POSTed query until the time limit; every SPARQL store speaks HTTP/1.1.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.link = RDFLinkHTTP.newBuilder()
                .destination(service.query().toString())
                .queryEndpoint(service.query().toString())
                .gspEndpoint(service.graphStore().toString())
                .httpClient(http)
                // A long query as an HTML form POST, the one POST every SPARQL 1.1 store takes: Virtuoso 7
                // waits forever for a form on Jena's default, a body of type application/sparql-query.
                .querySendMode(QuerySendMode.asGetWithLimitForm)
                .build();
    }

    /** A store at a query endpoint and a Graph Store Protocol endpoint. */
    public static RemoteStore connect(URI query, URI graphStore) {
        return new RemoteStore(new SparqlService(query, graphStore), Clock.systemUTC());
    }

    /**
     * A store given by one URL: a Fuseki dataset URL ({@code http://host:3030/actiegraaf}: query at
     * {@code /query}, graph store at {@code /data}), or a query endpoint ({@code .../query},
     * {@code .../sparql}), used as given, the graph store derived as {@code <dataset>/data}. Other stores
     * name their graph store otherwise (Virtuoso: {@code /sparql-graph-crud}): give it with
     * {@link #connect(URI, URI)} ({@code --graph-store}).
     */
    public static RemoteStore connect(URI endpoint) {
        String url = endpoint.toString().replaceAll("/+$", "");
        if (endpoint.getScheme() == null || !(endpoint.getScheme().equals("http") || endpoint.getScheme().equals("https"))
                || endpoint.getHost() == null) {
            throw new LoadException(endpoint + ": not an http(s) URL of a SPARQL store");
        }
        String dataset = url.replaceFirst("/(query|sparql)$", "");
        // A query URL is kept as it is: Virtuoso answers at /sparql and has no /query.
        String query = dataset.equals(url) ? dataset + "/query" : url;
        return connect(URI.create(query), URI.create(dataset + "/data"));
    }

    /** The store's SPARQL query and Graph Store Protocol endpoints. */
    public SparqlService service() {
        return service;
    }

    @Override
    public RDFLink link() {
        return link;
    }

    @Override
    public Optional<QueryBytes> queryBytes() {
        return Optional.of(this::send);
    }

    private HttpResponse<InputStream> send(Params params, String accept, Duration wait) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(service.query())
                .timeout(wait)
                .header("Accept", accept)
                .header("Content-Type", WebContent.contentTypeHTMLForm)
                .POST(HttpRequest.BodyPublishers.ofString(params.httpString(), StandardCharsets.UTF_8))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    /** The store applies the query's FROM clauses itself (see {@link Store#link(DatasetDescription)}). */
    @Override
    public RDFLink link(DatasetDescription graphs) {
        return link;
    }

    @Override
    public String location() {
        return "SPARQL endpoint " + service.query();
    }

    @Override
    public LoadResult load(List<GraphSource> sources, List<String> removeEditions) {
        List<GraphContent> contents = new ArrayList<>();
        for (GraphSource source : sources) {
            contents.add(GraphContent.read(source));
        }
        Graph meta = getGraph(Iris.META_GRAPH);
        Map<String, String> stored = LoadRecord.digests(meta);
        List<String> removed = new ArrayList<>();
        for (String edition : removeEditions) {
            String graph = Iris.reportGraph(edition);
            if (!stored.containsKey(graph)) {
                throw new LoadException("--remove " + edition + ": no edition " + edition + " in the store (no graph <" + graph + ">)");
            }
            removed.add(graph);
        }
        List<GraphContent> changed = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (GraphContent content : contents) {
            if (content.digest().equals(stored.get(content.graph()))) {
                unchanged.add(content.graph());
            } else {
                changed.add(content);
            }
        }
        // Everything derived is computed before the first write: a failure here changes nothing.
        List<SeriesUpdate> series = planSeries(stored.keySet(), changed, removed);
        Map<String, java.util.Set<org.apache.jena.graph.Triple>> changes = new java.util.HashMap<>();
        for (SeriesUpdate update : series) {
            changes.put(update.changesGraph(), update.changes(getGraph(update.changesGraph())));
        }
        List<String> replaced = new ArrayList<>();
        for (GraphContent content : changed) {
            put(content.graph(), content.toGraph());
            LoadRecord.record(meta, content, clock.instant());
            stored.put(content.graph(), content.digest());
            replaced.add(content.graph());
        }
        for (String graph : removed) {
            delete(graph);
            meta.remove(NodeFactory.createURI(graph), Node.ANY, Node.ANY);
        }
        for (SeriesUpdate update : series) {
            replace(update.currentGraph(), update.current());
            replace(update.changesGraph(), changes.get(update.changesGraph()));
        }
        boolean touched = !replaced.isEmpty() || !removed.isEmpty();
        if (DerivedData.due(touched, meta)) {
            putDerived(meta);
        } else if (touched) {
            put(Iris.META_GRAPH, meta);
        }
        return new LoadResult(replaced, unchanged, removed);
    }

    /**
     * The series updates of this load, over the store as it will be: the editions it holds (their
     * graphs fetched when needed, once), the changed contents instead of what they replace, the removed
     * ones gone.
     */
    private List<SeriesUpdate> planSeries(java.util.Set<String> storedGraphs, List<GraphContent> changed, List<String> removed) {
        List<String> touched = new ArrayList<>(removed);
        changed.stream().map(GraphContent::graph).filter(g -> Iris.editionOfGraph(g) != null).forEach(touched::add);
        if (touched.isEmpty()) {
            return List.of();
        }
        Map<String, Graph> fetched = new java.util.HashMap<>();
        java.util.function.Function<String, Graph> before = g -> fetched.computeIfAbsent(g, this::getGraph);
        Map<String, Graph> fresh = new java.util.HashMap<>();
        changed.forEach(c -> fresh.put(c.graph(), c.toGraph()));
        java.util.function.Function<String, Graph> after = g -> fresh.containsKey(g) ? fresh.get(g) : before.apply(g);
        Map<String, Edition> old = SeriesUpdate.editions(storedGraphs, before);
        java.util.Set<String> now = new java.util.HashSet<>(storedGraphs);
        now.removeAll(removed);
        now.addAll(fresh.keySet());
        Map<String, Edition> editions = SeriesUpdate.editions(now, after);
        return SeriesUpdate.plan(old, editions, touched, after);
    }

    /** PUTs {@code content} as {@code graph}, or DELETEs the graph when there is none. */
    private void replace(String graph, java.util.Set<org.apache.jena.graph.Triple> content) {
        if (content.isEmpty()) {
            delete(graph);
            return;
        }
        Graph g = GraphFactory.createDefaultGraph();
        content.forEach(g::add);
        put(graph, g);
    }

    /**
     * {@link DerivedData} over the store as it now is: the old derived graph goes first (the statistics
     * must not count themselves), and so does its record, so a failure before the new one is written
     * leaves it due at the next load; the metadata graph is written before the computation (it is
     * counted, as embedded) and again after it, with the derived graph's own record.
     */
    private void putDerived(Graph meta) {
        delete(Iris.AFGELEID_GRAPH);
        meta.remove(NodeFactory.createURI(Iris.AFGELEID_GRAPH), Node.ANY, Node.ANY);
        put(Iris.META_GRAPH, meta);
        GraphContent derived = DerivedData.compute(query -> link.query(query).construct());
        put(Iris.AFGELEID_GRAPH, derived.toGraph());
        LoadRecord.record(meta, derived, clock.instant(), DerivedData.RECIPE_DIGEST);
        put(Iris.META_GRAPH, meta);
    }

    private void delete(String graph) {
        try {
            GSP.service(service.graphStore().toString()).httpClient(http).graphName(graph).DELETE();
        } catch (HttpException e) {
            if (e.getStatusCode() != 404) {
                throw failure("DELETE", graph, e);
            }
        }
    }

    private Graph getGraph(String graph) {
        try {
            return GSP.service(service.graphStore().toString()).httpClient(http).graphName(graph).GET();
        } catch (HttpException e) {
            if (e.getStatusCode() == 404) {
                return GraphFactory.createDefaultGraph();
            }
            throw failure("GET", graph, e);
        }
    }

    private void put(String graph, Graph content) {
        try {
            GSP.service(service.graphStore().toString()).httpClient(http).graphName(graph).PUT(content);
        } catch (HttpException e) {
            throw failure("PUT", graph, e);
        }
    }

    private LoadException failure(String method, String graph, HttpException e) {
        String status = e.getStatusCode() > 0 ? "HTTP " + e.getStatusCode() : GraphContent.oneLine(String.valueOf(e.getMessage()));
        return new LoadException(service.graphStore() + ": " + method + " <" + graph + "> failed: " + status, e);
    }

    /** The remote store lives on; only the link is closed. */
    @Override
    public void close() {
        link.close();
    }
}
