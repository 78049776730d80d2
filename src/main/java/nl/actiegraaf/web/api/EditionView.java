package nl.actiegraaf.web.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.compose.MultiUnion;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.TextQuery;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.graph.GraphUnionRead;

import nl.actiegraaf.store.Edition;
import nl.actiegraaf.store.SeriesHistory;
import nl.actiegraaf.vocab.Iris;

/**
 * The dataset a curated query sees "as of" a date or an edition ({@link AsOf}): every graph that is not
 * an edition's, the editions published on or before the date, and the actions' direct properties as
 * the latest of those editions says them ({@link SeriesHistory#current}, the rule the load uses for the
 * current state) in place of the current state ({@code graph/actueel/...}). The changes
 * ({@code graph/wijzigingen/...}) stay out: they speak of later editions too.
 *
 * <p>Views are read-only wrappers over the store's graphs, built in the caller's read transaction; the
 * derived direct properties are computed once per data version and choice of editions (a date between
 * two editions chooses the same editions as the earlier one), not per request.
 */
final class EditionView {
    private static final String CURRENT = Iris.currentGraph("");
    private static final String CHANGES = Iris.changesGraph("");
    /** Enough for every edition of a few series to be chosen in turn, small enough to never matter for memory. */
    private static final int KEPT = 32;

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
        List<Edition> editions = new ArrayList<>();
        List<Node> others = new ArrayList<>();
        store.listGraphNodes().forEachRemaining(g -> {
            String name = g.isURI() ? g.getURI() : "";
            Edition edition = Iris.editionOfGraph(name) == null ? null : Edition.in(name, store.getGraph(g));
            if (edition != null) {
                editions.add(edition);
            } else if (!name.startsWith(CURRENT) && !name.startsWith(CHANGES)) {
                others.add(g);
            }
        });
        LocalDate until = until(asOf, editions);
        // An undated edition cannot be placed in time: no as-of view holds it.
        List<Edition> chosen = editions.stream().filter(e -> e.date() != null && !e.date().isAfter(until))
                .sorted(Edition.ORDER).toList();
        List<Node> graphs = new ArrayList<>(others);
        chosen.forEach(e -> graphs.add(Iris.node(e.graph())));
        String key = version + "\0" + chosen.stream().map(Edition::graph).collect(Collectors.joining("\0"));
        Graph state = derivedState(store, chosen, key);
        MultiUnion union = new MultiUnion(new Graph[] {new GraphUnionRead(store, graphs), state});
        DatasetGraph view = DatasetGraphFactory.wrap(union);
        if (store instanceof DatasetGraphText text) {
            // jena-text finds its index in the context: full-text search works in the view too.
            view.getContext().set(TextQuery.textIndex, text.getTextIndex());
        }
        return view;
    }

    private static LocalDate until(AsOf asOf, List<Edition> editions) {
        if (asOf.value().isLiteral()) {
            return LocalDate.parse(asOf.value().getLiteralLexicalForm());
        }
        return editions.stream().filter(e -> e.report().equals(asOf.value()) && e.date() != null).map(Edition::date)
                .findFirst()
                .orElseThrow(() -> new ParameterException(asOf.parameter(), "no dated edition " + asOf.value().getURI()
                        + " in the store; see /api/queries/edities"));
    }

    private Graph derivedState(DatasetGraph store, List<Edition> chosen, String key) {
        synchronized (derived) {
            Graph kept = derived.get(key);
            if (kept != null) {
                return kept;
            }
        }
        Graph state = GraphFactory.createGraphMem();
        Map<String, List<Edition>> perSeries = new TreeMap<>();
        chosen.forEach(e -> perSeries.computeIfAbsent(e.series(), s -> new ArrayList<>()).add(e));
        for (List<Edition> series : perSeries.values()) {
            SeriesHistory.current(series, name -> store.getGraph(Iris.node(name))).forEach(state::add);
        }
        synchronized (derived) {
            derived.put(key, state);
        }
        return state;
    }
}
