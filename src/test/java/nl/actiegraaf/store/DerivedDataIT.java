package nl.actiegraaf.store;

import nl.actiegraaf.vocab.Iris;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.junit.jupiter.api.Test;

/**
 * The derived graph holds exactly what the facade would count per request over the data (every graph
 * but the derived one and its own load record), is written with the load that changes the data, and
 * not rewritten by a load that changes nothing.
 */
class DerivedDataIT extends KeptStoreFixture {
    private static final String VOID = "PREFIX void: <http://rdfs.org/ns/void#>\n";
    private static final String DATASET = "<https://w3id.org/actiegraaf/.well-known/void#actiegraaf>";
    private static final Path SEED = Path.of("seeds", "stand-van-zaken-pok-2021.txt");

    @Test
    void statisticsOfTheSeedEqualWhatTheQueriesCountOverTheData() {
        store.load(List.of(new RdfFileSource(Path.of("ontology", "actiegraaf.ttl"), Iris.ONTOLOGIE_GRAPH, RdfFileSource.DEFAULT_MAX_BYTES),
                new ReportSource(SEED, nl.actiegraaf.rdf.ReportConverter.standard()::convert)));

        long live = liveTriples();
        assertTrue(live > 5000, "the seed is loaded: " + live);
        assertEquals(live, storedTriples());

        Map<String, Long> liveClasses = classes("SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a ?class } "
                + "FILTER(?g != <" + Iris.AFGELEID_GRAPH + ">) } GROUP BY ?class");
        Map<String, Long> stored = classes(VOID + "SELECT ?class ?n WHERE { GRAPH <" + Iris.AFGELEID_GRAPH + "> { "
                + DATASET + " void:classPartition ?p . ?p void:class ?class ; void:entities ?n } }");
        assertEquals(86L, stored.get("https://w3id.org/actiegraaf/def#Actie"));
        assertEquals(liveClasses, stored);
        assertEquals(1, number("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + Iris.META_GRAPH + "> { <" + Iris.AFGELEID_GRAPH
                + "> <http://purl.org/dc/terms/identifier> ?d } }"), "recorded with its digest, as every loaded graph");
    }

    @Test
    void aLoadThatChangesNothingLeavesItAndOneThatChangesDataRecomputesIt() throws Exception {
        store.load(List.of(turtle("a.ttl", Iris.reportGraph("a"), 1)));
        String modified = modified();
        long triples = storedTriples();

        store.load(List.of(turtle("a.ttl", Iris.reportGraph("a"), 1)));
        assertEquals(modified, modified(), "same data: not recomputed");

        store.load(List.of(turtle("b.ttl", Iris.reportGraph("b"), 2)));
        assertTrue(storedTriples() > triples + 2, "two more data triples and their load record");
        assertEquals(liveTriples(), storedTriples());
        assertEquals(2, classes(VOID + "SELECT ?class ?n WHERE { GRAPH <" + Iris.AFGELEID_GRAPH + "> { ?p void:class ?class ; void:entities ?n } }")
                .get("https://w3id.org/actiegraaf/def#Actie"));
    }

    @Test
    void aFailedLoadLeavesTheStatisticsOfThePreviousData() throws Exception {
        store.load(List.of(turtle("a.ttl", Iris.reportGraph("a"), 1)));
        long triples = storedTriples();
        Path broken = tmp.resolve("broken.ttl");
        Files.writeString(broken, "<a> <b> .");
        assertThrows(LoadException.class, () -> store.load(List.of(turtle("b.ttl", Iris.reportGraph("b"), 2),
                new RdfFileSource(broken, Iris.reportGraph("c"), RdfFileSource.DEFAULT_MAX_BYTES))));
        assertEquals(triples, storedTriples());
    }

    @Test
    void theRecipeDigestNamesTheQueries() {
        assertTrue(DerivedData.RECIPE_DIGEST.startsWith("ni:///sha-256;"), DerivedData.RECIPE_DIGEST);
        Node name = NodeFactory.createURI(Iris.AFGELEID_GRAPH);
        assertFalse(name.getURI().startsWith(Iris.GRAPH + "rapport/"), "not report data");
        assertNotEquals(Iris.META_GRAPH, Iris.AFGELEID_GRAPH);
    }

    /** Counted live, over everything except the derived graph and the metadata graph's record of it. */
    private long liveTriples() {
        return number("SELECT (COUNT(*) AS ?n) WHERE { { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } "
                + "FILTER(?g != <" + Iris.AFGELEID_GRAPH + ">) FILTER(?g != <" + Iris.META_GRAPH + "> || ?s != <" + Iris.AFGELEID_GRAPH + ">) } } }");
    }

    private long storedTriples() {
        return number(VOID + "SELECT ?n WHERE { GRAPH <" + Iris.AFGELEID_GRAPH + "> { " + DATASET + " void:triples ?n } }");
    }

    private String modified() {
        return one("SELECT ?m WHERE { GRAPH <" + Iris.META_GRAPH + "> { <" + Iris.AFGELEID_GRAPH + "> <http://purl.org/dc/terms/modified> ?m } }");
    }

    private GraphSource turtle(String fileName, String graph, int number) throws Exception {
        Path file = tmp.resolve(fileName);
        Files.writeString(file, "<https://w3id.org/actiegraaf/id/actie/" + number + "> a <https://w3id.org/actiegraaf/def#Actie> ; "
                + "<https://w3id.org/actiegraaf/def#nummer> " + number + " .\n");
        return new RdfFileSource(file, graph, RdfFileSource.DEFAULT_MAX_BYTES);
    }

    private long number(String query) {
        return Long.parseLong(one(query));
    }

    private String one(String query) {
        try (QueryExecution exec = QueryExecutionHTTP.service(store.service().query().toString()).query(query).build()) {
            var rows = exec.execSelect();
            assertTrue(rows.hasNext(), "no answer to " + query);
            var node = rows.next().get(rows.getResultVars().get(0));
            return node.isLiteral() ? node.asLiteral().getLexicalForm() : node.toString();
        }
    }

    private Map<String, Long> classes(String query) {
        Map<String, Long> classes = new TreeMap<>();
        try (QueryExecution exec = QueryExecutionHTTP.service(store.service().query().toString()).query(query).build()) {
            exec.execSelect().forEachRemaining(row -> classes.put(row.getResource("class").getURI(), row.getLiteral("n").getLong()));
        }
        return classes;
    }
}
