package nl.actiegraaf.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nl.actiegraaf.testsupport.TestFacade;
import java.util.function.Supplier;
import nl.actiegraaf.querylimits.QueryBudget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 18's table, one test per row: queries that do their work before the first row or inside one
 * expression end by their time limit (and their thread stops working: no CPU after the answer), stay
 * within the memory budget, or are refused before they run with a status that says why; meanwhile
 * another client is answered. Real store (Fuseki over TDB2), real facade, real HTTP on 127.0.0.1.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class QueryShapesIT {
    private static final String CHEAP = "ASK { ?s ?p ?o }";
    private static TestFacade web;

    @BeforeAll
    static void start() {
        web = FacadeFixture.sample(Duration.ofSeconds(3), c -> c.withConcurrency(8, 2));
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    /**
     * Each test starts with every query place free: a place the last test's query still held (its answer was
     * out, its execution still ending on a loaded machine) counted against the two per address, and the
     * next test's "other client" got a 429. A place held 10 s after a test is a leak, and fails here.
     */
    @BeforeEach
    void everyPlaceIsFree() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (web.facade().queryPlacesHeld() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(0, web.facade().queryPlacesHeld(), "query places still held from the test before");
    }

    // ---- time: work before the first row or inside one expression ends at the limit ------------

    @Test
    void catastrophicRegexEndsAtTheLimit() throws Exception {
        String a = "a".repeat(34);
        endsAtTheLimit("SELECT * { FILTER(REGEX(\"" + a + "!\", \"^(a|a){1,40}$\")) }");
        endsAtTheLimit("PREFIX fn: <http://www.w3.org/2005/xpath-functions#> SELECT * { FILTER(fn:matches(\"" + a + "!\", \"^(a|a){1,40}$\")) }");
        endsAtTheLimit("SELECT (REPLACE(\"" + a + "!\", \"^(a|a){1,40}$\", \"x\") AS ?r) {}");
    }

    @Test
    void minusOverAProductEndsAtTheLimit() throws Exception {
        endsAtTheLimit("SELECT * { ?s ?p ?o MINUS { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l FILTER(?a = ?s) } }");
    }

    @Test
    void aggregatingSubSelectOverAProductEndsAtTheClientsLimit() throws Exception {
        endsAtTheLimit("SELECT * { ?s ?p ?o { SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l } } }");
    }

    @Test
    void constructOfManyBlankNodesEndsAtTheLimitWritingIncluded() throws Exception {
        StringBuilder template = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            template.append("_:b").append(i).append(" <urn:p> ?o . ");
        }
        String query = "CONSTRUCT { " + template + "} WHERE { ?s ?p ?o . ?a ?b ?c . ?d ?e ?f }";
        long start = System.nanoTime();
        int status;
        try {
            status = web.client.send(HttpRequest.newBuilder(web.uri(q(query) + "&timeout=2"))
                    .header("Accept", "text/turtle").timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException cut) {
            status = -1; // cut after the first bytes: the documented way a streamed answer ends at its limit
        }
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        // 422: the CONSTRUCT graph passed its triple cap first (over the one store link it is built faster
        // than the 2 s limit); either way no whole answer, and the work stops.
        assertTrue(status == 504 || status == -1 || status == 422, "not a whole answer: " + status);
        assertTrue(millis < 8_000, "ended near its 2 s limit, took " + millis + " ms");
        assertWorkStopped();
    }

    // ---- refused before admission: shapes with no bound --------------------------------------

    @Test
    void hundredsOfChainedValuesBlocksAreRefusedWithAWayToRewrite() throws Exception {
        StringBuilder query = new StringBuilder("SELECT * {");
        for (int i = 0; i < 500; i++) {
            query.append(" VALUES ?v").append(i).append(" { 1 2 3 }");
        }
        HttpResponse<String> response = web.post("/sparql", "application/sparql-query", query.append(" }").toString(), null);
        assertEquals(422, response.statusCode(), response.body());
        assertTrue(response.body().contains("500 VALUES blocks") && response.body().contains("merge them"), response.body());
        assertEquals(200, web.accept(q(CHEAP), null).statusCode());
    }

    @Test
    void nestedRepeatedPathsAreRefusedAndOneLevelEndsAtTheLimit() throws Exception {
        for (String path : new String[] {"((!<urn:x>|^!<urn:x>)*)*", "(((!<urn:x>|^!<urn:x>)*)+)*", "(<urn:a>+/<urn:b>)*"}) {
            HttpResponse<String> response = web.accept(q("SELECT * { ?s " + path + " ?o }"), null);
            assertEquals(422, response.statusCode(), path + ": " + response.body());
            assertTrue(response.body().contains("repeats a property path"), response.body());
        }
        HttpResponse<String> oneLevel = web.accept(q("SELECT (COUNT(*) AS ?n) { ?s (!<urn:x>|^!<urn:x>)* ?o }") + "&timeout=2", null);
        assertTrue(oneLevel.statusCode() == 200 || oneLevel.statusCode() == 504, oneLevel.body());
    }

    @Test
    void deeplyNestedGroupsAre400NamingTheProblem() throws Exception {
        for (int depth : new int[] {1_200, 3_000}) {
            String groups = "SELECT * " + "{ ".repeat(depth) + "}".repeat(depth);
            HttpResponse<String> response = web.post("/sparql", "application/sparql-query", groups, null);
            assertEquals(400, response.statusCode(), response.body());
            assertTrue(response.body().contains("nests") && response.body().contains(depth + " deep"), response.body());
            String parentheses = "SELECT * { FILTER(" + "(".repeat(depth) + "1" + ")".repeat(depth) + ") }";
            assertEquals(400, web.post("/sparql", "application/sparql-query", parentheses, null).statusCode());
        }
        // deep but within bounds still runs
        assertEquals(200, web.accept(q("SELECT * " + "{ ".repeat(40) + "}".repeat(40)), null).statusCode());
    }

    @Test
    void arqJsonQueryFormIsRefused() throws Exception {
        HttpResponse<String> response = web.accept(q("JSON { \"s\": ?s } WHERE { ?s ?p ?o . ?a ?b ?c }"), null);
        assertEquals(422, response.statusCode(), response.body());
        assertTrue(response.body().contains("SELECT"), response.body());
    }

    // ---- sizes and memory: bounded values, a clear 4xx, the heap given back --------------------

    @Test
    void repeatedSquaringIsRefusedAtTheNumberBound() throws Exception {
        StringBuilder query = new StringBuilder("SELECT ?s { BIND(10 AS ?a0) ");
        for (int i = 1; i <= 20; i++) {
            query.append("BIND(?a").append(i - 1).append("*?a").append(i - 1).append(" AS ?a").append(i).append(") ");
        }
        query.append("BIND(STR(?a20) AS ?s) }");
        long start = System.nanoTime();
        HttpResponse<String> response = web.accept(q(query.toString()), null);
        assertEquals(422, response.statusCode(), response.body());
        assertTrue(response.body().contains("digits"), response.body());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 5_000);
        // within the bound, numbers still work
        HttpResponse<String> small = web.accept(q("SELECT (STR(12345678901234567890 * 98765432109876543210) AS ?x) {}"), "text/csv");
        assertEquals(200, small.statusCode());
        assertTrue(small.body().contains("1219326311370217952237463801111263526900"), small.body());
    }

    @Test
    void castsOfHugeDigitStringsEndWithinTheLimit() throws Exception {
        // A text of 1 Mi digits, made inside the query (the query text itself is capped at 64 KiB).
        StringBuilder digits = new StringBuilder("PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> SELECT ?x { BIND(\""
                + "9".repeat(1024) + "\" AS ?k0) ");
        for (int i = 1; i <= 10; i++) {
            digits.append("BIND(CONCAT(?k").append(i - 1).append(", ?k").append(i - 1).append(") AS ?k").append(i).append(") ");
        }
        assertEquals(200, web.accept(q(CHEAP), null).statusCode()); // a first request pays for the server's warm-up
        for (String cast : List.of("xsd:integer(?k10)", "xsd:decimal(?k10)", "xsd:double(?k10)", "xsd:long(?k10)",
                "xsd:decimal(CONCAT(\"0.\", ?k9))", "STRDT(?k10, xsd:integer) + 0", "xsd:integer(?k10) * 2 + 1")) {
            String query = digits + "BIND(STR(" + cast + ") AS ?x) }";
            long start = System.nanoTime();
            CompletableFuture<HttpResponse<String>> hostile = web.client.sendAsync(
                    HttpRequest.newBuilder(web.uri("/sparql?timeout=2")).timeout(Duration.ofSeconds(40))
                            .header("Content-Type", "application/sparql-query")
                            .POST(HttpRequest.BodyPublishers.ofString(query)).build(),
                    HttpResponse.BodyHandlers.ofString());
            long otherStart = System.nanoTime();
            HttpResponse<String> other = web.accept(q(CHEAP), null);
            long otherMillis = Duration.ofNanos(System.nanoTime() - otherStart).toMillis();
            assertEquals(200, other.statusCode(), other.body());
            HttpResponse<String> response = hostile.get(40, TimeUnit.SECONDS);
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertEquals(422, response.statusCode(), cast + ": " + response.body());
            assertTrue(response.body().contains("characters") && response.body().contains("a value may have"),
                    cast + ": " + response.body());
            assertTrue(millis < 2_000 + 1_000, cast + " ended within its 2 s limit, took " + millis + " ms");
            assertTrue(otherMillis < 2_000, "another client answered meanwhile, in " + otherMillis + " ms");
            assertWorkStopped();
        }
        // Within the bound, casts still work: 5 000 digits, and the ordinary cases.
        HttpResponse<String> fine = web.accept(q("PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> SELECT (STRLEN(STR(xsd:integer(\""
                + "7".repeat(5000) + "\") + 1)) AS ?n) (xsd:integer(\"42\") AS ?i) (xsd:double(\"1.5e3\") AS ?d) {}"), "text/csv");
        assertEquals(200, fine.statusCode(), fine.body());
        assertTrue(fine.body().toLowerCase(java.util.Locale.ROOT).contains("5000,42,1.5e3"), fine.body());
    }

    @Test
    void concatOfManyLongCopiesAndGroupConcatOverAProductAreRefusedAndTheHeapComesBack() throws Exception {
        long heapBefore = usedHeapAfterGc();
        StringBuilder doubling = new StringBuilder("SELECT (STRLEN(?big) AS ?n) { BIND(\"" + "x".repeat(1024) + "\" AS ?k0) ");
        for (int i = 1; i <= 10; i++) {
            doubling.append("BIND(CONCAT(?k").append(i - 1).append(", ?k").append(i - 1).append(") AS ?k").append(i).append(") ");
        }
        HttpResponse<String> oneMebi = web.accept(q(doubling + "BIND(?k10 AS ?big) }"), "text/csv");
        assertEquals(200, oneMebi.statusCode(), oneMebi.body());
        assertTrue(oneMebi.body().contains("1048576"), "1 Mi characters is still a value: " + oneMebi.body());

        String thousandCopies = doubling + "BIND(CONCAT(" + String.join(", ", java.util.Collections.nCopies(1000, "?k10")) + ") AS ?big) }";
        HttpResponse<String> concat = web.post("/sparql", "application/sparql-query", thousandCopies, "text/csv");
        assertEquals(422, concat.statusCode(), concat.body());
        assertTrue(concat.body().contains("CONCAT would make a string of more than"), concat.body());

        HttpResponse<String> groupConcat = web.accept(q("SELECT (GROUP_CONCAT(CONCAT(STR(?o), STR(?c), \"" + "x".repeat(500) + "\")) AS ?all) { ?s ?p ?o . ?a ?b ?c }"), "text/csv");
        assertEquals(422, groupConcat.statusCode(), groupConcat.body());
        assertTrue(groupConcat.body().contains("GROUP_CONCAT"), groupConcat.body());

        assertEquals(0, QueryBudget.overallInUse(), "every query gave its share of the memory budget back");
        long heapAfter = usedHeapAfterGc();
        assertTrue(heapAfter < heapBefore + (64L << 20), "heap back to its level: " + (heapBefore >> 20) + " MiB before, "
                + (heapAfter >> 20) + " MiB after");
        assertEquals(200, web.accept(q(CHEAP), null).statusCode());
    }

    // ---- helpers -------------------------------------------------------------------------------

    /**
     * {@code query} with {@code timeout=2} ends with 504 within a few seconds while another client's cheap
     * query is answered in the meantime, and afterwards no server thread keeps working on it.
     */
    private static void endsAtTheLimit(String query) throws Exception {
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<String>> hostile = web.client.sendAsync(
                HttpRequest.newBuilder(web.uri(q(query) + "&timeout=2")).timeout(Duration.ofSeconds(40)).build(),
                HttpResponse.BodyHandlers.ofString());
        Thread.sleep(300); // the hostile query is running by then
        HttpResponse<String> other = web.accept(q(CHEAP), null);
        boolean otherFirst = !hostile.isDone();
        assertEquals(200, other.statusCode(), other.body());
        HttpResponse<String> response = hostile.get(40, TimeUnit.SECONDS);
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertEquals(504, response.statusCode(), query + ": " + response.body());
        assertTrue(millis < 6_000, "ended near its 2 s limit, took " + millis + " ms: " + query);
        assertTrue(otherFirst, "the other client was answered while the hostile query ran");
        assertWorkStopped();
    }

    /** No thread of the server burns CPU once the answer is out: the work ended, not only the answer. */
    private static void assertWorkStopped() throws InterruptedException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Supplier<Long> serverCpu = () -> {
            long total = 0;
            for (long id : threads.getAllThreadIds()) {
                java.lang.management.ThreadInfo info = threads.getThreadInfo(id);
                if (info != null && (info.getThreadName().contains("Jetty") || info.getThreadName().startsWith("qtp"))) {
                    total += Math.max(0, threads.getThreadCpuTime(id));
                }
            }
            return total;
        };
        Thread.sleep(200); // the answer is sent just before the request's thread returns
        long before = serverCpu.get();
        Thread.sleep(1_000);
        long burnt = TimeUnit.NANOSECONDS.toMillis(serverCpu.get() - before);
        assertTrue(burnt < 300, "server threads used " + burnt + " ms of CPU in the second after the answer");
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static String q(String query) {
        return "/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

}
