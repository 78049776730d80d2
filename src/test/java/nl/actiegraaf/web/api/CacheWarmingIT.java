package nl.actiegraaf.web.api;

import nl.actiegraaf.testsupport.TestFacade;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.actiegraaf.vocab.AG;
import nl.actiegraaf.vocab.Iris;

/**
 * The cache is filled for a data version before anyone asks: after the warm-up, the very first
 * request of every parameterless call (and of every enumerated value) is a hit, with the bytes an
 * uncached request gets; a load (new digests) is warmed again, with the new data.
 */
class CacheWarmingIT {
    private static final String REPORT_GRAPH = Iris.reportGraph("stand-van-zaken-pok-2021");
    private static final Duration WARM_UP = Duration.ofSeconds(60);

    private TestFacade server;
    private QueryApi api;

    @BeforeEach
    void start() {
        AtomicReference<QueryApi> created = new AtomicReference<>();
        server = ApiTestServer.start(Path.of("queries"), "/webapi/sample.trig", QueryApi.Settings.defaults(), created::set);
        api = created.get();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void everyParameterlessCallIsAHitOnItsFirstRequestWithTheUncachedBytes() throws InterruptedException {
        assertTrue(api.awaitWarmUp(WARM_UP), "warm-up ended");
        List<CacheWarmer.Call> calls = CacheWarmer.callsOf(api.catalog());
        assertTrue(calls.stream().anyMatch(c -> c.parameters().isEmpty() && c.query().name().equals("netwerk")));
        assertTrue(calls.stream().anyMatch(c -> c.query().name().equals("tellingen")
                && c.parameters().equals(Map.of("per", List.of("status")))), "each enumerated value is warmed");
        assertFalse(calls.stream().anyMatch(c -> c.query().name().equals("actie")), "a required parameter is the client's to choose");
        // A second server over the same data, asked at once (before its own warm-up): computed answers.
        try (TestFacade fresh = ApiTestServer.start(Path.of("queries"), "/webapi/sample.trig")) {
            for (CacheWarmer.Call call : calls) {
                String path = path(call);
                HttpResponse<String> first = server.get(path);
                assertEquals(200, first.statusCode(), path + " -> " + first.body());
                assertEquals("hit", first.headers().firstValue(QueryApi.CACHE_HEADER).orElse(""), path);
                HttpResponse<String> computed = fresh.get(path);
                assertEquals(computed.body(), first.body(), path);
                assertEquals(computed.headers().firstValue("Link"), first.headers().firstValue("Link"), path);
                assertEquals(computed.headers().firstValue("ETag"), first.headers().firstValue("ETag"), path);
            }
        }
        HttpResponse<String> chosen = server.get("/api/queries/moties?motie=35510-21");
        assertEquals("miss", chosen.headers().firstValue(QueryApi.CACHE_HEADER).orElse(""), "calls with chosen values are not warmed");
    }

    @Test
    void aLoadIsWarmedAgainWithTheNewData() throws InterruptedException {
        assertTrue(api.awaitWarmUp(WARM_UP));
        String before = server.get("/api/queries/rapporten").body();
        String etag = server.get("/api/queries/moties?motie=35510-21").headers().firstValue("ETag").orElseThrow();

        // A "load": a new action in the report's graph and its graph's new digest in the metadata graph.
        Txn.executeWrite(server.dataset(), () -> {
            Node graph = NodeFactory.createURI(REPORT_GRAPH);
            Node action = NodeFactory.createURI("https://w3id.org/actiegraaf/id/actie/99");
            server.dataset().add(graph, action, RDF.type.asNode(), AG.Actie);
            server.dataset().add(graph, action, AG.nummer, NodeFactory.createLiteralDT("99", XSDDatatype.XSDinteger));
            server.dataset().add(graph, action, NodeFactory.createURI("http://www.w3.org/ns/prov#wasDerivedFrom"),
                    NodeFactory.createURI("https://w3id.org/actiegraaf/id/rapport/stand-van-zaken-pok-2021"));
            Node meta = NodeFactory.createURI(Iris.META_GRAPH);
            server.dataset().deleteAny(meta, graph, DCTerms.identifier.asNode(), Node.ANY);
            server.dataset().add(meta, graph, DCTerms.identifier.asNode(), NodeFactory.createLiteralString("sha256:second"));
        });
        // A request (not of a warmed call) lets the facade see the new version, which starts the warm-up.
        for (int i = 0; i < 50 && etag.equals(server.get("/api/queries/moties?motie=35510-21").headers().firstValue("ETag").orElse(etag)); i++) {
            Thread.sleep(100);
        }
        Thread.sleep(200);
        assertTrue(api.awaitWarmUp(WARM_UP));
        HttpResponse<String> after = server.get("/api/queries/rapporten");
        assertEquals("hit", after.headers().firstValue(QueryApi.CACHE_HEADER).orElse(""));
        assertNotEquals(before, after.body(), "the warmed answer counts the new action");
    }

    private static String path(CacheWarmer.Call call) {
        Map<String, String> single = new LinkedHashMap<>();
        call.parameters().forEach((name, values) -> single.put(name, values.get(0)));
        return ApiPaths.withParameters(ApiPaths.query(call.query().name()), single);
    }
}
