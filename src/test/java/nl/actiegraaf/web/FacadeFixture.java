package nl.actiegraaf.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import nl.actiegraaf.testsupport.TestFacade;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;

/** The web tests' data: the test sample, and the test ontology in its graph, behind a {@link TestFacade}. */
final class FacadeFixture {
    static final Path SAMPLE = Path.of("src/test/resources/web/sample.trig");
    static final Path ONTOLOGY = Path.of("src/test/resources/web/ontology.ttl");

    private FacadeFixture() {
    }

    /** Started: the facade over the sample, with {@code queryTimeout}. */
    static TestFacade sample(Duration queryTimeout) {
        return sample(queryTimeout, config -> config);
    }

    static TestFacade sample(Duration queryTimeout, UnaryOperator<FacadeConfig> tune) {
        return unstarted(queryTimeout, tune).start();
    }

    /** Not started yet: for {@code @RegisterExtension}. */
    static TestFacade unstarted(Duration queryTimeout, UnaryOperator<FacadeConfig> tune) {
        return TestFacade.with(dataset -> {
            RDFParser.source(SAMPLE).parse(dataset);
            Graph ontology = GraphFactory.createDefaultGraph();
            RDFParser.source(ONTOLOGY).parse(ontology);
            ontology.find().forEach(t -> dataset.add(NodeFactory.createURI(Ontology.GRAPH),
                    t.getSubject(), t.getPredicate(), t.getObject()));
        }).ontology(ONTOLOGY).tune(config -> tune.apply(config.withQueryTimeout(queryTimeout)));
    }
}
