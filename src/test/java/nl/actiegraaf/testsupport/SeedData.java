package nl.actiegraaf.testsupport;

import java.nio.file.Path;
import nl.actiegraaf.rdf.ReportConverter;
import nl.actiegraaf.vocab.Iris;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;

/** The real seed as {@code serve} holds it: the converted report, the registers and the ontology, each in its graph. */
public final class SeedData {
    private static final String GRAPH = "https://w3id.org/actiegraaf/graph/";

    private SeedData() {
    }

    /** A facade over the seed, with the curated queries and the real ontology, not started yet. */
    public static TestFacade facade() {
        return TestFacade.with(SeedData::load).queries(Path.of("queries")).ontology(Path.of("ontology/actiegraaf.ttl"));
    }

    public static void load(DatasetGraph dataset) {
        ReportConverter.standard().convert(Path.of("seeds/stand-van-zaken-pok-2021.txt"),
                StreamRDFLib.extendTriplesToQuads(NodeFactory.createURI(GRAPH + "rapport/stand-van-zaken-pok-2021"),
                        StreamRDFLib.dataset(dataset)));
        load(dataset, "seeds/organisaties.ttl", GRAPH + "organisaties");
        load(dataset, "seeds/kamerleden.ttl", GRAPH + "kamerleden");
        load(dataset, "ontology/actiegraaf.ttl", Iris.ONTOLOGIE_GRAPH);
        nl.actiegraaf.store.SeriesGraphs.deriveInto(dataset); // the current state, as a load derives it
    }

    private static void load(DatasetGraph dataset, String file, String graph) {
        Node g = NodeFactory.createURI(graph);
        RDFParser.source(Path.of(file)).parse(StreamRDFLib.extendTriplesToQuads(g, StreamRDFLib.dataset(dataset)));
    }
}
