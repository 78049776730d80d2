package nl.actiegraaf.cli;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.actiegraaf.vocab.Iris;
import nl.actiegraaf.store.StandaloneFuseki;
import org.junit.jupiter.api.Test;
import nl.actiegraaf.store.RemoteStore;
import picocli.CommandLine;

/** {@code serve --endpoint}: the seed report and ontology loaded into, and served from, a standalone Fuseki. */
class ServeRemoteIT {
    @Test
    void serveWithEndpointLoadsIntoTheRunningStoreAndUsesIt() throws Exception {
        try (StandaloneFuseki fuseki = StandaloneFuseki.start()) {
            ServeCommand serve = (ServeCommand) new CommandLine(new Main())
                    .parseArgs("serve", "--endpoint", fuseki.datasetUrl(), "--port", "0")
                    .subcommand().commandSpec().userObject();
            StringWriter printed = new StringWriter();
            try (ServeCommand.Running running = serve.start(new PrintWriter(printed))) {
                String query = ((RemoteStore) running.store()).service().query().toString();
                assertEquals(fuseki.datasetUrl() + "/query", query);
                assertTrue(printed.toString().contains("SPARQL endpoint " + query), printed.toString());
                assertEquals(List.of("86"), ServeSeedIT.select(query, "SELECT (COUNT(?a) AS ?n) { GRAPH <"
                        + Iris.reportGraph("stand-van-zaken-pok-2021") + "> { ?a a ag:Actie } }", "n"));
                assertEquals(1, ServeSeedIT.select(query,
                        "SELECT ?a { ?a text:query (ag:omschrijving \"hardheidsclausule\") ; a ag:Actie }", "a").size());
                // The facade in front of the standalone store answers as it does over the embedded one.
                String facade = "http://127.0.0.1:" + running.facadePort();
                assertEquals(List.of("86"), ServeSeedIT.select(facade + "/sparql",
                        "SELECT (COUNT(?a) AS ?n) { ?a a ag:Actie }", "n"));
                HttpClient http = HttpClient.newHttpClient();
                String motions = http.send(HttpRequest.newBuilder(URI.create(facade + "/api/queries/moties?motie=35510-21")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                assertTrue(motions.contains("\"actieNummer\":12") && motions.contains("\"actieNummer\":81"), motions);
                HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(facade + "/id/actie/pok/12"))
                        .header("Accept", "text/turtle").build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, page.statusCode());
                assertTrue(page.body().contains("ag:nummer"), page.body());
            }
            // The remote store outlives serve: a second serve finds everything already there.
            StringWriter again = new StringWriter();
            try (ServeCommand.Running running = serve.start(new PrintWriter(again))) {
                assertTrue(again.toString().contains("0 graph(s) loaded"), again.toString());
            }
            assertTrue(Files.isDirectory(fuseki.dir().resolve(Path.of("run", "databases", "actiegraaf"))),
                    "the standalone server keeps its data where the config's relative location says");
        }
    }
}
