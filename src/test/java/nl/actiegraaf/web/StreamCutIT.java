package nl.actiegraaf.web;

import nl.actiegraaf.testsupport.TestFacade;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A result that is still streaming when the time limit strikes is cut with a broken transfer, never
 * ended as if complete. Its own store, so no other test's load delays the first bytes.
 */
class StreamCutIT {
    // Rows flow at once, but each carries some 30 kB (32 copies of up to ~1 kB; under the 64 Ki characters
    // from which a made string counts against the query's memory budget), so its 100 000 rows are some 3 GB:
    // still streaming when the limit strikes however fast the machine is. (With 1.5 kB rows the in-process
    // path sent all 150 MB in 1.7 s; with 6 kB rows a remote Fuseki's TSV, relayed as bytes, came whole,
    // 600 MB, in 4 s on a quiet machine.) Its own LIMIT, within the cap,
    // makes it stream at once: without one, the answer would be held whole to learn whether the cap cuts it
    // (AnswerSpool), and the limit would strike before its first byte (a clean 504, BigAnswerCapIT).
    private static final String STREAM_CROSS = "SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l "
            + "BIND(CONCAT(STR(?a), STR(?b), STR(?c), STR(?d), STR(?e), STR(?f), STR(?g), STR(?h), STR(?i), "
            + "STR(?j), STR(?k), STR(?l)) AS ?x) BIND(CONCAT(?x, ?x, ?x, ?x) AS ?x4) BIND(CONCAT(?x4, ?x4, ?x4, ?x4) AS ?x16) "
            + "BIND(CONCAT(?x16, ?x16) AS ?y) } LIMIT 100000";
    /**
     * Long enough for the first rows to go out before it on a loaded machine (over HTTP, Fuseki's own first
     * byte of this answer took 1.3-2.8 s at a load average of 20-30, and a 2 s limit struck before anything
     * flowed: a clean 504, not the cut this test is about), short enough to keep the test quick.
     */
    private static final Duration LIMIT = Duration.ofSeconds(5);
    @RegisterExtension
    static final TestFacade web = FacadeFixture.unstarted(LIMIT, config -> config);

    private static String q(String query) {
        return "/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    @Test
    void aStreamCutByTheLimitNeverLooksComplete() throws Exception {
        long start = System.nanoTime();
        HttpResponse<java.io.InputStream> response = web.client.send(
                HttpRequest.newBuilder(web.uri(q(STREAM_CROSS))).header("Accept", "text/tab-separated-values").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode()); // results were flowing before the limit struck
        long[] bytes = {0};
        // the status line went out long ago; the only honest signal left is a broken transfer
        assertThrows(IOException.class, () -> {
            try (var in = response.body()) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    bytes[0] += n;
                }
            }
        });
        assertTrue(bytes[0] > 0);
        long took = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertTrue(took < LIMIT.plus(ClientConnection.GRACE).toMillis() + 2000, "cut " + took + " ms after the request");
    }
}
