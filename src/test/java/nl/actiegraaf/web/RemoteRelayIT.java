package nl.actiegraaf.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import nl.actiegraaf.store.GraphSource;
import nl.actiegraaf.store.LoadResult;
import nl.actiegraaf.store.RemoteStore;
import nl.actiegraaf.store.Store;
import nl.actiegraaf.testsupport.TestFacade;
import org.apache.jena.rdflink.RDFLink;
import org.apache.jena.sparql.core.DatasetDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The relay of a remote store's answers ({@link RelayedAnswer}): an answer the facade would not change is the
 * store's own bytes, and one it must change, or one that fails, is answered as the facade's own path answers it.
 * Two facades over the same sample, each in front of its own Fuseki through a test proxy ({@link StoreProxy}, which
 * marks each answer in a way no term shows and records what it was asked): one as {@code serve --endpoint} runs
 * (relaying), one whose store offers no bytes of its own (the facade's parsing path), so every case is compared
 * side by side.
 */
class RemoteRelayIT {
    private static final long CAP = 20;
    private static final String AG = "PREFIX ag: <https://w3id.org/actiegraaf/def#> ";
    /** Rows of some 38 kB: twenty of them (within the cap, so relayed) take the slow proxy some 19 s to send. */
    private static final String WIDE_ROWS = "SELECT ?y WHERE { ?s ?p ?o BIND(CONCAT(STR(?s), STR(?p), STR(?o)) AS ?x1) "
            + "BIND(CONCAT(?x1, ?x1, ?x1, ?x1) AS ?x2) BIND(CONCAT(?x2, ?x2, ?x2, ?x2) AS ?x3) "
            + "BIND(CONCAT(?x3, ?x3, ?x3, ?x3) AS ?x4) BIND(CONCAT(?x4, ?x4, ?x4, ?x4) AS ?y) "
            + "FILTER(STR(?o) != \"" + StoreProxy.SLOW_STREAM + "\") } LIMIT " + CAP;

    private static StoreProxy relayProxy;
    private static StoreProxy parsingProxy;

    @RegisterExtension
    static final TestFacade relaying = FacadeFixture.unstarted(Duration.ofSeconds(10), capped())
            .overHttp(service -> {
                relayProxy = new StoreProxy(service.query());
                return RemoteStore.connect(relayProxy.uri(), service.graphStore());
            });

    @RegisterExtension
    static final TestFacade parsing = FacadeFixture.unstarted(Duration.ofSeconds(10), capped())
            .overHttp(service -> {
                parsingProxy = new StoreProxy(service.query());
                return new WithoutBytes(RemoteStore.connect(parsingProxy.uri(), service.graphStore()));
            });

    private static UnaryOperator<FacadeConfig> capped() {
        return config -> config.withMaxRows(CAP);
    }

    @AfterAll
    static void closeProxies() {
        for (StoreProxy proxy : new StoreProxy[] {relayProxy, parsingProxy}) {
            if (proxy != null) {
                proxy.close();
            }
        }
    }

    private static String q(String query) {
        return "/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    static Stream<Arguments> unchangedAnswers() {
        String select = AG + "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o LIMIT 5";
        String underTheCap = AG + "SELECT ?a ?nummer WHERE { ?a a ag:Actie ; ag:nummer ?nummer } ORDER BY ?nummer";
        String ask = AG + "ASK { ?a ag:nummer 12 }";
        String construct = AG + "CONSTRUCT { ?a ag:nummer ?n } WHERE { ?a ag:nummer ?n } LIMIT 10";
        String describe = "DESCRIBE <https://w3id.org/actiegraaf/id/actie/pok/12>";
        List<Arguments> cases = new ArrayList<>();
        for (String type : List.of("application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                "text/tab-separated-values")) {
            cases.add(Arguments.of(select, type, type));
            cases.add(Arguments.of(underTheCap, type, type));
        }
        cases.add(Arguments.of(underTheCap, "application/json", "application/sparql-results+json"));
        cases.add(Arguments.of(ask, "application/sparql-results+json", "application/sparql-results+json"));
        cases.add(Arguments.of(ask, "application/sparql-results+xml", "application/sparql-results+xml"));
        cases.add(Arguments.of(construct, "application/n-triples", "application/n-triples"));
        cases.add(Arguments.of(describe, "application/n-triples", "application/n-triples"));
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("unchangedAnswers")
    void anAnswerTheFacadeWouldNotChangeIsTheStoresOwnBytes(String query, String accept, String asked) {
        HttpResponse<String> relayed = relaying.accept(q(query), accept);
        assertEquals(200, relayed.statusCode(), relayed.body());
        assertEquals(asked, relayProxy.lastAccept(), "the store was asked for the client's format");
        String store = new String(relayProxy.lastAnswer(), StandardCharsets.UTF_8);
        assertEquals(store, relayed.body(), "the store's bytes, the proxy's mark included");
        HttpResponse<String> own = parsing.accept(q(query), accept);
        assertEquals(200, own.statusCode(), own.body());
        assertFalse(own.body().contains(StoreProxy.NT_MARK) || own.body().contains(StoreProxy.XML_MARK)
                || own.body().endsWith(StoreProxy.JSON_MARK), "the facade's own path writes the answer again");
        assertEquals(own.headers().firstValue("Content-Type"), relayed.headers().firstValue("Content-Type"));
        assertEquals(Optional.empty(), relayed.headers().firstValue(RowCap.HEADER));
        assertEquals(Optional.empty(), own.headers().firstValue(RowCap.HEADER));
        // Nothing a user reads differs: the same bytes as the facade writes (graphs: the same lines; blank node labels aside).
        String unmarked = unmarked(relayed.body());
        if (asked.equals("application/n-triples")) {
            assertEquals(sortedLines(own.body()), sortedLines(unmarked));
        } else {
            assertEquals(own.body(), unmarked);
        }
    }

    @Test
    void anAnswerTheCapCutIsTheFacadesOwnAndSaysSo() {
        for (String accept : List.of("application/sparql-results+json", "text/tab-separated-values")) {
            for (String query : List.of("SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o",
                    "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o LIMIT 500")) {
                int before = relayProxy.requests();
                HttpResponse<String> relayed = relaying.accept(q(query), accept);
                HttpResponse<String> own = parsing.accept(q(query), accept);
                assertEquals(200, relayed.statusCode(), relayed.body());
                assertEquals(Optional.of(Long.toString(CAP)), relayed.headers().firstValue(RowCap.HEADER), query);
                assertEquals(own.headers().firstValue(RowCap.HEADER), relayed.headers().firstValue(RowCap.HEADER));
                assertEquals(own.body(), relayed.body(), "cut as the facade cuts: " + query);
                assertEquals(before + 1, relayProxy.requests(),
                        "one request: the relay found the row past the cap and wrote the answer as the facade writes its own rows");
            }
        }
    }

    @Test
    void overTheLimitBeforeTheFirstByteIsTheSame504() {
        String query = AG + "SELECT ?a WHERE { ?a ag:nummer ?n FILTER(STR(?a) != \"" + StoreProxy.SLOW_START + "\") } LIMIT 5";
        for (TestFacade facade : List.of(relaying, parsing)) {
            long start = System.nanoTime();
            HttpResponse<String> response = facade.accept(q(query) + "&timeout=2", "application/sparql-results+json");
            assertEquals(504, response.statusCode(), response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertTrue(response.body().contains("time limit of 2 s"), response.body());
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < StoreProxy.SLOW_START_DELAY.toMillis(),
                    "answered at the limit, not when the store answered");
        }
    }

    @Test
    void aStreamCutByTheLimitBreaksTheTransferAndEndsTheStoresRequest() throws Exception {
        for (StoreSide side : sides()) {
            int ended = side.proxy().endedEarly();
            long start = System.nanoTime();
            HttpResponse<InputStream> response = side.facade().client.send(HttpRequest.newBuilder(
                    side.facade().uri(q(WIDE_ROWS) + "&timeout=3")).header("Accept", "application/sparql-results+json").build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, response.statusCode(), side.name());
            long[] read = {0};
            assertThrows(IOException.class, () -> {
                try (InputStream in = response.body()) {
                    byte[] buffer = new byte[8192];
                    int n;
                    while ((n = in.read(buffer)) >= 0) {
                        read[0] += n;
                    }
                }
            }, side.name() + ": a cut answer never looks complete");
            assertTrue(read[0] > 0, side.name());
            awaitEnded(side, ended, start, Duration.ofSeconds(8));
        }
    }

    @Test
    void aClientThatLeavesEndsTheStoresRequest() throws Exception {
        for (StoreSide side : sides()) {
            int ended = side.proxy().endedEarly();
            HttpResponse<InputStream> response = side.facade().client.send(HttpRequest.newBuilder(side.facade().uri(q(WIDE_ROWS)))
                    .header("Accept", "application/sparql-results+json").build(), HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, response.statusCode(), side.name());
            InputStream in = response.body();
            assertTrue(in.read(new byte[1024]) > 0, side.name());
            long left = System.nanoTime();
            in.close(); // the client goes away mid-answer
            // Well before the 10 s limit would end it, and before the slow store would have sent it all (~19 s).
            awaitEnded(side, ended, left, Duration.ofSeconds(6));
        }
    }

    record StoreSide(String name, TestFacade facade, StoreProxy proxy) {
    }

    private static List<StoreSide> sides() {
        return List.of(new StoreSide("relay", relaying, relayProxy), new StoreSide("facade's own path", parsing, parsingProxy));
    }

    /** Waits (polling) until the proxy saw the facade end the store's answer early, within {@code within} of {@code since}. */
    private static void awaitEnded(StoreSide side, int endedBefore, long since, Duration within) throws InterruptedException {
        long until = since + within.toNanos();
        while (side.proxy().endedEarly() == endedBefore && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertTrue(side.proxy().endedEarly() > endedBefore, side.name() + ": the store's request was not ended within " + within);
        assertTrue(side.proxy().endedEarlyAtNanos() - since < within.toNanos(), side.name());
    }

    private static String unmarked(String body) {
        for (String mark : List.of(StoreProxy.JSON_MARK, StoreProxy.XML_MARK, StoreProxy.NT_MARK)) {
            if (body.endsWith(mark)) {
                return body.substring(0, body.length() - mark.length());
            }
        }
        return body;
    }

    private static List<String> sortedLines(String body) {
        return body.lines().map(line -> line.replaceAll("_:\\S+", "_:b")).sorted().toList();
    }

    /** The remote store without its bytes: the facade answers every query by its own path. */
    private record WithoutBytes(Store store) implements Store {
        @Override
        public RDFLink link() {
            return store.link();
        }

        @Override
        public RDFLink link(DatasetDescription graphs) {
            return store.link(graphs);
        }

        @Override
        public LoadResult load(List<GraphSource> sources, List<String> removeEditions) {
            return store.load(sources, removeEditions);
        }

        @Override
        public String location() {
            return store.location();
        }

        @Override
        public void close() {
            store.close();
        }
    }
}
