package nl.actiegraaf.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The editions over HTTP, through the whole facade over a real store: the changes between editions,
 * one action's history, the editions with their counts, and the as-of view of every other query.
 * Data: two made-up editions of the POK series and one of a made-up other series
 * ({@code src/test/resources/editions/}).
 */
class EditionsApiIT {
    static final String DATA = "/editions/twee-edities.trig";
    private static final String ID = "https://w3id.org/actiegraaf/id/";
    private static final ObjectMapper JSON = new ObjectMapper();
    static ApiTestServer server;

    @BeforeAll
    static void start() {
        server = ApiTestServer.startFacadeWith(Path.of("queries"), load(DATA), Duration.ofSeconds(10), true);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static Consumer<DatasetGraph> load(String resource) {
        return dataset -> {
            try (InputStream in = EditionsApiIT.class.getResourceAsStream(resource)) {
                RDFParser.source(in).lang(Lang.TRIG).parse(dataset);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private static JsonNode json(String pathAndQuery) {
        HttpResponse<String> response = server.get(pathAndQuery);
        assertEquals(200, response.statusCode(), pathAndQuery + ": " + response.body());
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> column(JsonNode rows, String name) {
        List<String> values = new ArrayList<>();
        rows.forEach(row -> values.add(row.path(name).asText()));
        return values;
    }

    @Test
    void changesBetweenTheLastTwoEditionsByDefault() {
        JsonNode rows = json("/api/queries/wijzigingen?reeks=pok");
        List<String> kinds = new ArrayList<>();
        rows.forEach(row -> kinds.add(row.path("nummer").asText() + " " + row.path("soort").asText().replace(
                "https://w3id.org/actiegraaf/def#", "")));
        assertEquals(List.of("12 StatusGewijzigd", "40 NietMeerGerapporteerd", "81 DeadlineVerschoven",
                "81 OmschrijvingGewijzigd", "90 NieuweActie"), kinds);
        JsonNode twelve = rows.get(0);
        assertEquals(ID + "actie/pok/12", twelve.path("actie").asText());
        assertEquals("https://w3id.org/actiegraaf/def#Lopend", twelve.path("oudeWaarde").asText());
        assertEquals("https://w3id.org/actiegraaf/def#Afgerond", twelve.path("nieuweWaarde").asText());
        assertEquals(ID + "rapport/stand-van-zaken-pok-2021", twelve.path("vanRapport").asText());
        assertEquals("2021-10-15", twelve.path("naarDatum").asText());
        JsonNode moved = rows.get(2);
        assertEquals("2021-02-28", moved.path("oudeWaarde").asText());
        assertEquals("2021-12-31", moved.path("nieuweWaarde").asText());
    }

    @Test
    void changesFilteredByKindThemeAndOrganisation() {
        assertEquals(List.of("12"), column(json("/api/queries/wijzigingen?soort=StatusGewijzigd"), "nummer"));
        assertEquals(List.of("40", "90"), column(json("/api/queries/wijzigingen?thema=pok/herstel"), "nummer"));
        assertEquals(List.of("12", "81", "81"), column(json("/api/queries/wijzigingen?organisatie=bzk"), "nummer"));
        assertEquals(List.of("12"), column(json("/api/queries/wijzigingen?van=stand-van-zaken-pok-2021"
                + "&naar=stand-van-zaken-pok-2021-10&soort=StatusGewijzigd"), "nummer"));
        // Nothing changed into the first edition of a series.
        assertEquals(0, json("/api/queries/wijzigingen?naar=stand-van-zaken-pok-2021").size());
        HttpResponse<String> bad = server.get("/api/queries/wijzigingen?soort=Verdwenen");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("\"parameter\":\"soort\""), bad.body());
    }

    @Test
    void historyOfOneActionOverEveryEdition() {
        JsonNode twelve = json("/api/queries/geschiedenis?actie=pok/12");
        assertEquals(List.of("2021-06-25", "2021-10-15"), column(twelve, "datum"));
        assertEquals(List.of("https://w3id.org/actiegraaf/def#Lopend", "https://w3id.org/actiegraaf/def#Afgerond"),
                column(twelve, "status"));
        assertEquals(List.of("true", "true"), column(twelve, "gerapporteerd"));
        JsonNode forty = json("/api/queries/geschiedenis?actie=pok/40");
        assertEquals(List.of("true", "false"), column(forty, "gerapporteerd"));
        assertEquals(List.of("2021-02-28", "2021-12-31"), column(json("/api/queries/geschiedenis?actie=pok/81"), "deadlines"));
        assertEquals(400, server.get("/api/queries/geschiedenis").statusCode());
    }

    @Test
    void editionsWithCountsPerStatus() {
        JsonNode rows = json("/api/queries/edities");
        assertEquals(List.of(ID + "rapport/herstel-2021", ID + "rapport/stand-van-zaken-pok-2021",
                ID + "rapport/stand-van-zaken-pok-2021-10"), column(rows, "rapport"));
        JsonNode october = rows.get(2);
        assertEquals(4, october.path("acties").asInt());
        assertEquals(1, october.path("afgerond").asInt());
        assertEquals(2, october.path("lopend").asInt());
        assertEquals(1, october.path("nietGestart").asInt());
        assertEquals(5, october.path("wijzigingen").asInt());
        assertEquals(0, rows.get(1).path("afgerond").asInt());
        assertEquals(List.of(ID + "reeks/herstel"), column(json("/api/queries/edities?reeks=herstel"), "reeks"));
    }

    @Test
    void everyQueryAnswersAsOfADateOrAnEdition() {
        String status = "/api/queries/acties-per-thema";
        // Now: the October edition's statuses; action 40 (dropped) as its last edition said.
        assertEquals(5, json(status + "?thema=pok/herstel").size() + json(status + "?thema=pok/informatie").size());
        assertEquals(List.of("12"), column(json(status + "?status=Afgerond"), "nummer"));
        // As of a day between the editions: June's state, no action 90 yet, 12 not finished.
        assertEquals(0, json(status + "?status=Afgerond&peildatum=2021-07-01").size());
        assertEquals(List.of("12"), column(json(status + "?status=Afgerond&peildatum=2021-10-15"), "nummer"));
        assertEquals(0, json(status + "?status=Afgerond&editie=stand-van-zaken-pok-2021").size());
        assertEquals(List.of("3", "40"), column(json(status + "?thema=pok/herstel&peildatum=2021-07-01"), "nummer"));
        // Before any edition: nothing was reported yet.
        assertEquals(0, json(status + "?peildatum=2021-01-01").size());
        // The motions an action carried out as of June: 35510-99 is October's.
        assertEquals(0, json("/api/queries/moties?motie=35510-99&peildatum=2021-07-01").size());
        assertEquals(1, json("/api/queries/moties?motie=35510-99").size());
        // Deadlines as of June: 81's was 28 February, overdue on 1 July as June said.
        JsonNode june = json("/api/queries/deadlines?editie=stand-van-zaken-pok-2021&verlopenOp=2021-07-01&verlopen=true");
        assertEquals(List.of("2021-02-28"), column(june, "datum"));
        // Now (October's deadlines): 81's moved to 31 December, so nothing was overdue on 1 July.
        assertEquals(0, json("/api/queries/deadlines?verlopenOp=2021-07-01&verlopen=true").size());
        // peildatum keeps its old meaning on deadlines: the reference date of verlopen.
        assertEquals(column(json("/api/queries/deadlines?verlopenOp=2022-01-01"), "isVerlopen"),
                column(json("/api/queries/deadlines?peildatum=2022-01-01"), "isVerlopen"));
        // Full-text search in the as-of view: October's new text is not found as of June.
        JsonNode now = json("/api/queries/zoeken?q=ombudsfunctie");
        assertTrue(now.size() >= 1 && column(now, "actie").stream().allMatch((ID + "actie/pok/90")::equals), now.toString());
        assertEquals(0, json("/api/queries/zoeken?q=ombudsfunctie&peildatum=2021-07-01").size());
    }

    @Test
    void asOfParametersAreCheckedAndDocumented() {
        HttpResponse<String> both = server.get("/api/queries/moties?peildatum=2021-07-01&editie=stand-van-zaken-pok-2021");
        assertEquals(400, both.statusCode());
        HttpResponse<String> unknown = server.get("/api/queries/moties?editie=nergens");
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("\"parameter\":\"editie\""), unknown.body());
        assertEquals(400, server.get("/api/queries/moties?peildatum=2021-02-30").statusCode());
        String openApi = server.get("/openapi.json").body();
        assertTrue(openApi.contains("/api/queries/wijzigingen") && openApi.contains("/api/queries/geschiedenis")
                && openApi.contains("/api/queries/edities"), "the new queries are described");
        JsonNode moties = null;
        for (JsonNode q : json("/api/queries")) {
            if (q.path("name").asText().equals("moties")) {
                moties = q;
            }
        }
        assertTrue(column(moties.path("parameters"), "name").containsAll(List.of("motie", "peildatum", "editie")));
    }
}
