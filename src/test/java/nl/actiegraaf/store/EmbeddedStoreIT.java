package nl.actiegraaf.store;

import nl.actiegraaf.vocab.Iris;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.junit.jupiter.api.Test;

class EmbeddedStoreIT extends KeptStoreFixture {
    static final String PREFIXES = """
            PREFIX ag: <https://w3id.org/actiegraaf/def#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX text: <http://jena.apache.org/text#>
            """;

    @Test
    void answersSparqlOverHttpOnLoopback() throws Exception {
        store.load(List.of(turtle("rapport.ttl", Iris.reportGraph("test"), action(12, "Signalen van burgers serieus nemen"))));

        URI query = store.service().query();
        assertEquals("127.0.0.1", query.getHost());
        String sparql = PREFIXES + "SELECT ?o WHERE { <https://w3id.org/actiegraaf/id/actie/12> ag:omschrijving ?o }";
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(query + "?query=" + URLEncoder.encode(sparql, StandardCharsets.UTF_8)))
                        .header("Accept", "application/sparql-results+json").GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("Signalen van burgers serieus nemen"), response.body());
    }

    @Test
    void defaultGraphIsTheUnionOfTheNamedGraphs() throws Exception {
        store.load(List.of(
                turtle("a.ttl", Iris.reportGraph("a"), action(1, "Eerste actie")),
                turtle("b.ttl", Iris.ORGANISATIES_GRAPH, "<https://w3id.org/actiegraaf/id/organisatie/bzk> rdfs:label \"BZK\"@nl .")));

        assertEquals(List.of("Eerste actie"), select("SELECT ?o { ?s ag:omschrijving ?o }", "o"));
        assertEquals(List.of("BZK"), select("SELECT ?l { ?s rdfs:label ?l }", "l"));
    }

    @Test
    void textSearchFindsAnActionByADutchWordStemmed() throws Exception {
        store.load(List.of(turtle("rapport.ttl", Iris.reportGraph("test"),
                action(7, "De signalen van burgers worden beter opgepakt door de uitvoeringsorganisaties")
                        + action(8, "Een wetsvoorstel over de hardheidsclausule"))));

        // "signaal" is not in the text; the Dutch analyser stems "signalen" to the same root.
        assertEquals(List.of("https://w3id.org/actiegraaf/id/actie/7"),
                select("SELECT ?s { ?s text:query (ag:omschrijving \"signaal\") }", "s"));
        assertEquals(List.of("https://w3id.org/actiegraaf/id/actie/8"),
                select("SELECT ?s { ?s text:query (ag:omschrijving \"hardheidsclausule\") }", "s"));
    }

    @Test
    void aBrokenFileInABatchLeavesTheOldDataAndIndexIntact() throws Exception {
        store.load(List.of(turtle("a.ttl", Iris.reportGraph("a"), action(1, "Oude tekst over kinderopvang"))));

        LoadException failure = assertThrows(LoadException.class, () -> store.load(List.of(
                turtle("a2.ttl", Iris.reportGraph("a"), action(1, "Nieuwe tekst over compensatie")),
                turtle("b.ttl", Iris.reportGraph("b"), action(2, "Heel andere toeslagen")),
                turtle("kapot.ttl", Iris.reportGraph("c"), "<https://w3id.org/actiegraaf/id/actie/3> ag:omschrijving \"open"))));

        assertTrue(failure.getMessage().startsWith(tmp.resolve("kapot.ttl") + ":4:"), failure.getMessage());
        assertFalse(failure.getMessage().contains("\n"));
        assertEquals(List.of("Oude tekst over kinderopvang"), select("SELECT ?o { ?s ag:omschrijving ?o }", "o"));
        // The two good files were written inside the aborted transaction: the index rolled back with it.
        assertEquals(List.of(), select("SELECT ?s { ?s text:query (ag:omschrijving \"compensatie\") }", "s"));
        assertEquals(List.of(), select("SELECT ?s { ?s text:query (ag:omschrijving \"toeslagen\") }", "s"));
        assertEquals(1, select("SELECT ?s { ?s text:query (ag:omschrijving \"kinderopvang\") }", "s").size());
        assertFalse(Files.exists(store.dataDir().resolve(TextIndexRepair.MARKER)), "an aborted load needs no repair");
    }

    @Test
    void reloadSkipsUnchangedAndReplacesChangedGraphs() throws Exception {
        List<GraphSource> first = List.of(
                turtle("a.ttl", Iris.reportGraph("a"), action(1, "Oude tekst over kinderopvang")),
                turtle("b.ttl", Iris.reportGraph("b"), action(2, "Blijft hetzelfde")));
        assertEquals(List.of(Iris.reportGraph("a"), Iris.reportGraph("b")), store.load(first).replaced());

        LoadResult again = store.load(first);
        assertEquals(List.of(), again.replaced());
        assertEquals(List.of(Iris.reportGraph("a"), Iris.reportGraph("b")), again.unchanged());
        assertEquals(2, select("SELECT ?s { ?s ag:omschrijving ?o }", "s").size(), "nothing loaded twice");

        LoadResult changed = store.load(List.of(
                turtle("a.ttl", Iris.reportGraph("a"), action(1, "Nieuwe tekst over compensatie")),
                turtle("b.ttl", Iris.reportGraph("b"), action(2, "Blijft hetzelfde"))));
        assertEquals(List.of(Iris.reportGraph("a")), changed.replaced());
        assertEquals(List.of("Blijft hetzelfde", "Nieuwe tekst over compensatie"),
                select("SELECT ?o { ?s ag:omschrijving ?o } ORDER BY ?o", "o"));
        // The replaced text left the index too.
        assertEquals(List.of(), select("SELECT ?s { ?s text:query (ag:omschrijving \"kinderopvang\") }", "s"));
        assertEquals(1, select("SELECT ?s { ?s text:query (ag:omschrijving \"compensatie\") }", "s").size());
    }

    @Test
    void dataDirectoryPersistsAcrossStarts() throws Exception {
        GraphSource source = turtle("a.ttl", Iris.reportGraph("a"), action(1, "Bewaard tussen twee starts"));
        store.load(List.of(source));
        restart();
        assertEquals(List.of("Bewaard tussen twee starts"), select("SELECT ?o { ?s ag:omschrijving ?o }", "o"));
        assertEquals(1, select("SELECT ?s { ?s text:query (ag:omschrijving \"bewaard\") }", "s").size());
        assertEquals(List.of(Iris.reportGraph("a")), store.load(List.of(source)).unchanged());
    }

    @Test
    void aLoadKilledBetweenTheTdb2AndTheIndexCommitIsRepairedAtNextOpen() throws Exception {
        store.load(List.of(turtle("a.ttl", Iris.reportGraph("a"), action(1, "Eerste actie over kinderopvang"))));
        // The state a kill -9 between the two commits leaves: TDB2 has the new data, the index not,
        // and the load's marker is still there.
        DatasetGraph tdb = ((DatasetGraphText) store.dataset()).getWrapped();
        Txn.executeWrite(tdb, () -> tdb.add(NodeFactory.createURI(Iris.reportGraph("a")),
                NodeFactory.createURI("https://w3id.org/actiegraaf/id/actie/2"),
                NodeFactory.createURI("https://w3id.org/actiegraaf/def#omschrijving"),
                NodeFactory.createLiteralLang("Afspraken met zorgverzekeraars", "nl")));
        Files.writeString(store.dataDir().resolve(TextIndexRepair.MARKER), "interrupted");
        assertEquals(List.of(), select("SELECT ?s { ?s text:query (ag:omschrijving \"zorgverzekeraars\") }", "s"));
        restart();
        assertEquals(List.of("https://w3id.org/actiegraaf/id/actie/2"),
                select("SELECT ?s { ?s text:query (ag:omschrijving \"zorgverzekeraars\") }", "s"));
        assertEquals(List.of("https://w3id.org/actiegraaf/id/actie/1"),
                select("SELECT ?s { ?s text:query (ag:omschrijving \"kinderopvang\") }", "s"));
        assertFalse(Files.exists(store.dataDir().resolve(TextIndexRepair.MARKER)));
    }

    @Test
    void temporaryStoreIsRemovedOnClose() {
        EmbeddedStore temporary = EmbeddedStore.open(FusekiConfigFile.DEFAULT, null).start();
        Path dir = temporary.dataDir();
        assertTrue(Files.isDirectory(dir.resolve("tdb2")));
        temporary.close();
        assertFalse(Files.exists(dir));
    }

    @Test
    void embeddedPortCannotWriteNorCallOtherServers() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + store.port() + "/actiegraaf";
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(base + "/data?default"))
                .header("Content-Type", "text/turtle").PUT(HttpRequest.BodyPublishers.ofString("<a:b> <a:c> <a:d> .")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(put.statusCode() >= 400 && put.statusCode() < 500, "PUT answered " + put.statusCode());
        HttpResponse<String> update = http.send(HttpRequest.newBuilder(URI.create(base + "/query"))
                .header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { <a:b> <a:c> <a:d> }")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(update.statusCode() >= 400 && update.statusCode() < 500, "update answered " + update.statusCode());
        assertEquals(List.of(), select("SELECT ?s { ?s ?p ?o }", "s"));

        String service = "SELECT * { SERVICE <" + base + "/query> { ?s ?p ?o } }";
        HttpResponse<String> federated = http.send(HttpRequest.newBuilder(
                URI.create(base + "/query?query=" + URLEncoder.encode(service, StandardCharsets.UTF_8))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(federated.statusCode() >= 400 && federated.statusCode() < 500, federated.statusCode() + " " + federated.body());
        assertTrue(federated.body().contains("SERVICE execution disabled"), federated.body());
    }

    // --- helpers

    static String action(int number, String description) {
        return "<https://w3id.org/actiegraaf/id/actie/" + number + "> a ag:Actie ; ag:omschrijving \"" + description + "\"@nl .\n";
    }

    GraphSource turtle(String fileName, String graph, String body) throws Exception {
        Path file = tmp.resolve(fileName);
        Files.writeString(file, PREFIXES.replaceAll("PREFIX (\\S+) (\\S+)", "@prefix $1 $2 .") + body);
        return new RdfFileSource(file, graph, RdfFileSource.DEFAULT_MAX_BYTES);
    }

    List<String> select(String query, String var) {
        List<String> values = new ArrayList<>();
        try (QueryExecutionHTTP exec = QueryExecutionHTTP.service(store.service().query().toString())
                .query(PREFIXES + query).build()) {
            exec.execSelect().forEachRemaining((QuerySolution row) -> {
                var node = row.get(var);
                values.add(node.isLiteral() ? node.asLiteral().getLexicalForm() : node.toString());
            });
        }
        return values;
    }
}
