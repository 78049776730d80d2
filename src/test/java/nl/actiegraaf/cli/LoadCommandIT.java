package nl.actiegraaf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.actiegraaf.store.EmbeddedStore;
import nl.actiegraaf.store.FusekiConfigFile;
import nl.actiegraaf.vocab.Iris;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadCommandIT {
    @TempDir
    Path tmp;
    String out;
    String err;

    @Test
    void loadsAFileIntoTheGraphNamedAfterItAndSkipsItTheSecondTime() throws Exception {
        Path file = turtle("organisaties.ttl", "<https://w3id.org/actiegraaf/id/organisatie/bzk> <http://www.w3.org/2000/01/rdf-schema#label> \"BZK\" .");
        Path data = tmp.resolve("data");

        assertEquals(0, run("load", "--data", data.toString(), file.toString()));
        assertEquals("loaded    <" + Iris.ORGANISATIES_GRAPH + ">", out.strip());
        assertEquals(0, run("load", "--data", data.toString(), file.toString()));
        assertEquals("unchanged <" + Iris.ORGANISATIES_GRAPH + ">", out.strip());
        assertEquals(1, triplesIn(data, Iris.ORGANISATIES_GRAPH));
    }

    @Test
    void theOntologyAndAReportGoToTheirAgreedGraphs() {
        String data = tmp.resolve("data").toString();
        assertEquals(0, run("load", "--data", data, "ontology/actiegraaf.ttl", "seeds/stand-van-zaken-pok-2021.txt"));
        assertEquals(List.of("loaded    <" + Iris.ONTOLOGIE_GRAPH + ">",
                "loaded    <" + Iris.reportGraph("stand-van-zaken-pok-2021") + ">"), out.strip().lines().toList());
    }

    @Test
    void aBrokenReportIsOneLineExitTwo() throws Exception {
        Path report = Files.writeString(tmp.resolve("onzin.txt"), "Dit is geen rapport\nmaar onzin\n");
        assertEquals(2, run("load", "--data", tmp.resolve("data").toString(), report.toString()));
        assertEquals(1, err.strip().lines().count(), err);
        assertTrue(err.startsWith("actiegraaf load: " + report), err);
    }

    @Test
    void aBrokenFileFailsTheWholeLoadWithOneLineAndExitTwo() throws Exception {
        Path data = tmp.resolve("data");
        Path good = turtle("a.ttl", "<https://e.org/a> <https://e.org/p> \"oud\" .");
        assertEquals(0, run("load", "--data", data.toString(), good.toString()));

        Files.writeString(good, "<https://e.org/a> <https://e.org/p> \"nieuw\" .");
        Path other = turtle("b.ttl", "<https://e.org/b> <https://e.org/p> \"b\" .");
        Path broken = turtle("c.ttl", "<https://e.org/c> <https://e.org/p> .");

        assertEquals(2, run("load", "--data", data.toString(), good.toString(), other.toString(), broken.toString()));
        assertEquals(1, err.strip().lines().count(), err);
        assertTrue(err.startsWith("actiegraaf load: " + broken + ":1:"), err);
        assertEquals(List.of("\"oud\""), objectsIn(data, Iris.GRAPH + "a"));
        assertEquals(0, triplesIn(data, Iris.GRAPH + "b"));
    }

    @Test
    void graphOptionPutsAllFilesIntoOneGraph() throws Exception {
        Path data = tmp.resolve("data");
        Path a = turtle("a.ttl", "<https://e.org/a> <https://e.org/p> 1 .");
        Path b = turtle("b.nt", "<https://e.org/b> <https://e.org/p> \"2\" .");
        assertEquals(0, run("load", "--data", data.toString(), "--graph", "https://example.org/graph/mijn", a.toString(), b.toString()));
        assertEquals(2, triplesIn(data, "https://example.org/graph/mijn"));
    }

    @Test
    void usageErrorsExitTwoWithOneLine() throws Exception {
        Path a = turtle("a.ttl", "<https://e.org/a> <https://e.org/p> 1 .");
        String data = tmp.resolve("data").toString();

        assertEquals(2, run("load", a.toString()));
        assertTrue(err.contains("--data DIR or --endpoint URL"), err);
        assertEquals(2, run("load", "--data", data, "--graph", "geen iri", a.toString()));
        assertTrue(err.startsWith("actiegraaf load: --graph geen iri: not"), err);
        for (String reserved : List.of(Iris.META_GRAPH, Iris.AFGELEID_GRAPH, Iris.currentGraph("pok"),
                Iris.changesGraph("pok"), Iris.reportGraph("pok-2024-06"))) {
            assertEquals(2, run("load", "--data", data, "--graph", reserved, a.toString()), reserved);
            assertEquals("actiegraaf load: --graph " + reserved + ": reserved, the store writes this graph itself"
                    + " (load records, statistics, editions from reports, current state and changes); choose another graph",
                    err.strip());
        }
        Path fifo = tmp.resolve("pijp.ttl");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        assertEquals(2, run("load", "--data", data, fifo.toString()));
        assertEquals("actiegraaf load: " + fifo + ": not a regular file (a device, pipe or socket); give a file", err.strip());
        assertEquals(2, run("load", "--data", data, "--graph", "https://example.org/g", fifo.toString()));
        assertEquals("actiegraaf load: " + fifo + ": not a regular file (a device, pipe or socket); give a file", err.strip());
        assertEquals(2, run("load", "--data", data, tmp.resolve("missing.ttl").toString()));
        assertTrue(err.contains("missing.ttl: no such file"), err);
        assertEquals(2, run("load", "--data", data, Files.writeString(tmp.resolve("x.csv"), "a,b").toString()));
        assertTrue(err.contains("x.csv: neither a report"), err);
        assertEquals(2, run("load", "--data", data, "--endpoint", "http://127.0.0.1:1/actiegraaf", a.toString()));
        assertTrue(err.contains("exclude each other"), err);
        for (String e : List.of(err)) {
            assertEquals(1, e.strip().lines().count(), e);
        }
    }

    @Test
    void anUnreachableEndpointIsOneLineExitTwo() throws Exception {
        Path a = turtle("a.ttl", "<https://e.org/a> <https://e.org/p> 1 .");
        // Port 1 on loopback: nothing listens there.
        assertEquals(2, run("load", "--endpoint", "http://127.0.0.1:1/actiegraaf", a.toString()));
        assertEquals(1, err.strip().lines().count(), err);
        assertTrue(err.startsWith("actiegraaf load: http://127.0.0.1:1/actiegraaf/data"), err);
    }

    // --- helpers

    int run(String... args) {
        CliRun run = CliRun.of(args);
        out = run.out();
        err = run.err();
        return run.code();
    }

    Path turtle(String name, String text) throws Exception {
        return Files.writeString(tmp.resolve(name), text);
    }

    static long triplesIn(Path data, String graph) {
        try (EmbeddedStore store = EmbeddedStore.open(FusekiConfigFile.DEFAULT, data)) {
            return Txn.calculateRead(store.dataset(), () -> store.dataset().getGraph(NodeFactory.createURI(graph)).size());
        }
    }

    static List<String> objectsIn(Path data, String graph) {
        try (EmbeddedStore store = EmbeddedStore.open(FusekiConfigFile.DEFAULT, data)) {
            return Txn.calculateRead(store.dataset(), () -> {
                List<String> objects = new ArrayList<>();
                store.dataset().find(NodeFactory.createURI(graph), Node.ANY, Node.ANY, Node.ANY)
                        .forEachRemaining(q -> objects.add(q.getObject().toString()));
                return objects;
            });
        }
    }
}
