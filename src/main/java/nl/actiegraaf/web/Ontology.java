package nl.actiegraaf.web;

import nl.actiegraaf.vocab.Iris;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.exec.QueryExec;

/**
 * The ontology, for {@code /def} and for the property labels on resource pages. Read once: from
 * the configured file at start, or else from the store's ontology graph on first use.
 */
final class Ontology {
    static final String IRI = Iris.ONTOLOGY;
    static final String GRAPH = Iris.ONTOLOGIE_GRAPH;

    private final StoreClient store;
    private final Query graphContent = SparqlFiles.bind(SparqlFiles.read("graph"), Map.of("graph", NodeFactory.createURI(GRAPH)));
    private volatile Model model;

    Ontology(Path file, StoreClient store) {
        this.store = store;
        if (file != null && Files.isRegularFile(file)) {
            this.model = RDFDataMgr.loadModel(file.toString());
        }
    }

    /** The ontology; empty when neither file nor store has it (yet). */
    Model model() {
        Model known = model;
        if (known != null) {
            return known;
        }
        Model fetched = ModelFactory.createModelForGraph(store.read(graphContent, QueryExec::construct));
        if (!fetched.isEmpty()) {
            model = fetched; // the ontology does not change while we run
        }
        return fetched;
    }
}
