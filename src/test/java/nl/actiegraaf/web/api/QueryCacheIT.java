package nl.actiegraaf.web.api;

import nl.actiegraaf.testsupport.TestFacade;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.actiegraaf.vocab.AG;
import nl.actiegraaf.vocab.Iris;

/**
 * The curated queries' answer cache and HTTP validators, through the whole facade over a real
 * Fuseki. Whether an answer came from the cache is read from {@link QueryApi#CACHE_HEADER} and,
 * independently of that header, by changing the store behind the facade: the old answer stays
 * until the metadata graph's digests change, as a load changes them.
 */
class QueryCacheIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REPORT_GRAPH = Iris.reportGraph("stand-van-zaken-pok-2021");
    private static final String MOTIE_21 = "/api/queries/moties?motie=35510-21";
    private static final String ID = "https://w3id.org/actiegraaf/id/";

    private TestFacade server;

    @BeforeEach
    void start() {
        server = ApiTestServer.startFacadeWith(Path.of("queries"), dataset -> {
            try (InputStream in = QueryCacheIT.class.getResourceAsStream("/webapi/sample.trig")) {
                RDFParser.source(in).lang(Lang.TRIG).parse(dataset);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            recordDigest(dataset, "sha256:first");
        }, Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aSecondIdenticalRequestIsServedFromTheCache() {
        HttpResponse<String> first = server.get(MOTIE_21);
        HttpResponse<String> second = server.get(MOTIE_21);
        assertEquals(200, first.statusCode(), first.body());
        assertEquals("miss", header(first, QueryApi.CACHE_HEADER));
        assertEquals(200, second.statusCode(), second.body());
        assertEquals("hit", header(second, QueryApi.CACHE_HEADER));
        assertEquals(first.body(), second.body());
        assertEquals(header(first, "Link"), header(second, "Link"), "the page links come from the cache too");
        assertEquals(header(first, "ETag"), header(second, "ETag"));
        assertTrue(header(first, "ETag").matches("\"[0-9a-f]{32}\""), "a strong tag: " + header(first, "ETag"));
        assertEquals("public, max-age=60", header(first, "Cache-Control"));
        assertTrue(header(second, "Vary").contains("Accept"), header(second, "Vary"));
        assertTrue(header(second, "Content-Type").startsWith("application/json"), header(second, "Content-Type"));
    }

    @Test
    void ifNoneMatchWithTheCurrentTagGets304WithoutABody() {
        String etag = header(server.get(MOTIE_21), "ETag");
        HttpResponse<String> again = server.get(MOTIE_21, "If-None-Match", etag);
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
        assertEquals(etag, header(again, "ETag"));
        assertEquals(304, server.get(MOTIE_21, "If-None-Match", "\"other\", W/" + etag).statusCode(),
                "a list of tags, compared weakly as RFC 9110 says for If-None-Match");
        assertEquals(200, server.get(MOTIE_21, "If-None-Match", "\"other\"").statusCode());
        assertEquals(200, server.get("/api/queries/moties?motie=35510-26", "If-None-Match", etag).statusCode(),
                "another request's tag does not match");
    }

    @Test
    void everyParameterPageAndFormatIsItsOwnEntry() {
        HttpResponse<String> m21 = server.get(MOTIE_21);
        HttpResponse<String> m26 = server.get("/api/queries/moties?motie=35510-26");
        assertEquals("miss", header(m26, QueryApi.CACHE_HEADER));
        assertNotEquals(m21.body(), m26.body());
        assertNotEquals(header(m21, "ETag"), header(m26, "ETag"));

        HttpResponse<String> page = server.get(MOTIE_21 + "&limit=1");
        assertEquals("miss", header(page, QueryApi.CACHE_HEADER));
        assertEquals(1, readArray(page).size());
        assertEquals("hit", header(server.get("/api/queries/moties?limit=1&motie=35510-21"), QueryApi.CACHE_HEADER),
                "the order of the parameters does not matter");

        HttpResponse<String> csv = server.get(MOTIE_21, "Accept", "text/csv");
        assertEquals("miss", header(csv, QueryApi.CACHE_HEADER));
        assertTrue(header(csv, "Content-Type").startsWith("text/csv"), header(csv, "Content-Type"));
        assertNotEquals(header(m21, "ETag"), header(csv, "ETag"));
        assertEquals("hit", header(server.get(MOTIE_21, "Accept", "text/csv"), QueryApi.CACHE_HEADER));
        assertEquals("hit", header(server.get(MOTIE_21), QueryApi.CACHE_HEADER), "JSON is still cached beside CSV");
    }

    @Test
    void aLoadThatChangesTheDigestsInvalidatesTheCacheAndTheTags() throws InterruptedException {
        HttpResponse<String> before = server.get(MOTIE_21);
        int rows = readArray(before).size();

        // New data, but no load recorded: past the version's refresh the cached answer still stands,
        // which the store alone could not give.
        Txn.executeWrite(server.dataset(), () -> addAction(server.dataset(), 99, "35510-21-deel-1"));
        Thread.sleep(1200);
        HttpResponse<String> cached = server.get(MOTIE_21);
        assertEquals(before.body(), cached.body());
        assertEquals("hit", header(cached, QueryApi.CACHE_HEADER));

        // A load records the graph's new digest: within the version's refresh the new answer shows.
        Txn.executeWrite(server.dataset(), () -> recordDigest(server.dataset(), "sha256:second"));
        HttpResponse<String> after = server.get(MOTIE_21);
        for (int i = 0; i < 30 && "hit".equals(header(after, QueryApi.CACHE_HEADER)); i++) {
            Thread.sleep(100);
            after = server.get(MOTIE_21);
        }
        assertEquals("miss", header(after, QueryApi.CACHE_HEADER));
        assertEquals(rows + 1, readArray(after).size(), after.body());
        assertNotEquals(header(before, "ETag"), header(after, "ETag"));
        assertEquals(200, server.get(MOTIE_21, "If-None-Match", header(before, "ETag")).statusCode(),
                "the old tag no longer validates");
        assertEquals("hit", header(server.get(MOTIE_21), QueryApi.CACHE_HEADER), "the new answer is cached");
    }

    @Test
    void errorsAreNeitherCachedNorTagged() {
        HttpResponse<String> bad = server.get("/api/queries/moties?motie=35510-21&limit=zero");
        assertEquals(400, bad.statusCode());
        assertFalse(bad.headers().firstValue("ETag").isPresent());
        assertFalse(bad.headers().firstValue("Cache-Control").orElse("").contains("public"));
        assertEquals(400, server.get("/api/queries/moties?motie=35510-21&limit=zero").statusCode());
    }

    @Test
    void theOpenApiDocumentAndTheListingHaveValidatorsToo() {
        for (String path : new String[] {"/openapi.json", "/api/queries"}) {
            HttpResponse<String> first = server.get(path);
            String etag = header(first, "ETag");
            assertTrue(etag.matches("\"[0-9a-f]{32}\""), path + ": " + etag);
            assertEquals("public, max-age=60", header(first, "Cache-Control"));
            HttpResponse<String> again = server.get(path, "If-None-Match", etag);
            assertEquals(304, again.statusCode(), path);
            assertEquals("", again.body());
        }
    }

    /** What a load records in the metadata graph: the digest of the report's graph. */
    private static void recordDigest(DatasetGraph dataset, String digest) {
        Node meta = NodeFactory.createURI(Iris.META_GRAPH);
        Node graph = NodeFactory.createURI(REPORT_GRAPH);
        dataset.deleteAny(meta, graph, DCTerms.identifier.asNode(), Node.ANY);
        dataset.add(meta, graph, DCTerms.identifier.asNode(), NodeFactory.createLiteralString(digest));
    }

    private static void addAction(DatasetGraph dataset, int number, String kamerstuk) {
        Node graph = NodeFactory.createURI(REPORT_GRAPH);
        Node action = NodeFactory.createURI(ID + "actie/" + number);
        dataset.add(graph, action, AG.geeftUitvoeringAan, NodeFactory.createURI(ID + "kamerstuk/" + kamerstuk));
        dataset.add(graph, action, AG.nummer, NodeFactory.createLiteralDT(Integer.toString(number),
                org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger));
    }

    private static com.fasterxml.jackson.databind.JsonNode readArray(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }
}
