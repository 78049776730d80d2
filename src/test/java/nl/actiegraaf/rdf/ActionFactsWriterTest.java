package nl.actiegraaf.rdf;

import nl.actiegraaf.vocab.AG;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.actiegraaf.report.ReportException;

class ActionFactsWriterTest {
    @Test
    void registersBesideTheReportAreUsed(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("rapport.txt");
        Files.copy(Path.of("seeds/stand-van-zaken-pok-2021.txt"), report);
        // A register beside the report that knows only one body: only that body is found.
        Files.writeString(dir.resolve(ActionFactsWriter.ORGANISATIONS), """
                @prefix ag: <https://w3id.org/actiegraaf/def#> .
                @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
                <https://w3id.org/actiegraaf/id/organisatie/cak> a ag:Organisatie ;
                    skos:prefLabel "Centraal Administratie Kantoor"@nl ; skos:altLabel "CAK"@nl .
                """);
        Files.copy(Path.of("seeds/kamerleden.ttl"), dir.resolve(ActionFactsWriter.MEMBERS));
        Graph graph = GraphFactory.createDefaultGraph();
        ReportConverter.standard().convert(report, StreamRDFLib.graph(graph));
        long bodies = graph.find(Node.ANY, AG.betrokkene, Node.ANY).mapWith(t -> t.getObject()).toSet().size();
        assertEquals(1, bodies);
    }

    @Test
    void aMissingRegisterIsAOneLineError(@TempDir Path dir) {
        ReportException error = assertThrows(ReportException.class, () -> ActionFactsWriter.fromSeeds(dir));
        assertTrue(error.getMessage().startsWith(dir.resolve("organisaties.ttl") + ": register not found"), error.getMessage());
        assertEquals(1, error.getMessage().lines().count());
    }
}
