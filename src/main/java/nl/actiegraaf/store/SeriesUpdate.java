package nl.actiegraaf.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import nl.actiegraaf.vocab.AG;
import nl.actiegraaf.vocab.Iris;

/**
 * The derived graphs of one series as a load leaves them: {@code graph/actueel/{series}} computed anew
 * from its editions, and {@code graph/wijzigingen/{series}} where only the changes INTO the editions
 * next to a loaded, reloaded or removed edition are recomputed (in the order before and after the
 * load), the rest kept as they were. Both stores (embedded, remote) plan with this and write the result
 * in their own way.
 *
 * @param current the whole new content of the series' current-state graph (empty: drop it)
 * @param changes the whole new content of the series' changes graph (empty: drop it)
 */
record SeriesUpdate(String series, Set<Triple> current, Set<Triple> changes) {

    String currentGraph() {
        return Iris.currentGraph(series);
    }

    String changesGraph() {
        return Iris.changesGraph(series);
    }

    /**
     * The updates a load calls for.
     *
     * @param before  the editions (by graph) before the load
     * @param after   the editions (by graph) after it
     * @param touched the graphs the load replaced or removed
     * @param graphs  the content of an edition graph after the load
     * @param oldChanges the content of a series' changes graph before the load (by series)
     */
    static List<SeriesUpdate> plan(Map<String, Edition> before, Map<String, Edition> after, Collection<String> touched,
                                   Function<String, Graph> graphs, Function<String, Graph> oldChanges) {
        Set<String> series = new TreeSet<>();
        for (String graph : touched) {
            if (before.containsKey(graph)) {
                series.add(before.get(graph).series());
            }
            if (after.containsKey(graph)) {
                series.add(after.get(graph).series());
            }
        }
        List<SeriesUpdate> updates = new ArrayList<>();
        for (String s : series) {
            List<Edition> old = ordered(before.values(), s);
            List<Edition> now = ordered(after.values(), s);
            // The editions whose changes (from their predecessor) may differ: each touched one and
            // the one after it, in the old order and in the new.
            Set<String> redo = new HashSet<>();
            for (String graph : touched) {
                redo.addAll(selfAndNext(old, graph));
                redo.addAll(selfAndNext(now, graph));
            }
            Set<Node> redoReports = new HashSet<>();
            redo.forEach(g -> redoReports.add(Iris.report(Iris.editionOfGraph(g))));
            Set<Triple> changes = new LinkedHashSet<>(kept(oldChanges.apply(s), redoReports));
            for (int i = 1; i < now.size(); i++) {
                if (redo.contains(now.get(i).graph())) {
                    changes.addAll(SeriesHistory.changes(now.get(i - 1), now.get(i), graphs));
                }
            }
            if (now.isEmpty()) {
                changes.clear();
            }
            updates.add(new SeriesUpdate(s, SeriesHistory.current(now, graphs), changes));
        }
        return updates;
    }

    /** The editions of series {@code s}, oldest first. */
    static List<Edition> ordered(Collection<Edition> editions, String s) {
        return editions.stream().filter(e -> e.series().equals(s)).sorted(Edition.ORDER).toList();
    }

    private static List<String> selfAndNext(List<Edition> order, String graph) {
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).graph().equals(graph)) {
                return i + 1 < order.size() ? List.of(graph, order.get(i + 1).graph()) : List.of(graph);
            }
        }
        return List.of();
    }

    /** The triples of the old changes graph whose change does not lead into one of {@code redo}. */
    private static Set<Triple> kept(Graph old, Set<Node> redo) {
        Set<Triple> kept = new LinkedHashSet<>();
        if (old == null) {
            return kept;
        }
        Set<Node> dropped = new HashSet<>();
        old.find(Node.ANY, AG.naar, Node.ANY).forEachRemaining(t -> {
            if (redo.contains(t.getObject())) {
                dropped.add(t.getSubject());
            }
        });
        old.find().forEachRemaining(t -> {
            if (!dropped.contains(t.getSubject())) {
                kept.add(t);
            }
        });
        return kept;
    }

    /** Every edition in {@code graphs} (by graph name), read from their contents. */
    static Map<String, Edition> editions(Iterable<String> graphNames, Function<String, Graph> graphs) {
        Map<String, Edition> editions = new java.util.HashMap<>();
        for (String g : graphNames) {
            if (Iris.editionOfGraph(g) != null) {
                Edition e = Edition.in(g, graphs.apply(g));
                if (e != null) {
                    editions.put(g, e);
                }
            }
        }
        return editions;
    }
}
