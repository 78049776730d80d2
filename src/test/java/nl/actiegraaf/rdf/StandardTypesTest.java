package nl.actiegraaf.rdf;

import nl.actiegraaf.vocab.StandardTypes;

import nl.actiegraaf.vocab.AG;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;

/** The standard types written beside ours are exactly the alignment the ontology states. */
class StandardTypesTest {
    private static final Model ONTOLOGY = RDFDataMgr.loadModel("ontology/actiegraaf.ttl");
    /** Classes the converter never instantiates (values of a fixed scheme). */
    private static final Set<String> NOT_WRITTEN = Set.of("Status", "Verkrijgingswijze", "Wijzigingssoort", "Stemkeuze", "Uitslag");

    @Test
    void theTableIsTheOntologysAlignment() {
        Set<String> classes = new TreeSet<>();
        ONTOLOGY.listSubjectsWithProperty(RDF.type, OWL.Class).forEachRemaining(c -> {
            if (c.isURIResource() && c.getURI().startsWith(AG.NS)) {
                classes.add(c.getLocalName());
            }
        });
        Set<String> inTable = StandardTypes.ALIGNED.keySet().stream().map(n -> n.getLocalName()).collect(Collectors.toSet());
        Set<String> expected = new TreeSet<>(classes);
        expected.removeAll(NOT_WRITTEN);
        assertEquals(expected, new TreeSet<>(inTable), "every class the converter writes has its standard types");
        StandardTypes.ALIGNED.forEach((ours, standard) -> assertEquals(standardSuperclasses(ONTOLOGY.getResource(ours.getURI())),
                standard.stream().map(n -> n.getURI()).collect(Collectors.toSet()), ours.getLocalName()));
    }

    @Test
    void standardTypesAreWrittenOnTheSeed() {
        if (FactWriterTest.graph == null) {
            FactWriterTest.write(); // run alone, the seed is not converted yet
        }
        assertTrue(FactWriterTest.objects(FactWriterTest.id("organisatie/bzk"), RDF.type.asNode())
                .contains("http://www.w3.org/ns/org#Organization"));
    }

    /** rdfs:subClassOf followed through our own classes, collecting the others. */
    private static Set<String> standardSuperclasses(Resource ours) {
        Set<String> out = new HashSet<>();
        Deque<Resource> todo = new ArrayDeque<>(Set.of(ours));
        Set<Resource> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Resource c = todo.pop();
            if (!seen.add(c)) {
                continue;
            }
            for (RDFNode sup : ONTOLOGY.listObjectsOfProperty(c, RDFS.subClassOf).toList()) {
                if (sup.isURIResource() && sup.asResource().getURI().startsWith(AG.NS)) {
                    todo.push(sup.asResource());
                } else if (sup.isURIResource()) {
                    out.add(sup.asResource().getURI());
                }
            }
        }
        return out;
    }
}
