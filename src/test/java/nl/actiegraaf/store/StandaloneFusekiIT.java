package nl.actiegraaf.store;

import nl.actiegraaf.vocab.Iris;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.actiegraaf.cli.Main;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The remote mode against a real standalone Fuseki: {@code jena-fuseki-server} started as a separate
 * process with the same {@code fuseki-config/actiegraaf.ttl}, in its own temporary directory (its
 * relative data locations land there), on a free port of 127.0.0.1. Killed after the tests.
 */
class StandaloneFusekiIT {
    static StandaloneFuseki fuseki;
    static Path dir;
    static String dataset;

    @BeforeAll
    static void startFuseki() throws Exception {
        fuseki = StandaloneFuseki.start();
        dir = fuseki.dir();
        dataset = fuseki.datasetUrl();
    }

    @AfterAll
    static void stopFuseki() throws Exception {
        if (fuseki != null) {
            fuseki.close();
        }
    }

    @Test
    void loadsThroughTheGraphStoreProtocolAndQueriesWithTextSearch() throws Exception {
        RemoteStore store = RemoteStore.connect(URI.create(dataset));
        Path file = turtle("rapport-remote.ttl", action(21, "Herstel van vertrouwen bij gedupeerde ouders"));
        GraphSource source = new RdfFileSource(file, Iris.reportGraph("remote"), RdfFileSource.DEFAULT_MAX_BYTES);

        assertEquals(List.of(Iris.reportGraph("remote")), store.load(List.of(source)).replaced());
        assertEquals(List.of("https://w3id.org/actiegraaf/id/actie/21"),
                select(store, "SELECT ?s { GRAPH <" + Iris.reportGraph("remote") + "> { ?s ag:omschrijving ?o } }", "s"));
        // Default graph = union; the Dutch analyser stems "gedupeerden" and "gedupeerde" alike.
        assertEquals(List.of("https://w3id.org/actiegraaf/id/actie/21"),
                select(store, "SELECT ?s { ?s text:query (ag:omschrijving \"gedupeerden\") . ?s a ag:Actie }", "s"));

        assertEquals(List.of(Iris.reportGraph("remote")), store.load(List.of(source)).unchanged(), "nothing sent twice");
    }

    @Test
    void theDerivedStatisticsArePutAfterTheDataAndCountItAsTheEmbeddedStoreDoes() throws Exception {
        RemoteStore store = RemoteStore.connect(URI.create(dataset));
        Path file = turtle("rapport-statistiek.ttl", action(41, "Statistiek") + action(42, "Nog een"));
        store.load(List.of(new RdfFileSource(file, Iris.reportGraph("statistiek"), RdfFileSource.DEFAULT_MAX_BYTES)));

        // The dataset's own count; its two linksets (to TOOI and to officielebekendmakingen.nl) have theirs too.
        String stored = "SELECT ?n { GRAPH <" + Iris.AFGELEID_GRAPH + "> { <https://w3id.org/actiegraaf/.well-known/void#actiegraaf> "
                + "<http://rdfs.org/ns/void#triples> ?n } }";
        String live = "SELECT (COUNT(*) AS ?n) { { SELECT DISTINCT ?s ?p ?o { GRAPH ?g { ?s ?p ?o } FILTER(?g != <" + Iris.AFGELEID_GRAPH
                + ">) FILTER(?g != <" + Iris.META_GRAPH + "> || ?s != <" + Iris.AFGELEID_GRAPH + ">) } } }";
        assertEquals(select(store, live, "n"), select(store, stored, "n"));
        assertEquals(List.of(DerivedData.RECIPE_DIGEST), select(store, "SELECT ?r { GRAPH <" + Iris.META_GRAPH + "> { <" + Iris.AFGELEID_GRAPH
                + "> <http://www.w3.org/ns/prov#wasDerivedFrom> ?r } }", "r"), "recorded, so an unchanged load leaves it");
    }

    @Test
    void aBrokenFileSendsNothing() throws Exception {
        RemoteStore store = RemoteStore.connect(URI.create(dataset + "/query"));
        Path old = turtle("oud.ttl", action(31, "Oude stand"));
        store.load(List.of(new RdfFileSource(old, Iris.reportGraph("atomair"), RdfFileSource.DEFAULT_MAX_BYTES)));

        Path changed = turtle("nieuw.ttl", action(31, "Nieuwe stand"));
        Path broken = Files.writeString(dir.resolve("kapot.ttl"), "<https://e.org/a> <https://e.org/p> .");
        assertThrows(LoadException.class, () -> store.load(List.of(
                new RdfFileSource(changed, Iris.reportGraph("atomair"), RdfFileSource.DEFAULT_MAX_BYTES),
                new RdfFileSource(broken, Iris.reportGraph("kapot"), RdfFileSource.DEFAULT_MAX_BYTES))));

        assertEquals(List.of("Oude stand"),
                select(store, "SELECT ?o { GRAPH <" + Iris.reportGraph("atomair") + "> { ?s ag:omschrijving ?o } }", "o"));
    }

    @Test
    void loadCommandWithEndpointAndTheConfigRefusesService() throws Exception {
        Path file = turtle("kamerleden.ttl", "<https://w3id.org/actiegraaf/id/persoon/rob-jetten> rdfs:label \"Rob Jetten\" .");
        int code = new CommandLine(new Main()).execute("load", "--endpoint", dataset, file.toString());
        assertEquals(0, code);
        RemoteStore store = RemoteStore.connect(URI.create(dataset));
        assertEquals(List.of("Rob Jetten"), select(store, "SELECT ?l { GRAPH <" + Iris.KAMERLEDEN_GRAPH + "> { ?s rdfs:label ?l } }", "l"));

        String service = "SELECT * { SERVICE <" + dataset + "/query> { ?s ?p ?o } }";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(dataset + "/query?query=" + URLEncoder.encode(service, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() >= 400 && response.body().contains("SERVICE execution disabled"), response.body());
    }

    // --- helpers

    static String action(int number, String description) {
        return "<https://w3id.org/actiegraaf/id/actie/" + number + "> a ag:Actie ; ag:omschrijving \"" + description + "\"@nl .\n";
    }

    static Path turtle(String name, String body) throws IOException {
        return Files.writeString(dir.resolve(name), """
                @prefix ag: <https://w3id.org/actiegraaf/def#> .
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                """ + body);
    }

    static List<String> select(RemoteStore store, String query, String var) {
        List<String> values = new ArrayList<>();
        try (QueryExecutionHTTP exec = QueryExecutionHTTP.service(store.service().query().toString())
                .query(EmbeddedStoreIT.PREFIXES + query).build()) {
            exec.execSelect().forEachRemaining((QuerySolution row) -> {
                var node = row.get(var);
                values.add(node.isLiteral() ? node.asLiteral().getLexicalForm() : node.toString());
            });
        }
        return values;
    }
}
