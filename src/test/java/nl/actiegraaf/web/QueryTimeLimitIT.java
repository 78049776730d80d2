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
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The facade's own wall-clock limit, before and after the first byte, while others still get answers. */
class QueryTimeLimitIT {
    /** A cross product of the whole graph with itself: far more work than the limit allows. */
    private static final String COUNT_CROSS = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
    @RegisterExtension
    static final TestFacade web = FacadeFixture.unstarted(Duration.ofMillis(1500), config -> config);

    @BeforeEach
    void warmUpAndLetTheStoreSettle() throws Exception {
        // a cold JVM answers its first query slowly; the measurement is about the running server
        for (int i = 0; i < 3; i++) {
            assertEquals(200, web.accept(q("ASK { ?s ?p ?o }"), null).statusCode());
        }
    }

    private static String q(String query) {
        return "/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    @Test
    void aQueryOverTheLimitEndsWith504InTimeWhileOthersAreAnswered() throws Exception {
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<String>> slow = web.client.sendAsync(
                HttpRequest.newBuilder(web.uri(q(COUNT_CROSS))).build(), HttpResponse.BodyHandlers.ofString());
        Thread.sleep(200);
        long simpleStart = System.nanoTime();
        HttpResponse<String> simple = web.accept(q("ASK { ?s ?p ?o }"), null);
        assertEquals(200, simple.statusCode());
        assertTrue(Duration.ofNanos(System.nanoTime() - simpleStart).toMillis() < 1000, "simple query waited");

        HttpResponse<String> response = slow.get();
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertEquals(504, response.statusCode(), response.body());
        assertTrue(response.body().contains("time limit"), response.body());
        assertTrue(millis < 4000, "took " + millis + " ms");
    }

    @Test
    void theClientMayAskForLessNeverMore() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = web.accept(q(COUNT_CROSS) + "&timeout=0.3", null);
        assertEquals(504, response.statusCode());
        assertTrue(response.body().contains("300 ms"), response.body());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 1400);
        HttpResponse<String> more = web.accept(q(COUNT_CROSS) + "&timeout=600", null);
        assertTrue(more.body().contains("1500 ms"), more.body());
        assertEquals(400, web.accept(q("ASK {}") + "&timeout=soon", null).statusCode());
    }
}
