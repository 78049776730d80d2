package nl.actiegraaf.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import nl.actiegraaf.testsupport.TestFacade;

/**
 * Issue 15's silent wrong answers of the curated queries, over HTTP against the converted seed:
 * {@code pandas.read_csv('/api/queries/organisaties.csv')} reads every row (not the first page), {@code limit=all},
 * a cap that is visible when hit (a small one configured here), and a mistyped IRI value that is a 400 naming
 * the parameter and the closest known values instead of an empty answer.
 */
class WholeAnswersIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SMALL_CAP = 50;

    /** The whole facade, as {@code serve} runs it, with the default caps. */
    @RegisterExtension
    static final TestFacade facade = TestFacade.with(RealSeedQueriesIT::loadSeed).queries(Path.of("queries"));

    /** The query API alone with a small answer cap, so that a cut is quick to make. */
    @RegisterExtension
    static final TestFacade capped = TestFacade.with(RealSeedQueriesIT::loadSeed).queries(Path.of("queries"))
            .apiOnly(QueryApi.Settings.defaults().withAnswerCap(SMALL_CAP), api -> { });

    @Test
    void aPlainCsvRequestReadsEveryRow() throws Exception {
        String query = Files.readString(Path.of("queries/organisaties.rq"));
        HttpResponse<String> direct = facade.post("/sparql", "application/sparql-query", query, "text/csv");
        assertEquals(200, direct.statusCode(), direct.body());
        long expected = csvRows(direct.body());
        assertTrue(expected > 100, "the seed has more organisation rows than the old page of 100: " + expected);

        HttpResponse<String> csv = facade.get("/api/queries/organisaties.csv");
        assertEquals(200, csv.statusCode(), csv.body());
        assertEquals(expected, csvRows(csv.body()), "every row, as pandas.read_csv would read them");
        assertFalse(csv.headers().firstValue("Link").isPresent(), "nothing behind a Link header");

        JsonNode json = JSON.readTree(facade.get("/api/queries/organisaties").body());
        assertTrue(json.isArray(), "a complete answer stays a plain array");
        assertEquals(expected, json.size());
        JsonNode all = JSON.readTree(facade.get("/api/queries/organisaties?limit=all").body());
        assertEquals(expected, all.size());
        assertEquals(expected, csvRows(facade.get("/api/queries/organisaties.csv?limit=all").body()));

        // Paging as before: a page the client asked for, with its Link header.
        HttpResponse<String> page = facade.get("/api/queries/organisaties?limit=100");
        assertEquals(100, JSON.readTree(page.body()).size());
        assertTrue(page.headers().firstValue("Link").orElse("").contains("offset=100>; rel=\"next\""));
        HttpResponse<String> bad = facade.get("/api/queries/organisaties?limit=alles");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("'all'"), bad.body());
    }

    @Test
    void aCutJsonAnswerSaysSoInItsBody() throws Exception {
        long total = csvRows(capped.get("/api/queries/organisaties.csv?limit=all").body());
        assertTrue(total > SMALL_CAP, "the test needs more rows than the cap: " + total);
        HttpResponse<String> cut = capped.get("/api/queries/organisaties");
        assertEquals(200, cut.statusCode(), cut.body());
        JsonNode body = JSON.readTree(cut.body());
        assertTrue(body.isObject(), "a cut answer is not a plain array: " + cut.body().substring(0, 80));
        assertEquals(SMALL_CAP, body.get("rows").size());
        assertEquals(SMALL_CAP, body.get("truncated").get("cap").asInt());
        assertEquals("/api/queries/organisaties?limit=all", body.get("truncated").get("all").asText());
        String next = body.get("truncated").get("next").asText();
        assertEquals("/api/queries/organisaties?limit=50&offset=50", next);
        // The rows of the cut answer and the next page are the first rows of the whole answer.
        JsonNode all = JSON.readTree(capped.get(body.get("truncated").get("all").asText()).body());
        assertTrue(all.isArray());
        assertEquals(total, all.size());
        assertEquals(all.get(0), body.get("rows").get(0));
        assertEquals(all.get(SMALL_CAP), JSON.readTree(capped.get(next).body()).get(0));
        // With parameters: the links keep them.
        JsonNode filtered = JSON.readTree(capped.get("/api/queries/organisaties?rol=betrokkene").body());
        if (filtered.isObject()) {
            assertTrue(filtered.get("truncated").get("all").asText().contains("rol=betrokkene"));
        }
    }

    @Test
    void aCutCsvAnswerIsRefusedWithTheWayToEveryRow() throws Exception {
        HttpResponse<String> refused = capped.get("/api/queries/organisaties.csv");
        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("more than " + SMALL_CAP + " rows") && refused.body().contains("limit=all"),
                refused.body());
        HttpResponse<String> byAccept = capped.get("/api/queries/organisaties", "Accept", "text/csv");
        assertEquals(422, byAccept.statusCode(), "the same by Accept");
        assertTrue(csvRows(capped.get("/api/queries/organisaties.csv?limit=all").body()) > SMALL_CAP);
        HttpResponse<String> page = capped.get("/api/queries/organisaties.csv?limit=10&offset=10");
        assertEquals(200, page.statusCode(), "a page the client asked for is served");
        assertEquals(10, csvRows(page.body()));
    }

    @Test
    void aMistypedResourceIsA400WithTheClosestKnownValues() throws Exception {
        JsonNode error = refusal("/api/queries/organisaties?organisatie=BZK");
        assertEquals("organisatie", error.get("parameter").asText());
        assertTrue(error.path("detail").asText().contains("closest known: bzk"), error.toString());
        JsonNode thema = refusal("/api/queries/acties-per-thema?thema=hersteloperatiee");
        assertEquals("thema", thema.get("parameter").asText());
        assertTrue(thema.path("detail").asText().contains("closest known: hersteloperatie"), thema.toString());
        JsonNode motie = refusal("/api/queries/moties?motie=35510-211");
        assertTrue(motie.path("detail").asText().contains("35510-21"), motie.toString());
        JsonNode full = refusal("/api/queries/organisaties?organisatie="
                + URLEncoder.encode("https://w3id.org/actiegraaf/id/organisatie/szww", StandardCharsets.UTF_8));
        assertTrue(full.path("detail").asText().contains("szw"), "a full IRI under the base is checked too: " + full);
        // Known values still answer, with rows.
        JsonNode rows = JSON.readTree(facade.get("/api/queries/organisaties?organisatie=bzk").body());
        assertTrue(rows.isArray() && rows.size() > 0, rows.toString());
        assertTrue(JSON.readTree(facade.get("/api/queries/acties-per-thema?thema=hersteloperatie").body()).size() > 0);
    }

    /** The known values are read in the background once per data version: until then values pass unchecked. */
    private static JsonNode refusal(String path) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        HttpResponse<String> response;
        do {
            response = facade.get(path);
            if (response.statusCode() == 400) {
                return JSON.readTree(response.body()); // an RFC 9457 problem: detail and parameter
            }
            Thread.sleep(200);
        } while (System.nanoTime() < end);
        throw new AssertionError(path + " -> " + response.statusCode() + " " + response.body());
    }

    private static long csvRows(String csv) throws Exception {
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            return parser.stream().count();
        }
    }

}
