package nl.actiegraaf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.actiegraaf.vocab.Iris;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.junit.jupiter.api.Test;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import nl.actiegraaf.store.EmbeddedStore;
import nl.actiegraaf.store.Store;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code serve} with its defaults: the seed report from seeds/ and the ontology, converted and loaded. */
class ServeSeedIT {
    static final String PREFIXES = """
            PREFIX ag: <https://w3id.org/actiegraaf/def#>
            PREFIX text: <http://jena.apache.org/text#>
            PREFIX owl: <http://www.w3.org/2002/07/owl#>
            """;

    @TempDir
    Path tmp;

    @Test
    void servesTheSeedReportAndTheOntologyAndLoadsNothingTwice() throws Exception {
        String data = tmp.resolve("data").toString();
        StringWriter first = new StringWriter();
        try (ServeCommand.Running running = parse("serve", "--data", data, "--port", "0").start(new PrintWriter(first))) {
            Store endpoint = running.store();
            assertTrue(first.toString().contains("graph(s) loaded, 0 unchanged"), first.toString());
            assertFalse(first.toString().contains("Fuseki"), "one web server unless asked: " + first);

            assertEquals(List.of("86"), select(endpoint, "SELECT (COUNT(?a) AS ?n) { GRAPH <"
                    + Iris.reportGraph("stand-van-zaken-pok-2021") + "> { ?a a ag:Actie } }", "n"));
            assertEquals(List.of("true"), select(endpoint, "SELECT (EXISTS { GRAPH <" + Iris.ONTOLOGIE_GRAPH
                    + "> { ?o a owl:Ontology } } AS ?b) {}", "b"));
            // Full-text search over the report's Dutch text, through the default (union) graph.
            List<String> hits = select(endpoint, "SELECT DISTINCT ?a { { ?a text:query (ag:omschrijving \"hardheidsclausule\") }"
                    + " UNION { ?a text:query (ag:standVanZaken \"hardheidsclausule\") } ?a a ag:Actie }", "a");
            assertTrue(!hits.isEmpty() && hits.stream().allMatch(a -> a.startsWith("https://w3id.org/actiegraaf/id/actie/")), hits.toString());
        }

        StringWriter second = new StringWriter();
        try (ServeCommand.Running running = parse("serve", "--data", data, "--port", "0", "--fuseki-port", "0")
                .start(new PrintWriter(second))) {
            assertTrue(second.toString().contains("0 graph(s) loaded, " + (1 + Sources.standardGraphs().size()) + " unchanged"), second.toString());
            // Asked for, Fuseki's own endpoint serves the same store.
            String fuseki = ((EmbeddedStore) running.store()).service().query().toString();
            assertTrue(second.toString().contains("Fuseki's own SPARQL endpoint " + fuseki), second.toString());
            assertEquals(List.of("86"), select(fuseki, "SELECT (COUNT(?a) AS ?n) { GRAPH <"
                    + Iris.reportGraph("stand-van-zaken-pok-2021") + "> { ?a a ag:Actie } }", "n"));
        }
    }

    /** The values of {@code var}, read through the store's link as the facade reads it. */
    static List<String> select(Store store, String query, String var) {
        return Txn.calculateRead(store.link(), () -> {
            List<String> values = new ArrayList<>();
            try (QueryExec exec = store.link().query(PREFIXES + query)) {
                exec.select().forEachRemaining(row -> {
                    var node = row.get(var);
                    values.add(node.isLiteral() ? node.getLiteralLexicalForm() : node.toString());
                });
            }
            return values;
        });
    }

    static List<String> select(String endpoint, String query, String var) {
        List<String> values = new ArrayList<>();
        try (QueryExecutionHTTP exec = QueryExecutionHTTP.service(endpoint).query(PREFIXES + query).build()) {
            exec.execSelect().forEachRemaining(row -> {
                var node = row.get(var);
                values.add(node.isLiteral() ? node.asLiteral().getLexicalForm() : node.toString());
            });
        }
        return values;
    }

    private static ServeCommand parse(String... args) {
        return (ServeCommand) new CommandLine(new Main()).parseArgs(args).subcommand().commandSpec().userObject();
    }
}
