package nl.actiegraaf.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import nl.actiegraaf.testsupport.TestFacade;

/**
 * The editions over HTTP, through the whole facade over the real store, as {@code serve} runs it: the real
 * seed (June 2021), the made-up October 2021 edition of the POK series and a made-up second series,
 * converted and loaded as {@code load} does. The changes between editions, one action's history, the
 * editions with their counts, and the as-of view of every other query.
 */
class EditionsApiIT {
    private static final String ID = "https://w3id.org/actiegraaf/id/";
    private static final String AG = "https://w3id.org/actiegraaf/def#";
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final TestFacade server = Editions.three();

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

    /** "12 StatusGewijzigd Lopend Afgerond" per row. */
    private static List<String> changes(JsonNode rows) {
        List<String> out = new ArrayList<>();
        rows.forEach(row -> out.add((row.path("nummer").asText() + " " + row.path("soort").asText() + " "
                + row.path("oudeWaarde").asText("") + " " + row.path("nieuweWaarde").asText("")).replace(AG, "").strip()));
        return out;
    }

    @Test
    void changesBetweenTheLastTwoEditionsByDefault() {
        JsonNode rows = json("/api/queries/wijzigingen?reeks=pok");
        List<String> changes = changes(rows);
        assertTrue(changes.contains("12 StatusGewijzigd Lopend Afgerond"), changes.toString());
        assertTrue(changes.contains("24 DeadlineVerschoven 2021-09-30 2022-03-31"), changes.toString());
        assertTrue(changes.contains("87 NieuweActie  Lopend") && changes.contains("88 NieuweActie  Lopend"), changes.toString());
        assertEquals(List.of("4", "9"), rows.findParents("soort").stream()
                .filter(r -> r.path("soort").asText().equals(AG + "NietMeerGerapporteerd")).map(r -> r.path("nummer").asText()).toList());
        JsonNode twelve = rows.findParents("soort").stream().filter(r -> r.path("soort").asText().endsWith("StatusGewijzigd"))
                .findFirst().orElseThrow();
        assertEquals(ID + "actie/pok/12", twelve.path("actie").asText());
        assertEquals(ID + "rapport/stand-van-zaken-pok-2021", twelve.path("vanRapport").asText());
        assertEquals(ID + "rapport/stand-van-zaken-pok-2021-10", twelve.path("naarRapport").asText());
        assertEquals("2021-10-15", twelve.path("naarDatum").asText());
        assertEquals("Status gewijzigd", twelve.path("soortLabel").asText());
        // Every series: only POK has two editions, so the same changes.
        assertEquals(changes, changes(json("/api/queries/wijzigingen")));
        // As CSV too.
        assertTrue(server.get("/api/queries/wijzigingen.csv?reeks=pok").body().startsWith("wijziging,reeks,vanRapport"));
    }

    @Test
    void changesFilteredByKindThemeOrganisationAndEditions() {
        assertEquals(List.of("12"), column(json("/api/queries/wijzigingen?soort=StatusGewijzigd"), "nummer"));
        assertEquals(List.of("24", "64", "70", "70"), column(json("/api/queries/wijzigingen?soort=DeadlineVerschoven"), "nummer"));
        List<String> restored = column(json("/api/queries/wijzigingen?thema=pok/hersteloperatie"), "nummer");
        assertTrue(restored.contains("12") && !restored.contains("24"), restored.toString());
        assertEquals(List.of("64"), column(json("/api/queries/wijzigingen?organisatie=bzk"), "nummer"));
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
        assertEquals(List.of(AG + "Lopend", AG + "Afgerond"), column(twelve, "status"));
        assertEquals(List.of("true", "true"), column(twelve, "gerapporteerd"));
        assertEquals(List.of("2021-09-30", "2022-03-31"), column(json("/api/queries/geschiedenis?actie=pok/24"), "deadlines"));
        // A new action and a dropped one: the editions that do not report them say so.
        assertEquals(List.of("false", "true"), column(json("/api/queries/geschiedenis?actie=pok/87"), "gerapporteerd"));
        assertEquals(List.of("true", "false"), column(json("/api/queries/geschiedenis?actie=pok/4"), "gerapporteerd"));
        assertEquals(400, server.get("/api/queries/geschiedenis").statusCode());
    }

    @Test
    void editionsWithCountsPerStatus() {
        JsonNode rows = json("/api/queries/edities");
        assertEquals(List.of(ID + "rapport/stand-van-zaken-pok-2021", ID + "rapport/stand-van-zaken-pok-2021-10",
                ID + "rapport/voortgang-herstel" + "reeks-2021"), column(rows, "rapport"));
        JsonNode june = rows.get(0);
        assertEquals(86, june.path("acties").asInt());
        // The seed's figures (README): 73 Lopend, 9 Afgerond, 3 NietGestart, 1 Onbekend.
        assertEquals(List.of(9, 73, 3, 1), List.of(june.path("afgerond").asInt(), june.path("lopend").asInt(),
                june.path("nietGestart").asInt(), june.path("onbekend").asInt()));
        assertEquals(0, june.path("wijzigingen").asInt());
        JsonNode october = rows.get(1);
        assertEquals(86, october.path("acties").asInt());
        assertEquals(10, october.path("afgerond").asInt());
        assertEquals(10, october.path("wijzigingen").asInt());
        assertEquals(List.of(ID + "reeks/" + Editions.OTHER),
                column(json("/api/queries/edities?reeks=" + Editions.OTHER), "reeks"));
    }

    @Test
    void everyQueryAnswersAsOfADateOrAnEdition() {
        String finished = "/api/queries/acties-per-thema?status=Afgerond";
        List<String> now = column(json(finished), "actie");
        assertTrue(now.contains(ID + "actie/pok/12"), now.toString());
        // As of a day between the editions: June's state, 12 not finished yet; the other series (1 September) not out yet.
        List<String> july = column(json(finished + "&peildatum=2021-07-01"), "actie");
        assertEquals(9, july.size(), july.toString());
        assertTrue(!july.contains(ID + "actie/pok/12") && july.stream().allMatch(a -> a.startsWith(ID + "actie/pok/")));
        assertEquals(july, column(json(finished + "&editie=stand-van-zaken-pok-2021"), "actie"));
        assertEquals(now, column(json(finished + "&peildatum=2021-10-15"), "actie"));
        // Before any edition nothing was reported; new actions appear with their edition.
        assertEquals(0, json("/api/queries/acties-per-thema?peildatum=2021-01-01").size());
        List<String> allJune = column(json("/api/queries/acties-per-thema?peildatum=2021-07-01&limit=1000"), "nummer");
        assertTrue(allJune.contains("4") && !allJune.contains("87"), allJune.toString());
        // Action 24's deadline as June said it (30 September 2021), and as now (31 March 2022).
        String deadlines24 = "/api/queries/deadlines?van=2021-09-01&tot=2022-12-31&limit=1000";
        assertTrue(json(deadlines24 + "&editie=stand-van-zaken-pok-2021").findParents("nummer").stream()
                .anyMatch(r -> r.path("nummer").asInt() == 24 && r.path("datum").asText().equals("2021-09-30")));
        assertTrue(json(deadlines24).findParents("nummer").stream()
                .anyMatch(r -> r.path("nummer").asInt() == 24 && r.path("datum").asText().equals("2022-03-31")));
        // peildatum keeps its old meaning on deadlines: the reference date of verlopen, the same as verlopenOp.
        assertEquals(column(json("/api/queries/deadlines?verlopenOp=2022-01-01&limit=1000"), "isVerlopen"),
                column(json("/api/queries/deadlines?peildatum=2022-01-01&limit=1000"), "isVerlopen"));
        // Graph output as of June: no node of the October edition's new actions.
        String network = server.get("/api/queries/netwerk?editie=stand-van-zaken-pok-2021").body();
        assertTrue(network.contains(ID + "actie/pok/12") && !network.contains(ID + "actie/pok/87"));
        assertTrue(server.get("/api/queries/netwerk").body().contains(ID + "actie/pok/87"));
    }

    @Test
    void asOfParametersAreCheckedAndDocumented() {
        HttpResponse<String> both = server.get("/api/queries/moties?peildatum=2021-07-01&editie=stand-van-zaken-pok-2021");
        assertEquals(400, both.statusCode());
        HttpResponse<String> unknown = server.get("/api/queries/moties?editie=nergens");
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("\"parameter\":\"editie\""), unknown.body());
        assertEquals(400, server.get("/api/queries/moties?peildatum=2021-02-30").statusCode());
        assertEquals(400, server.get("/api/queries/wijzigingen?peildatum=2021-07-01").statusCode(), "no as-of on the edition queries");
        String openApi = server.get("/openapi.json").body();
        assertTrue(openApi.contains("/api/queries/wijzigingen") && openApi.contains("/api/queries/geschiedenis")
                && openApi.contains("/api/queries/edities") && openApi.contains("/feed.atom"), "described");
        JsonNode moties = null;
        for (JsonNode q : json("/api/queries")) {
            if (q.path("name").asText().equals("moties")) {
                moties = q;
            }
        }
        assertTrue(column(moties.path("parameters"), "name").containsAll(List.of("motie", "peildatum", "editie")));
    }
}
