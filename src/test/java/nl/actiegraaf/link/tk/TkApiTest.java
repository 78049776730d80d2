package nl.actiegraaf.link.tk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The requests: one per dossier and 20 numbers, the filter and expansion as the API reads them. */
class TkApiTest {
    private static final URI BASE = TkApi.base("https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0");

    @Test
    void onePerDossierAndTwentyNumbersWithEverythingExpanded() {
        List<KamerstukRef> papers = new ArrayList<>();
        IntStream.rangeClosed(1, 22).forEach(n -> papers.add(new KamerstukRef("x" + n, "35510", n, true)));
        papers.add(new KamerstukRef("y", "29362", 290, false));
        List<URI> requests = TkApi.documentRequests(BASE, papers);
        assertEquals(3, requests.size());
        String first = URLDecoder.decode(requests.get(0).toString(), StandardCharsets.UTF_8);
        assertTrue(first.startsWith("https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/Document?$filter=Verwijderd eq false"
                + " and Kamerstukdossier/any(d: d/Nummer eq 29362) and (Volgnummer eq 290)&$expand="), first);
        String second = URLDecoder.decode(requests.get(1).getRawQuery(), StandardCharsets.UTF_8);
        assertTrue(second.contains("(Volgnummer eq 1 or Volgnummer eq 2 or"), second);
        assertTrue(second.contains("Volgnummer eq 20)"), second);
        assertFalse(second.contains("Volgnummer eq 21"), second);
        assertTrue(second.contains("Zaak($expand=ZaakActor($expand=Persoon,Fractie),Besluit($expand=Stemming($expand=Persoon,Fractie),"
                + "Agendapunt($expand=Activiteit)))"), second);
        assertFalse(requests.get(1).getRawQuery().contains(" "), "no raw spaces in a URL");
        assertFalse(requests.get(1).getRawQuery().contains("+"), "a space is %20, not +");
        assertEquals("dossier 35510", TkApi.describe(requests.get(2)));
    }
}
