package nl.actiegraaf.web;

import nl.actiegraaf.vocab.Iris;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;

/**
 * The ontology, for {@code /def} and for the property labels on resource pages. Read once: from
 * the configured file at start, or else from the store's ontology graph on first use.
 */
final class Ontology {
    static final String IRI = Iris.ONTOLOGY;
    static final String GRAPH = Iris.ONTOLOGIE_GRAPH;
    private static final Query GRAPH_CONTENT =
            QueryFactory.create("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?graph { ?s ?p ?o } }");

    private final StoreClient store;
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
        Query query = QueryTransformOps.replaceVars(GRAPH_CONTENT,
                Map.of(Var.alloc("graph"), NodeFactory.createURI(GRAPH)));
        try (QueryExecution exec = store.execution(query)) {
            Model fetched = exec.execConstruct();
            if (!fetched.isEmpty()) {
                model = fetched; // the ontology does not change while we run
            }
            return fetched;
        }
    }
}
