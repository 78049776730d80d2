package nl.actiegraaf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import nl.actiegraaf.store.EmbeddedStore;
import nl.actiegraaf.store.FusekiConfigFile;
import nl.actiegraaf.vocab.Iris;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile RDF files given to {@code load}, through the real command: each is refused with one line and
 * exit code 2 (or, where harmless, loaded without doing the harm), within seconds, and no file or URL is
 * ever fetched. The store keeps its previous data in every case (a failed load is one aborted transaction).
 */
class HostileRdfLoadIT {
    /** Generous: a loaded machine; each case here takes a few seconds at most when alone. */
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final String RDF_NS = "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\""
            + " xmlns:rdfs=\"http://www.w3.org/2000/01/rdf-schema#\"";

    @TempDir
    Path tmp;
    String out;
    String err;

    // ---- RDF/XML: XXE, entity expansion, external DTDs -------------------------------------------

    @Test
    void externalEntityToALocalFileIsRefused() throws Exception {
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "top secret");
        Path file = xml("xxe.rdf", "<!DOCTYPE rdf:RDF [ <!ENTITY leak SYSTEM \"" + secret.toUri() + "\"> ]>", "&leak;", StandardCharsets.UTF_8);
        assertRefused(file, "entit");
    }

    @Test
    void billionLaughsIsRefusedAtOnce() throws Exception {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE rdf:RDF [ <!ENTITY l0 \"ha\">");
        for (int i = 1; i <= 10; i++) {
            dtd.append(" <!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append(" ]>");
        assertRefused(xml("lol.rdf", dtd.toString(), "&l10;", StandardCharsets.UTF_8), "entit");
    }

    @Test
    void entitiesHiddenInUtf16AreRefusedToo() throws Exception {
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "top secret");
        Path file = xml("xxe16.rdf", "<!DOCTYPE rdf:RDF [ <!ENTITY leak SYSTEM \"" + secret.toUri() + "\"> ]>", "&leak;",
                StandardCharsets.UTF_16);
        assertRefused(file, "");
        assertFalse(err.contains("top secret"), err);
    }

    @Test
    void anExternalDtdIsNeverFetched() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            AtomicInteger connections = watch(listener);
            String url = "http://127.0.0.1:" + listener.getLocalPort() + "/evil.dtd";
            Path file = xml("dtd.rdf", "<!DOCTYPE rdf:RDF SYSTEM \"" + url + "\">", "gewoon", StandardCharsets.UTF_8);
            run("load", "--data", tmp.resolve("data").toString(), file.toString());
            Thread.sleep(300);
            assertEquals(0, connections.get(), "the loader connected to " + url);
        }
    }

    @Test
    void anEntityFromALocalExternalDtdIsNotExpanded() throws Exception {
        Path dtd = Files.writeString(tmp.resolve("evil.dtd"), "<!ENTITY leak \"top secret\">");
        Path file = xml("dtdfile.rdf", "<!DOCTYPE rdf:RDF SYSTEM \"" + dtd.toUri() + "\">", "&leak;", StandardCharsets.UTF_8);
        assertRefusedOrLoaded(file);
        assertFalse(objectsIn(Iris.fileGraph("dtdfile.rdf")).contains("top secret"), "expanded an entity from an external DTD");
        assertFalse(err.contains("top secret"), err);
    }

    // ---- JSON-LD: remote contexts in every place they can hide -----------------------------------

    @Test
    void jsonLdRemoteContextsAreNeverFetched() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            AtomicInteger connections = watch(listener);
            String url = "http://127.0.0.1:" + listener.getLocalPort() + "/context.jsonld";
            String[] documents = {
                "{\"@context\": \"" + url + "\", \"@id\": \"https://e.org/a\", \"name\": \"x\"}",
                "{\"@context\": [{\"@vocab\": \"https://e.org/\"}, \"" + url + "\"], \"@id\": \"https://e.org/a\", \"name\": \"x\"}",
                "{\"@context\": {\"@version\": 1.1, \"@import\": \"" + url + "\"}, \"@id\": \"https://e.org/a\", \"name\": \"x\"}",
                "{\"@context\": {\"@vocab\": \"https://e.org/\", \"p\": {\"@context\": \"" + url + "\"}}, \"@id\": \"https://e.org/a\", \"p\": {\"q\": 1}}",
                "{\"@context\": {\"@vocab\": \"https://e.org/\"}, \"@graph\": [{\"@context\": \"" + url + "\", \"@id\": \"https://e.org/b\"}]}",
            };
            for (int i = 0; i < documents.length; i++) {
                Path file = Files.writeString(tmp.resolve("remote" + i + ".jsonld"), documents[i]);
                assertRefused(file, "");
            }
            assertEquals(0, connections.get(), "the loader connected to " + url);
        }
    }

    // ---- size and shape ----------------------------------------------------------------------------

    @Test
    void deeplyNestedTurtleIsOneLineNotAStackOverflow() throws Exception {
        int depth = 200_000;
        Path file = Files.writeString(tmp.resolve("deep.ttl"),
                "<https://e.org/s> <https://e.org/p> " + "[ <https://e.org/p> ".repeat(depth) + "1" + " ]".repeat(depth) + " .");
        assertRefusedOrLoaded(file);
        Path list = Files.writeString(tmp.resolve("deeplist.ttl"),
                "<https://e.org/s> <https://e.org/p> " + "( ".repeat(depth) + "1" + " )".repeat(depth) + " .");
        assertRefusedOrLoaded(list);
    }

    @Test
    void deeplyNestedJsonLdAndRdfXmlAreOneLineNotAStackOverflow() throws Exception {
        int depth = 100_000;
        Path json = Files.writeString(tmp.resolve("deep.jsonld"), "{\"@context\": {\"@vocab\": \"https://e.org/\"}, \"p\": "
                + "{\"p\": ".repeat(depth) + "1" + "}".repeat(depth) + "}");
        assertRefusedOrLoaded(json);
        // RDF/XML 20 000 deep: Jena's parser reads it (20 000 triples); what matters is that it ends well.
        Path xml = Files.writeString(tmp.resolve("deep.rdf"), "<rdf:RDF " + RDF_NS + " xmlns:e=\"https://e.org/\">"
                + "<rdf:Description><e:p>".repeat(depth / 5) + "</e:p></rdf:Description>".repeat(depth / 5) + "</rdf:RDF>");
        assertRefusedOrLoaded(xml);
    }

    @Test
    void aHugeLiteralAndAHugeIriLoadOrAreRefusedQuickly() throws Exception {
        Path file = Files.writeString(tmp.resolve("huge.nt"), "<https://e.org/" + "i".repeat(2_000_000) + "> <https://e.org/p> \""
                + "x".repeat(5_000_000) + "\" .\n");
        assertRefusedOrLoaded(file);
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private void assertRefused(Path file, String messagePart) {
        int code = assertTimeoutPreemptively(LIMIT, () -> run("load", "--data", tmp.resolve("data").toString(), file.toString()));
        assertEquals(2, code, "refused: " + out + err);
        assertEquals(1, err.strip().lines().count(), "one line: " + err);
        assertTrue(err.startsWith("actiegraaf load: " + file), err);
        assertTrue(err.contains(messagePart), err);
    }

    private void assertRefusedOrLoaded(Path file) {
        int code = assertTimeoutPreemptively(LIMIT, () -> run("load", "--data", tmp.resolve("data").toString(), file.toString()));
        assertTrue(code == 0 || code == 2, "exit " + code + ": " + err);
        if (code == 2) {
            assertEquals(1, err.strip().lines().count(), "one line: " + err);
            assertTrue(err.startsWith("actiegraaf load: "), err);
            assertTrue(err.length() < 1000, "a short message: " + err.length());
        }
    }

    /** The lexical forms of all objects in a graph of the store the tests load into. */
    private String objectsIn(String graph) {
        Path data = tmp.resolve("data");
        if (!Files.exists(data)) {
            return "";
        }
        try (EmbeddedStore store = EmbeddedStore.open(FusekiConfigFile.DEFAULT, data)) {
            return Txn.calculateRead(store.dataset(), () -> {
                StringBuilder all = new StringBuilder();
                store.dataset().find(NodeFactory.createURI(graph), Node.ANY, Node.ANY, Node.ANY)
                        .forEachRemaining(q -> all.append(q.getObject().toString()).append('\n'));
                return all.toString();
            });
        }
    }

    private Path xml(String name, String doctype, String label, Charset charset) throws IOException {
        String text = "<?xml version=\"1.0\" encoding=\"" + charset.name() + "\"?>\n" + doctype + "\n<rdf:RDF " + RDF_NS + ">"
                + "<rdf:Description rdf:about=\"https://example.org/x\"><rdfs:label>" + label + "</rdfs:label></rdf:Description></rdf:RDF>\n";
        return Files.write(tmp.resolve(name), text.getBytes(charset));
    }

    /** Counts connections to the listener, on a daemon thread, until it is closed. */
    private static AtomicInteger watch(ServerSocket listener) {
        AtomicInteger connections = new AtomicInteger();
        Thread thread = new Thread(() -> {
            while (!listener.isClosed()) {
                try (Socket socket = listener.accept()) {
                    connections.incrementAndGet();
                } catch (SocketTimeoutException e) {
                    // keep watching
                } catch (IOException closed) {
                    return;
                }
            }
        }, "connection-watch");
        thread.setDaemon(true);
        thread.start();
        return connections;
    }

    private int run(String... args) {
        CliRun run = CliRun.of(args);
        out = run.out();
        err = run.err();
        return run.code();
    }
}
