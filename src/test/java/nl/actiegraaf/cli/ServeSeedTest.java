package nl.actiegraaf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.actiegraaf.vocab.Iris;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code serve} with its defaults: the seed report from seeds/ and the ontology, converted and loaded. */
class ServeSeedTest {
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
            String endpoint = running.store().service().query().toString();
            assertTrue(first.toString().contains("graph(s) loaded, 0 unchanged"), first.toString());

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
        try (ServeCommand.Running running = parse("serve", "--data", data, "--port", "0").start(new PrintWriter(second))) {
            assertTrue(second.toString().contains("0 graph(s) loaded, " + (1 + Sources.standardGraphs().size()) + " unchanged"), second.toString());
        }
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
