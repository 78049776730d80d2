package nl.actiegraaf.web.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.compose.MultiUnion;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.TextQuery;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.graph.GraphUnionRead;

/**
 * The dataset a curated query sees "as of" a date or an edition ({@link AsOf}): every graph that is not
 * an edition's, the editions published on or before the date, and the actions' direct properties as
 * the latest of those editions says them ({@code afgeleid/stand-per-peildatum.rq}) in place of the
 * current state ({@code graph/actueel/...}). The changes ({@code graph/wijzigingen/...}) stay out: they
 * speak of later editions too.
 *
 * <p>Views are read-only wrappers over the store's graphs, built in the caller's read transaction; the
 * derived direct properties are computed once per data version and choice of editions (a date between
 * two editions chooses the same editions as the earlier one), not per request.
 */
final class EditionView {
    private static final String GRAPH_BASE = "https://w3id.org/actiegraaf/graph/";
    private static final String CURRENT = GRAPH_BASE + "actueel/";
    private static final String CHANGES = GRAPH_BASE + "wijzigingen/";
    private static final Query EDITIONS = QueryFactory.create("""
            PREFIX ag: <https://w3id.org/actiegraaf/def#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            SELECT ?g ?rapport ?datum WHERE { GRAPH ?g { ?rapport a ag:Rapport ; dcterms:date ?datum } }
            """);
    private static final Query STATE = QueryFactory.create(resource("afgeleid/stand-per-peildatum.rq"));
    /** Enough for every edition of a few series to be chosen in turn, small enough to never matter for memory. */
    private static final int KEPT = 32;

    /** One edition's graph, the edition and its date. */
    private record Edition(Node graph, Node iri, LocalDate date) {
    }

    private final Map<String, Graph> derived = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Graph> eldest) {
            return size() > KEPT;
        }
    };

    /**
     * The view of {@code store} as of {@code asOf}; call inside a read transaction on {@code store}.
     *
     * @param version the data version, so derived properties of older data are never reused
     * @throws ParameterException when {@code asOf} names no edition of the store
     */
    DatasetGraph view(DatasetGraph store, AsOf asOf, String version) {
        List<Edition> editions = editions(store);
        LocalDate until = until(asOf, editions);
        Set<String> chosen = new TreeSet<>();
        List<Node> graphs = new ArrayList<>();
        Set<Node> editionGraphs = new java.util.HashSet<>();
        for (Edition edition : editions) {
            editionGraphs.add(edition.graph());
            if (!edition.date().isAfter(until) && chosen.add(edition.graph().getURI())) {
                graphs.add(edition.graph());
            }
        }
        List<Node> editionsOnly = List.copyOf(graphs);
        store.listGraphNodes().forEachRemaining(g -> {
            String name = g.isURI() ? g.getURI() : "";
            if (!editionGraphs.contains(g) && !name.startsWith(CURRENT) && !name.startsWith(CHANGES)) {
                graphs.add(g);
            }
        });
        Graph state = derivedState(store, editionsOnly, version + "\0" + String.join("\0", chosen));
        MultiUnion union = new MultiUnion(new Graph[] {new GraphUnionRead(store, graphs), state});
        DatasetGraph view = DatasetGraphFactory.wrap(union);
        if (store instanceof DatasetGraphText text) {
            // jena-text finds its index in the context: full-text search works in the view too.
            view.getContext().set(TextQuery.textIndex, text.getTextIndex());
        }
        return view;
    }

    private static List<Edition> editions(DatasetGraph store) {
        List<Edition> editions = new ArrayList<>();
        try (QueryExec exec = QueryExec.dataset(store).query(EDITIONS).build()) {
            RowSet rows = exec.select();
            rows.forEachRemaining(row -> {
                Node date = row.get("datum");
                try {
                    editions.add(new Edition(row.get("g"), row.get("rapport"), LocalDate.parse(date.getLiteralLexicalForm())));
                } catch (RuntimeException e) {
                    // An edition without a well-formed date cannot be placed in time; it is left out of every as-of view.
                }
            });
        }
        return editions;
    }

    private static LocalDate until(AsOf asOf, List<Edition> editions) {
        if (asOf.value().isLiteral()) {
            return LocalDate.parse(asOf.value().getLiteralLexicalForm());
        }
        return editions.stream().filter(e -> e.iri().equals(asOf.value())).map(Edition::date).findFirst()
                .orElseThrow(() -> new ParameterException(asOf.parameter(), "no edition " + asOf.value().getURI()
                        + " in the store; see /api/queries/edities"));
    }

    private Graph derivedState(DatasetGraph store, List<Node> editionGraphs, String key) {
        synchronized (derived) {
            Graph kept = derived.get(key);
            if (kept != null) {
                return kept;
            }
        }
        Graph state = GraphFactory.createGraphMem();
        if (!editionGraphs.isEmpty()) {
            DatasetGraph editionsOnly = DatasetGraphFactory.wrap(new GraphUnionRead(store, editionGraphs));
            try (QueryExec exec = QueryExec.dataset(editionsOnly).query(STATE).build()) {
                exec.construct().find().forEachRemaining(state::add);
            }
        }
        synchronized (derived) {
            derived.put(key, state);
        }
        return state;
    }

    private static String resource(String name) {
        try (InputStream in = EditionView.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
