package nl.actiegraaf.ontology;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.Shapes;

/** The ontology files of the project and the hand-written example data the tests check them with. */
final class Fixtures {
    static final Path ONTOLOGY = Path.of("ontology", "actiegraaf.ttl");
    static final Path SHAPES = Path.of("ontology", "shapes.ttl");

    static final String AG = "https://w3id.org/actiegraaf/def#";
    static final String ID = "https://w3id.org/actiegraaf/id/";
    static final String SH = "http://www.w3.org/ns/shacl#";

    private Fixtures() {
    }

    static Model ontology() {
        return RDFDataMgr.loadModel(ONTOLOGY.toString());
    }

    static Graph shapesGraph() {
        return RDFDataMgr.loadGraph(SHAPES.toString());
    }

    static Shapes shapes() {
        return Shapes.parse(shapesGraph());
    }

    /** The example report graph alone, without the registers it links to. */
    static Model exampleReport() {
        return RDFDataMgr.loadModel(resource("voorbeeld-rapport.ttl"));
    }

    static Model exampleRegisters() {
        return RDFDataMgr.loadModel(resource("voorbeeld-registers.ttl"));
    }

    /** What a validator should see: the report graph plus the registers, as one fresh model. */
    static Model exampleUnion() {
        Model union = ModelFactory.createDefaultModel();
        union.add(exampleReport());
        union.add(exampleRegisters());
        return union;
    }

    static Node ag(String localName) {
        return NodeFactory.createURI(AG + localName);
    }

    static Node id(String path) {
        return NodeFactory.createURI(ID + path);
    }

    static Node sh(String localName) {
        return NodeFactory.createURI(SH + localName);
    }

    private static String resource(String name) {
        URL url = Fixtures.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("test resource missing: " + name);
        }
        try {
            return Path.of(url.toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
