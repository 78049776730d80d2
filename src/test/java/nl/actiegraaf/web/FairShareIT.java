package nl.actiegraaf.web;

import nl.actiegraaf.testsupport.TestFacade;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A client over its share of running queries is told to come back, at once, not queued. */
class FairShareIT {
    private static final String SLOW = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
    @RegisterExtension
    static final TestFacade web = FacadeFixture.unstarted(Duration.ofSeconds(3), c -> c.withConcurrency(4, 1));

    private static String q(String query) {
        return "/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    @Test
    void aSecondQueryFromTheSameClientWhileOneRunsIs429WithRetryAfter() throws Exception {
        CompletableFuture<HttpResponse<String>> first = web.client.sendAsync(
                HttpRequest.newBuilder(web.uri(q(SLOW))).build(), HttpResponse.BodyHandlers.ofString());
        Thread.sleep(1000); // the first is admitted by then, also on a loaded machine (400 ms once was not, at load 25)
        long start = System.nanoTime();
        HttpResponse<String> second = web.accept(q("ASK {}"), null);
        assertEquals(429, second.statusCode(), second.body());
        assertEquals(QueryAdmission.RETRY_AFTER_SECONDS, second.headers().firstValue("Retry-After").orElse(""));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 1000, "refused at once, not queued");
        // refusals that never reach the store do not need a place
        assertEquals(400, web.accept(q("SELECT {"), null).statusCode());

        // a resource page queries the store too, so it needs a place as well
        HttpResponse<String> page = web.accept("/id/actie/pok/12", "text/turtle");
        assertEquals(429, page.statusCode(), page.body());

        assertEquals(504, first.get().statusCode());
        // the place is given back when the first query ends, also when it ended in a timeout
        assertEquals(200, web.accept(q("ASK {}"), null).statusCode());
        assertEquals(200, web.accept(q("ASK {}"), null).statusCode());
        assertEquals(200, web.accept("/id/actie/pok/12", "text/turtle").statusCode());
    }
}
