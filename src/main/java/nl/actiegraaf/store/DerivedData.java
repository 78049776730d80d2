package nl.actiegraaf.store;

import nl.actiegraaf.vocab.Iris;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import nl.actiegraaf.querylimits.QueryLimits;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;

/**
 * The graph {@link Iris#AFGELEID}: what the facade would otherwise compute per request over the
 * whole store (today the VoID statistics: number of triples, entities per class), computed once per
 * load from the CONSTRUCT queries in {@code afgeleid/} on the class path. It is recomputed when a
 * load replaced any graph, or when those queries changed (their digest is its source digest in
 * {@link Iris#META}); it is computed over every graph but itself, so it never counts its own triples.
 *
 * <p>Embedded, it is written in the load's own transaction (all or nothing with the data it describes);
 * a remote store gets it by a Graph Store Protocol PUT after the other graphs ({@link RemoteStore}).
 */
final class DerivedData {
    /** The CONSTRUCT queries, in the order they run; each adds its triples to the derived graph. */
    private static final List<String> RECIPE = List.of("afgeleid/statistieken.rq");

    /** How long the statistics may take inside a load; past it the load fails and changes nothing. */
    static final Duration LOAD_TIME_LIMIT = Duration.ofMinutes(30);

    private DerivedData() {
    }

    /** The queries, parsed once. */
    private static final List<Query> QUERIES = RECIPE.stream().map(DerivedData::read).map(QueryFactory::create).toList();

    /** The digest of the queries, recorded as the derived graph's source: new queries, new statistics. */
    static final String RECIPE_DIGEST = recipeDigest();

    /** Whether the derived graph must be computed: data changed, or it was computed by other queries (or never). */
    static boolean due(boolean dataChanged, Graph meta) {
        return dataChanged || !RECIPE_DIGEST.equals(LoadRecord.sourceDigests(meta).get(Iris.AFGELEID_GRAPH));
    }

    /**
     * In a write transaction on {@code dataset}: drops the old derived graph, computes the new one over
     * the union of all other graphs, writes it and records it in {@code meta}. Does nothing unless
     * {@link #due}.
     */
    static void update(DatasetGraph dataset, Graph meta, boolean dataChanged, Instant when) {
        if (!due(dataChanged, meta)) {
            return;
        }
        Node name = NodeFactory.createURI(Iris.AFGELEID_GRAPH);
        dataset.deleteAny(name, Node.ANY, Node.ANY, Node.ANY);
        meta.remove(name, Node.ANY, Node.ANY); // its own record is not counted either
        Graph union = dataset.getUnionGraph();
        // Not the store's per-request limit (fuseki-config/, 10 s): this runs once, inside the load.
        // The same limit for the engine's own cancel points (querylimits), which otherwise read the dataset's
        // arq:queryTimeout (10 s) and cut the statistics of a large store, or of any store on a busy machine.
        GraphContent content = compute(query -> QueryExec.graph(union).query(query)
                .timeout(LOAD_TIME_LIMIT.toMillis(), TimeUnit.MILLISECONDS)
                .set(QueryLimits.TIME_LIMIT, LOAD_TIME_LIMIT).construct());
        content.triples().forEach(t -> dataset.add(name, t.getSubject(), t.getPredicate(), t.getObject()));
        LoadRecord.record(meta, content, when, RECIPE_DIGEST);
    }

    /** Runs every query of the recipe with {@code construct} (over the data, not the derived graph itself). */
    static GraphContent compute(Function<Query, Graph> construct) {
        return GraphContent.read(GraphSource.of(Iris.AFGELEID_GRAPH, String.join(", ", RECIPE),
                out -> QUERIES.forEach(query -> construct.apply(query).find().forEachRemaining(out::triple))));
    }

    private static String read(String resource) {
        try (InputStream in = DerivedData.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String recipeDigest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String resource : RECIPE) {
                sha.update(resource.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(read(resource).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return "ni:///sha-256;" + Base64.getUrlEncoder().withoutPadding().encodeToString(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
