package nl.actiegraaf.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import nl.actiegraaf.testsupport.TestFacade;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The one setting for where the site is and whom to believe ({@link ClientOrigin}), over HTTP against the
 * real facade: the request's Host header never makes a link; {@code --public-base} does; behind a trusted
 * proxy the forwarded protocol, host and client address count, from any other peer they do not, and a
 * forged X-Forwarded-For never escapes the per-address cap.
 */
@Timeout(60)
class ClientOriginIT {
    /** Slow enough to hold a place until its 3 s limit. */
    private static final String SLOW = "/sparql?timeout=3&query=" + URLEncoder.encode(
            "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }", StandardCharsets.UTF_8);
    private static final String ASK = "/sparql?query=" + URLEncoder.encode("ASK {}", StandardCharsets.UTF_8);

    private static TestFacade facade(UnaryOperator<FacadeConfig> tune) {
        return FacadeFixture.sample(Duration.ofSeconds(3), tune);
    }

    private static String voidTurtle(TestFacade web, String from, String... headers) throws Exception {
        String[] all = new String[headers.length + 1];
        System.arraycopy(headers, 0, all, 0, headers.length);
        all[headers.length] = "Accept: text/turtle";
        RawHttp.Answer answer = RawHttp.get(from, web.port(), "/.well-known/void", all);
        assertEquals(200, answer.status(), answer.head());
        return answer.body();
    }

    private static String feed(TestFacade web, String from, String... headers) throws Exception {
        RawHttp.Answer answer = RawHttp.get(from, web.port(), "/feed.atom", headers);
        assertEquals(200, answer.status(), answer.head());
        return answer.body();
    }

    @Test
    void aForgedHostHeaderNeverMakesALink() throws Exception {
        try (TestFacade web = facade(config -> config)) {
            String own = "http://127.0.0.1:" + web.port();
            String description = voidTurtle(web, "127.0.0.1", "Host: evil.example");
            assertFalse(description.contains("evil.example"), description);
            assertTrue(description.contains("<" + own + "/sparql>"), description);
            assertTrue(description.contains("<" + own + "/download/actiegraaf.ttl>"), description);
            String atom = feed(web, "127.0.0.1", "Host: evil.example:666");
            assertFalse(atom.contains("evil.example"), atom);
            assertTrue(atom.contains("href=\"" + own + "/feed.atom\""), atom);
            // forwarding headers from a peer nobody said to trust change nothing either
            String forwarded = voidTurtle(web, "127.0.0.1", "X-Forwarded-Host: evil.example", "X-Forwarded-Proto: https",
                    "Forwarded: host=evil.example;proto=https");
            assertFalse(forwarded.contains("evil.example"), forwarded);
            assertFalse(forwarded.contains("https://127.0.0.1"), forwarded);
        }
    }

    @Test
    void thePublicBaseMakesEveryLink() throws Exception {
        try (TestFacade web = facade(config -> config.withOrigin(URI.create("https://data.example.org/actiegraaf/"),
                TrustedProxies.parse("127.0.0.1")))) {
            // configured, it wins over a Host header and over a trusted proxy's forwarded host
            String description = voidTurtle(web, "127.0.0.1", "Host: evil.example", "X-Forwarded-Host: other.example");
            assertTrue(description.contains("<https://data.example.org/actiegraaf/sparql>"), description);
            assertTrue(description.contains("<https://data.example.org/actiegraaf/download/actiegraaf.trig>"), description);
            assertFalse(description.contains("127.0.0.1") || description.contains("example.com")
                    || description.contains("other.example") || description.contains("evil"), description);
            String atom = feed(web, "127.0.0.1");
            assertTrue(atom.contains("href=\"https://data.example.org/actiegraaf/feed.atom\""), atom);
        }
    }

    @Test
    void behindATrustedProxyTheForwardedProtoHostAndClientCountAndFromAnyOtherPeerTheyDoNot() throws Exception {
        // per address 1 place, of 8
        try (TestFacade web = facade(config -> config.withConcurrency(8, 1)
                .withOrigin(null, TrustedProxies.parse("127.0.0.1, 127.0.0.9/32")))) {
            String proxied = voidTurtle(web, "127.0.0.1", "X-Forwarded-Proto: https", "X-Forwarded-Host: pub.example");
            assertTrue(proxied.contains("<https://pub.example/sparql>"), proxied);
            String standard = voidTurtle(web, "127.0.0.1", "Forwarded: for=10.0.0.1;proto=https;host=std.example");
            assertTrue(standard.contains("<https://std.example/sparql>"), standard);
            String garbage = voidTurtle(web, "127.0.0.1", "X-Forwarded-Host: evil.example/path?x", "X-Forwarded-Proto: javascript");
            assertTrue(garbage.contains("<http://127.0.0.1:" + web.port() + "/sparql>"), "unusable values are ignored: " + garbage);
            String direct = voidTurtle(web, "127.0.0.7", "X-Forwarded-Proto: https", "X-Forwarded-Host: pub.example");
            assertFalse(direct.contains("pub.example"), "not from a trusted peer: " + direct);

            // The proxy (127.0.0.1) forwards client 10.0.0.1's slow query; that client holds its one place.
            CompletableFuture<RawHttp.Answer> slow = CompletableFuture.supplyAsync(() -> get(web, "127.0.0.1", SLOW,
                    "X-Forwarded-For: 10.0.0.1"));
            waitForPlaces(web, 1);
            // another client behind the same proxy is served
            assertEquals(200, get(web, "127.0.0.1", ASK, "X-Forwarded-For: 10.0.0.2").status());
            // the same client again is refused, also when it puts a forged address in front
            assertEquals(429, get(web, "127.0.0.1", ASK, "X-Forwarded-For: 10.0.0.1").status());
            assertEquals(429, get(web, "127.0.0.1", ASK, "X-Forwarded-For: 10.0.0.2, 10.0.0.1").status());
            assertEquals(429, get(web, "127.0.0.1", ASK, "Forwarded: for=10.0.0.2, for=10.0.0.1").status());
            // through a chain of trusted proxies the client is the right-most address that is not a proxy
            assertEquals(429, get(web, "127.0.0.1", ASK, "X-Forwarded-For: 10.0.0.1, 127.0.0.9").status());
            assertEquals(504, slow.get().status());

            // An untrusted peer's X-Forwarded-For is ignored: it is counted as itself, whatever it forges.
            CompletableFuture<RawHttp.Answer> direct1 = CompletableFuture.supplyAsync(() -> get(web, "127.0.0.8", SLOW,
                    "X-Forwarded-For: 10.0.0.5"));
            waitForPlaces(web, 1);
            RawHttp.Answer forged = get(web, "127.0.0.8", ASK, "X-Forwarded-For: 10.0.0.6", "Forwarded: for=10.0.0.6");
            assertEquals(429, forged.status(), forged.head());
            assertEquals("2", forged.header("Retry-After"));
            assertEquals(504, direct1.get().status());
        }
    }

    private static RawHttp.Answer get(TestFacade web, String from, String path, String... headers) {
        try {
            return RawHttp.get(from, web.port(), path, headers);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitForPlaces(TestFacade web, int places) throws InterruptedException {
        long start = System.nanoTime();
        while (web.facade().queryPlacesHeld() < places) {
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos(), "the slow query was not admitted");
            Thread.sleep(20);
        }
    }
}
