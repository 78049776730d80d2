package nl.actiegraaf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import nl.actiegraaf.store.EmbeddedStore;
import nl.actiegraaf.store.FusekiConfigFile;
import nl.actiegraaf.store.StandaloneFuseki;
import nl.actiegraaf.vocab.Iris;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Editions of a series through {@code load} and {@code serve}: the real seed (June 2021) and a
 * FICTIONAL October 2021 edition written by hand in the seed's layout (src/test/resources, marked as
 * made up), plus a fictional report of another series. Loading order, incremental loads, removal,
 * the embedded store and a standalone Fuseki over the Graph Store Protocol.
 */
class EditionsIT {
    static final Path SEED = Path.of("seeds", "stand-van-zaken-pok-2021.txt");
    static final Path EDITIONS = Path.of("src", "test", "resources", "nl", "actiegraaf", "editions");
    static final Path OCTOBER = EDITIONS.resolve("stand-van-zaken-pok-2021-10.txt");
    static final Path OTHER_SERIES = EDITIONS.resolve("voortgang-herstelreeks-2021.txt");
    static final String OCTOBER_ID = "stand-van-zaken-pok-2021-10";
    static final String ID = Iris.ID;
    static final String AG = "https://w3id.org/actiegraaf/def#";

    @TempDir
    Path tmp;

    @Test
    void eitherOrderOfLoadingGivesTheSameGraph() {
        Path juneFirst = tmp.resolve("juni-eerst");
        Path octoberFirst = tmp.resolve("oktober-eerst");
        load(juneFirst, SEED.toString());
        load(juneFirst, OCTOBER.toString());
        load(octoberFirst, OCTOBER.toString());
        load(octoberFirst, SEED.toString());
        List<String> a = dump(juneFirst);
        List<String> b = dump(octoberFirst);
        assertEquals(a, b);
        assertTrue(a.stream().anyMatch(q -> q.contains(Iris.changesGraph("pok"))), "changes were computed");
        // ... and so does one load with both, in any order within it
        Path together = tmp.resolve("samen");
        load(together, OCTOBER.toString(), SEED.toString());
        assertEquals(a, dump(together));
    }

    @Test
    void oneMoreEditionDoesNotRewriteTheOthersAndRemovingItRestoresTheEarlierState() {
        Path data = tmp.resolve("data");
        load(data, SEED.toString());
        List<String> juneOnly = dump(data);
        String juneRecord = record(data, Iris.reportGraph("stand-van-zaken-pok-2021"));
        CliRun october = load(data, OCTOBER.toString());
        assertTrue(october.out().contains("loaded    <" + Iris.reportGraph(OCTOBER_ID) + ">"), october.out());
        assertFalse(october.out().contains("stand-van-zaken-pok-2021>"), october.out());
        assertEquals(juneRecord, record(data, Iris.reportGraph("stand-van-zaken-pok-2021")),
                "the June edition's graph was not written again (same digest, same load time)");

        CliRun removed = CliRun.of("load", "--data", data.toString(), "--remove", OCTOBER_ID);
        assertEquals(0, removed.code(), removed.err());
        assertTrue(removed.out().contains("removed   <" + Iris.reportGraph(OCTOBER_ID) + ">"), removed.out());
        assertEquals(juneOnly, dump(data), "removing October restores the June state, changes gone");

        CliRun unknown = CliRun.of("load", "--data", data.toString(), "--remove", OCTOBER_ID);
        assertEquals(2, unknown.code());
        assertEquals("actiegraaf load: --remove " + OCTOBER_ID + ": no edition " + OCTOBER_ID
                + " in the store (no graph <" + Iris.reportGraph(OCTOBER_ID) + ">)", unknown.err().strip());
        assertEquals(juneOnly, dump(data), "a failed removal changes nothing");
    }

    /** Over HTTP, as a researcher asks: the served store with both POK editions and another series. */
    @Test
    void currentStateChangesAndSeriesOverHttp() throws Exception {
        Path data = tmp.resolve("served");
        load(data, SEED.toString(), OCTOBER.toString(), OTHER_SERIES.toString());
        ServeCommand serve = (ServeCommand) new CommandLine(new Main())
                .parseArgs("serve", "--data", data.toString(), "--port", "0").subcommand().commandSpec().userObject();
        try (ServeCommand.Running running = serve.start(new PrintWriter(new StringWriter()))) {
            String facade = "http://127.0.0.1:" + running.facadePort();
            String sparql = facade + "/sparql";
            // Every action has exactly one current status, and one per edition that reports it.
            assertEquals(List.of(), ServeSeedIT.select(sparql, """
                    SELECT ?a { ?a a ag:Actie . OPTIONAL { ?a ag:status ?s } } GROUP BY ?a HAVING (COUNT(?s) != 1)""", "a"));
            assertEquals(List.of(), ServeSeedIT.select(sparql, """
                    SELECT ?a { ?a a ag:Actie ; ag:rapport ?r . OPTIONAL { ?a ag:stand ?st . ?st ag:rapport ?r ; ag:status ?s } }
                    GROUP BY ?a ?r HAVING (COUNT(?s) != 1)""", "a"));
            // Action 12: Lopend in June, Afgerond now, and the change between them.
            assertEquals(List.of(AG + "Afgerond"), ServeSeedIT.select(sparql,
                    "SELECT ?s { <" + ID + "actie/pok/12> ag:status ?s }", "s"));
            assertEquals(List.of(AG + "Lopend"), ServeSeedIT.select(sparql,
                    "SELECT ?s { <" + ID + "actie/pok/12> ag:stand ?st . ?st ag:rapport <" + ID
                            + "rapport/stand-van-zaken-pok-2021> ; ag:status ?s }", "s"));
            assertEquals(List.of(AG + "Lopend " + AG + "Afgerond"), ServeSeedIT.select(sparql, """
                    SELECT (CONCAT(STR(?oud), " ", STR(?nieuw)) AS ?paar) {
                      ?w a ag:Wijziging ; ag:actie <%sactie/pok/12> ; ag:soort ag:StatusGewijzigd ;
                         ag:van <%srapport/stand-van-zaken-pok-2021> ; ag:naar <%srapport/%s> ;
                         ag:oudeWaarde ?oud ; ag:nieuweWaarde ?nieuw }""".formatted(ID, ID, ID, OCTOBER_ID), "paar"));
            // The moved deadline of action 24 (Q3 2021 -> Q1 2022), with both deadlines.
            assertEquals(List.of("2021-09-30 2022-03-31"), ServeSeedIT.select(sparql, """
                    SELECT (CONCAT(STR(?oud), " ", STR(?nieuw)) AS ?paar) {
                      ?w ag:actie <%sactie/pok/24> ; ag:soort ag:DeadlineVerschoven ; ag:oudeWaarde ?oud ; ag:nieuweWaarde ?nieuw ;
                         ag:oudeDeadline/ag:datum ?oud ; ag:nieuweDeadline/ag:datum ?nieuw }""".formatted(ID), "paar"));
            // New actions (87, 88) and those no longer reported (4, and 9, merged into 10).
            assertEquals(List.of("87", "88"), ServeSeedIT.select(sparql,
                    "SELECT ?n { ?w ag:soort ag:NieuweActie ; ag:actie/ag:nummer ?n } ORDER BY ?n", "n"));
            assertEquals(List.of("4", "9"), ServeSeedIT.select(sparql,
                    "SELECT ?n { ?w ag:soort ag:NietMeerGerapporteerd ; ag:actie/ag:nummer ?n } ORDER BY ?n", "n"));
            // A dropped action keeps its last state as its current one.
            assertEquals(List.of(ID + "rapport/stand-van-zaken-pok-2021"), ServeSeedIT.select(sparql,
                    "SELECT ?r { <" + ID + "actie/pok/9> ag:rapport ?r }", "r"));
            // The new action's motion by a member not in the register: a person of its own.
            assertEquals(List.of("Verzijlbergen"), ServeSeedIT.select(sparql, """
                    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                    SELECT ?naam { <%sactie/pok/88> ag:geeftUitvoeringAan/ag:indiener ?p . ?p rdfs:label ?naam
                      FILTER NOT EXISTS { GRAPH <%s> { ?p ?x ?y } } }""".formatted(ID, Iris.KAMERLEDEN_GRAPH), "naam"));
            // Two series side by side: no action shared, motions and organisations shared.
            String other = "voortgangsrapportage-fictieve-herstelreeks";
            assertEquals(List.of(), ServeSeedIT.select(sparql,
                    "SELECT ?a { ?a ag:reeks ?r1 , ?r2 FILTER(?r1 != ?r2) }", "a"));
            assertEquals(List.of(ID + "actie/pok/81", ID + "actie/" + other + "/81"), ServeSeedIT.select(sparql,
                    "SELECT ?a { ?a ag:geeftUitvoeringAan <" + ID + "kamerstuk/35510-21-deel-2> } ORDER BY ?a", "a"));
            assertTrue(ServeSeedIT.select(sparql, "SELECT ?a { ?a ag:betrokkene <" + ID + "organisatie/bzk> ; ag:reeks <"
                    + ID + "reeks/" + other + "> }", "a").size() >= 2);
            assertEquals(List.of("1", "12", "81"), ServeSeedIT.select(sparql, "SELECT ?n { ?a ag:reeks <" + ID + "reeks/"
                    + other + "> ; ag:nummer ?n } ORDER BY ?n", "n"));
            assertEquals(List.of(), ServeSeedIT.select(sparql, "SELECT ?w { ?w a ag:Wijziging ; ag:actie/ag:reeks <" + ID + "reeks/" + other
                    + "> }", "w"), "a series with one edition has no changes");

            // The old action IRI: one series has action 3 (301), two have an action 12 (300).
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            HttpResponse<String> three = http.send(HttpRequest.newBuilder(URI.create(facade + "/id/actie/3"))
                    .header("Accept", "text/turtle").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(301, three.statusCode());
            assertEquals("/id/actie/pok/3", three.headers().firstValue("Location").orElse(""));
            HttpResponse<String> twelve = http.send(HttpRequest.newBuilder(URI.create(facade + "/id/actie/12"))
                    .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(300, twelve.statusCode());
            assertTrue(twelve.body().contains("href=\"/id/actie/pok/12\"") && twelve.body().contains("href=\"/id/actie/" + other + "/12\""),
                    twelve.body());
            assertEquals(404, http.send(HttpRequest.newBuilder(URI.create(facade + "/id/actie/999")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
        }
    }

    /** The same through a standalone Fuseki (Graph Store Protocol): incremental loads and removal. */
    @Test
    void aRemoteStoreGetsTheSameEditionsAndRemoval() throws Exception {
        Path local = tmp.resolve("local");
        load(local, SEED.toString());
        List<String> juneOnly = dump(local);
        load(local, OCTOBER.toString());
        List<String> both = dump(local);
        try (StandaloneFuseki fuseki = StandaloneFuseki.start()) {
            String url = fuseki.datasetUrl();
            loadRemote(url, OCTOBER.toString());
            loadRemote(url, SEED.toString());
            assertEquals(both, dumpRemote(url));
            CliRun removed = CliRun.of("load", "--endpoint", url, "--remove", OCTOBER_ID);
            assertEquals(0, removed.code(), removed.err());
            assertEquals(juneOnly, dumpRemote(url));
        }
    }

    private static CliRun load(Path data, String... files) {
        List<String> args = new ArrayList<>(List.of("load", "--data", data.toString()));
        args.addAll(List.of(files));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.code(), run.err());
        return run;
    }

    private static void loadRemote(String url, String file) {
        CliRun run = CliRun.of("load", "--endpoint", url, file);
        assertEquals(0, run.code(), run.err());
    }

    /** Sorted N-Quads of every graph but the store's own records (load times) and statistics. */
    static List<String> dump(Path data) {
        try (EmbeddedStore store = EmbeddedStore.open(FusekiConfigFile.DEFAULT, data)) {
            DatasetGraph dataset = store.dataset();
            return Txn.calculateRead(dataset, () -> {
                Set<String> lines = new TreeSet<>();
                dataset.find().forEachRemaining(q -> {
                    if (dataGraph(q.getGraph())) {
                        lines.add(nquad(q));
                    }
                });
                return List.copyOf(lines);
            });
        }
    }

    static List<String> dumpRemote(String url) {
        Set<String> lines = new TreeSet<>();
        try (QueryExecutionHTTP exec = QueryExecutionHTTP.service(url + "/query")
                .query("SELECT ?g ?s ?p ?o { GRAPH ?g { ?s ?p ?o } }").build()) {
            exec.execSelect().forEachRemaining(row -> {
                Quad q = Quad.create(row.get("g").asNode(), row.get("s").asNode(), row.get("p").asNode(), row.get("o").asNode());
                if (dataGraph(q.getGraph())) {
                    lines.add(nquad(q));
                }
            });
        }
        return List.copyOf(lines);
    }

    private static boolean dataGraph(Node graph) {
        return !graph.getURI().equals(Iris.META_GRAPH) && !graph.getURI().equals(Iris.AFGELEID_GRAPH);
    }

    private static String nquad(Quad q) {
        return NodeFmtLib.strNT(q.getSubject()) + " " + NodeFmtLib.strNT(q.getPredicate()) + " "
                + NodeFmtLib.strNT(q.getObject()) + " " + NodeFmtLib.strNT(q.getGraph()) + " .";
    }

    /** What the store recorded about {@code graph}'s load (digest, time, source). */
    private static String record(Path data, String graph) {
        try (EmbeddedStore store = EmbeddedStore.open(FusekiConfigFile.DEFAULT, data)) {
            DatasetGraph dataset = store.dataset();
            return Txn.calculateRead(dataset, () -> {
                Set<String> lines = new TreeSet<>();
                dataset.getGraph(Iris.node(Iris.META_GRAPH)).find(Iris.node(graph), Node.ANY, Node.ANY)
                        .forEachRemaining(t -> lines.add(t.toString()));
                return String.join("\n", lines);
            });
        }
    }
}
