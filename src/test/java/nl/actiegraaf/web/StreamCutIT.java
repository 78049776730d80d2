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
    // Rows flow at once, but each carries about 6 kB, so the 100 000 rows the facade's row cap lets
    // through are some 600 MB: still streaming when the limit strikes however fast the machine is
    // (with 1.5 kB rows the in-process path sent all 150 MB in 1.7 s here).
    private static final String STREAM_CROSS = "SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l "
            + "BIND(CONCAT(STR(?a), STR(?b), STR(?c), STR(?d), STR(?e), STR(?f), STR(?g), STR(?h), STR(?i), "
            + "STR(?j), STR(?k), STR(?l)) AS ?x) BIND(CONCAT(?x, ?x, ?x, ?x) AS ?y) }";
    /**
     * Long enough for the first rows to go out before it on a loaded machine (the answer holds its first rows
     * back up to 1 s, to learn whether the row cap cuts it; over HTTP to a remote store at load 20 a 2 s
     * limit struck before that), short enough to keep the test quick.
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
