package nl.actiegraaf.rdf;

import java.util.HashMap;
import java.util.Map;
import nl.actiegraaf.store.SeriesHistory;
import nl.actiegraaf.vocab.AG;
import nl.actiegraaf.vocab.Iris;
import nl.actiegraaf.vocab.Vocab;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * Converted editions as a store holds them after loading just them: the editions' own triples plus
 * what the load derives from them (each series' current state and changes), all in one graph, so a
 * test can query the actions' direct properties as a researcher does.
 */
final class AsLoaded {
    private AsLoaded() {
    }

    /** {@code converted} (one or more editions, as the converter wrote them) with the derived graphs added. */
    static Graph of(Graph converted) {
        Map<String, Graph> editions = new HashMap<>();
        converted.find(Node.ANY, Vocab.RDF_TYPE, AG.Rapport).forEachRemaining(t -> {
            String id = Iris.editionId(t.getSubject());
            if (id != null) {
                editions.put(Iris.reportGraph(id), converted);
            }
        });
        Graph all = GraphFactory.createDefaultGraph();
        converted.find().forEachRemaining(all::add);
        SeriesHistory.derived(editions).values().forEach(triples -> triples.forEach(all::add));
        return all;
    }
}
