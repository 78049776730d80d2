package nl.actiegraaf.store;

import nl.actiegraaf.vocab.Iris;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import nl.actiegraaf.vocab.AG;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A report whose bytes, registers and converter version were loaded before is not converted again
 * (the source digest in graph/meta); any change to one of them converts it, and the content digest
 * then decides as before. Conversions are counted, not timed.
 */
class SourceDigestLoadIT extends KeptStoreFixture {
    Path report;
    Path organisations;
    Path members;
    final AtomicInteger conversions = new AtomicInteger();

    /** Stands in for the real converter: report id from the first line, one label per line. */
    final ReportSource.Converter counting = (file, out) -> {
        conversions.incrementAndGet();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            var subject = NodeFactory.createURI(Iris.ID + "rapport/" + lines.get(0));
            out.triple(Triple.create(subject, RDF.type.asNode(), AG.Rapport));
            for (String line : lines.subList(1, lines.size())) {
                out.triple(Triple.create(subject, RDFS.label.asNode(), NodeFactory.createLiteralString(line)));
            }
        } catch (java.io.IOException e) {
            throw new LoadException(file + ": cannot read: " + e.getMessage(), e);
        }
    };

    @BeforeEach
    void writeSources() throws Exception {
        report = Files.writeString(tmp.resolve("rapport.txt"), "r1\nActie een\n");
        organisations = Files.writeString(tmp.resolve("organisaties.ttl"), "# organisaties\n");
        members = Files.writeString(tmp.resolve("kamerleden.ttl"), "# kamerleden\n");
    }

    ReportSource source(String version) {
        return new ReportSource(report, counting, version, List.of(organisations, members));
    }

    @Test
    void aSecondLoadOfTheSameReportDoesNotConvertIt() {
        String graph = Iris.reportGraph("r1");
        assertEquals(List.of(graph), store.load(List.of(source("1"))).replaced());
        assertEquals(1, conversions.get());

        assertEquals(List.of(graph), store.load(List.of(source("1"))).unchanged());
        assertEquals(1, conversions.get(), "unchanged report converted again");

        // Also in a later start of the same store: the digest is kept in graph/meta.
        restart();
        LoadResult again = store.load(List.of(source("1")));
        assertEquals(List.of(graph), again.unchanged());
        assertEquals(List.of(), again.replaced());
        assertEquals(1, conversions.get());
        assertEquals(1, labels(graph), "the graph itself is intact");
    }

    /**
     * A kept store started again, every source recorded: the check reads, and writes nothing. Proved
     * with another thread holding the store's one write transaction meanwhile: a load that began a
     * write transaction (to commit nothing) would wait for it; a load with one changed source does.
     */
    @Test
    void aLoadOfRecordedSourcesOnlyReadsTheStore() throws Exception {
        store.load(List.of(source("1")));
        DatasetGraph dataset = store.dataset();
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread writer = new Thread(() -> {
            dataset.begin(TxnType.WRITE);
            writing.countDown();
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                dataset.abort();
                dataset.end();
            }
        });
        writer.start();
        writing.await();
        ExecutorService loads = Executors.newSingleThreadExecutor();
        try {
            LoadResult again = loads.submit(() -> store.load(List.of(source("1")))).get(20, TimeUnit.SECONDS);
            assertEquals(List.of(Iris.reportGraph("r1")), again.unchanged());
            assertEquals(1, conversions.get());

            Files.writeString(report, "r1\nActie ees\n");
            Future<LoadResult> changed = loads.submit(() -> store.load(List.of(source("1"))));
            assertThrows(TimeoutException.class, () -> changed.get(1, TimeUnit.SECONDS), "a changed source needs the write transaction");
            done.countDown();
            assertEquals(List.of(Iris.reportGraph("r1")), changed.get(20, TimeUnit.SECONDS).replaced());
        } finally {
            done.countDown();
            writer.join();
            loads.shutdown();
        }
    }

    @Test
    void anUnreadableReportIsStillUnchangedByItsRecordedDigest() throws Exception {
        store.load(List.of(source("1")));
        // A converter that would fail: the check must not need it.
        ReportSource failing = new ReportSource(report, (file, out) -> {
            throw new LoadException("should not convert");
        }, "1", List.of(organisations, members));
        assertEquals(List.of(Iris.reportGraph("r1")), store.load(List.of(failing)).unchanged());
    }

    @Test
    void oneByteOfTheReportConvertsAgainAndReplaces() throws Exception {
        store.load(List.of(source("1")));
        Files.writeString(report, "r1\nActie ees\n");
        LoadResult changed = store.load(List.of(source("1")));
        assertEquals(2, conversions.get());
        assertEquals(List.of(Iris.reportGraph("r1")), changed.replaced());
        // ... and its new digest is recorded: the next load does not convert.
        store.load(List.of(source("1")));
        assertEquals(2, conversions.get());
    }

    @Test
    void aRegisterOrTheConverterVersionConvertsAgain() throws Exception {
        String graph = Iris.reportGraph("r1");
        store.load(List.of(source("1")));

        Files.writeString(organisations, "# organisaties.\n");
        LoadResult afterOrganisations = store.load(List.of(source("1")));
        assertEquals(2, conversions.get(), "organisaties.ttl changed");
        // The fake converter ignores registers: same content, so unchanged as before (content digest).
        assertEquals(List.of(graph), afterOrganisations.unchanged());
        store.load(List.of(source("1")));
        assertEquals(2, conversions.get(), "the new source digest was recorded for unchanged content");

        Files.writeString(members, "# kamerleden.\n");
        store.load(List.of(source("1")));
        assertEquals(3, conversions.get(), "kamerleden.ttl changed");

        Files.delete(members);
        store.load(List.of(source("1")));
        assertEquals(4, conversions.get(), "kamerleden.ttl removed");

        LoadResult newVersion = store.load(List.of(source("2")));
        assertEquals(5, conversions.get(), "converter version changed");
        assertEquals(List.of(graph), newVersion.unchanged());
        store.load(List.of(source("2")));
        assertEquals(5, conversions.get());
    }

    @Test
    void aReportWithoutASourceDigestConvertsEveryTime() {
        store.load(List.of(new ReportSource(report, counting)));
        store.load(List.of(new ReportSource(report, counting)));
        assertEquals(2, conversions.get());
    }

    @Test
    void theSourceDigestIsRecordedInGraphMeta() {
        store.load(List.of(source("1")));
        DatasetGraph dataset = store.dataset();
        String digest = Txn.calculateRead(dataset, () -> LoadRecord.sourceDigests(
                dataset.getGraph(NodeFactory.createURI(Iris.META_GRAPH))).get(Iris.reportGraph("r1")));
        assertNotNull(digest);
        assertEquals(source("1").sourceDigest(), digest);
    }

    private int labels(String graph) {
        DatasetGraph dataset = store.dataset();
        return Txn.calculateRead(dataset, () -> dataset.getGraph(NodeFactory.createURI(graph))
                .find(null, RDFS.label.asNode(), null).toList().size());
    }
}
