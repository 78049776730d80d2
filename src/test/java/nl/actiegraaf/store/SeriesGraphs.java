package nl.actiegraaf.store;

import java.util.HashMap;
import java.util.Map;
import nl.actiegraaf.vocab.Iris;
import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * For tests that fill a dataset without the loader (straight from the converter): adds what a load
 * would derive from its edition graphs, each series' current state and changes, so the dataset is the
 * one a load leaves.
 */
public final class SeriesGraphs {
    private SeriesGraphs() {
    }

    public static void deriveInto(DatasetGraph dataset) {
        Map<String, Graph> editions = new HashMap<>();
        dataset.listGraphNodes().forEachRemaining(g -> {
            if (g.isURI() && Iris.editionOfGraph(g.getURI()) != null) {
                editions.put(g.getURI(), dataset.getGraph(g));
            }
        });
        SeriesHistory.derived(editions).forEach((graph, triples) ->
                triples.forEach(t -> dataset.add(Iris.node(graph), t.getSubject(), t.getPredicate(), t.getObject())));
    }
}
