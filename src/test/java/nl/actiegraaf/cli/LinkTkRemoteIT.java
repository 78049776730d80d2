package nl.actiegraaf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import nl.actiegraaf.store.StandaloneFuseki;
import org.junit.jupiter.api.Test;

/**
 * {@code link tk --endpoint}: the same linking as {@link LinkTkIT}, against a standalone Fuseki over HTTP
 * instead of a TDB2 folder. The store is read (the Kamerstukken, the register's persons) and written (the
 * linkset replaces {@code graph/tk}) only through the SPARQL and Graph Store protocols.
 */
class LinkTkRemoteIT {
    private static final Path PAGES = Path.of("src/test/resources/tk/pages");
    private static final String STEMMINGEN = "SELECT (COUNT(*) AS ?n) { GRAPH <https://w3id.org/actiegraaf/graph/tk> "
            + "{ ?s a <https://w3id.org/actiegraaf/def#Stemming> } }";

    @Test
    void linksTheMotionsOfAStandaloneStoreAndReplacesItsLinksetOnARerun() throws Exception {
        try (StandaloneFuseki fuseki = StandaloneFuseki.start()) {
            String endpoint = fuseki.datasetUrl();
            CliRun load = CliRun.of("load", "--endpoint", endpoint, "ontology/actiegraaf.ttl", "seeds/organisaties.ttl",
                    "seeds/kamerleden.ttl", "seeds/stand-van-zaken-pok-2021.txt");
            assertEquals(0, load.code(), load.err() + load.out());

            CliRun link = CliRun.of("link", "tk", "--endpoint", endpoint, "--pages", PAGES.toString());
            assertEquals(0, link.code(), link.err() + link.out());
            String out = link.out();
            // The same findings as over the embedded store: the join does not depend on where the store runs.
            assertTrue(out.contains("linked     35510-21     Document 2021D02021, Zaak 2021Z00921, 3 submitter(s), "
                    + "vote Aangenomen on 2021-01-19 (for 100, against 32)"), out);
            assertTrue(out.contains("summary: 5 of 31 Kamerstukken linked (4 with a vote), 26 not linked"), out);
            assertTrue(out.contains("loaded    <https://w3id.org/actiegraaf/graph/tk>"), out);
            assertEquals(List.of("4"), ServeSeedIT.select(endpoint + "/query", STEMMINGEN, "n"));

            CliRun again = CliRun.of("link", "tk", "--endpoint", endpoint, "--pages", PAGES.toString());
            assertEquals(0, again.code(), again.err() + again.out());
            assertTrue(again.out().contains("unchanged <https://w3id.org/actiegraaf/graph/tk>"), again.out());
            assertEquals(List.of("4"), ServeSeedIT.select(endpoint + "/query", STEMMINGEN, "n"), "replaced, not added twice");
        }
    }
}
