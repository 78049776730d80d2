package nl.actiegraaf.bench;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import nl.actiegraaf.rdf.ReportConverter;
import nl.actiegraaf.store.EmbeddedStore;
import nl.actiegraaf.store.FusekiConfigFile;
import nl.actiegraaf.vocab.Iris;
import nl.actiegraaf.store.RdfFileSource;
import nl.actiegraaf.store.ReportSource;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.TxnType;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.progress.MonitorOutputs;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * {@code loading}: the project's convert-and-load into its store ({@link EmbeddedStore#load}: TDB2 plus
 * the Lucene text index, one transaction, as {@code load} and {@code serve} run it) against Jena's own
 * TDB2 bulk loaders on the same triples, each into a fresh database, in rounds that alternate the
 * contenders so load on the machine hits all alike. Two baselines: the phased bulk loader alone (the
 * issue's target, >= 70% of its rate), and the phased bulk loader followed by jena-text's
 * {@code textindexer} building the same Lucene index from the same configuration (our store must keep
 * one; the bulk loader does not). Two decompositions run beside them: the store loading the
 * converter's N-Triples (no conversion), and a plain TDB2 transaction adding the same triples (no text
 * index, no digest). Besides wall time, the process CPU time of each (all threads): on a shared
 * machine a contender with more threads also gets more of it.
 */
final class Loading {
    private Loading() {
    }

    /**
     * One way of getting the triples of the report into a fresh database in {@code dir}. Opening and
     * closing the database are not timed: {@code timer} is started and stopped around the load itself.
     * Returns the triples the graph holds afterwards.
     */
    interface Contender {
        Loaded load(Path report, Path ntriples, String graph, Path dir, Timer timer) throws Exception;
    }

    /** What a contender left: triples in the graph, documents in the Lucene index (-1: no index). */
    record Loaded(long triples, long documents) {
    }

    static final String STORE = "convert + EmbeddedStore.load (TDB2 + text index, one txn)";
    static final String PHASED = "Jena bulk loader: phased (tdb2.tdbloader default)";
    static final String PHASED_TEXT = "Jena phased bulk loader + jena-text textindexer (same index)";

    static final class Timer {
        private static final com.sun.management.OperatingSystemMXBean OS =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long start;
        long nanos;
        long cpuStart;
        long cpuNanos;

        void start() {
            cpuStart = OS.getProcessCpuTime();
            start = System.nanoTime();
        }

        void stop() {
            nanos = System.nanoTime() - start;
            cpuNanos = OS.getProcessCpuTime() - cpuStart;
        }
    }

    static void run(Bench.Options options) throws Exception {
        int scale = options.integer("scale", 100);
        int reps = options.integer("reps", 3);
        long seed = Long.parseLong(options.get("seed", "42"));
        String loadBefore = Bench.load();
        Path work = Files.createTempDirectory("actiegraaf-bench-loading-");
        try {
            Path report = new ReportGenerator(Bench.SEED).write(Generate.file(work, scale, seed), Generate.id(scale, seed), scale, seed, 1).file();
            Path nt = work.resolve("converted.nt");
            try (OutputStream out = Files.newOutputStream(nt)) {
                StreamRDF writer = StreamRDFWriter.getWriterStream(out, RDFFormat.NTRIPLES);
                writer.start();
                ReportConverter.standard().convert(report, writer);
                writer.finish();
            }
            String graph = Iris.reportGraph(Generate.id(scale, seed));
            long triples = countTriples(nt);

            Map<String, Contender> contenders = new LinkedHashMap<>();
            contenders.put(STORE, Loading::convertAndLoad);
            contenders.put("EmbeddedStore.load of the N-Triples (no conversion)", Loading::storeLoadNTriples);
            contenders.put("plain TDB2 txn, dataset.add per triple (no index)", Loading::plainTransaction);
            contenders.put(PHASED, (r, n, g, d, t) -> bulk(n, g, d, false, t));
            contenders.put("Jena bulk loader: parallel", (r, n, g, d, t) -> bulk(n, g, d, true, t));
            contenders.put(PHASED_TEXT, Loading::bulkThenTextIndexer);
            // --only=REGEX: just the matching contenders (for a profile of one of them).
            java.util.regex.Pattern only = java.util.regex.Pattern.compile(options.get("only", ""));
            contenders.keySet().removeIf(k -> !only.matcher(k).find());

            Map<String, List<Double>> seconds = new LinkedHashMap<>();
            Map<String, List<Double>> cpu = new LinkedHashMap<>();
            Map<String, Long> documents = new LinkedHashMap<>();
            contenders.keySet().forEach(k -> seconds.put(k, new ArrayList<>()));
            contenders.keySet().forEach(k -> cpu.put(k, new ArrayList<>()));
            // One unmeasured round first: class loading and JIT would otherwise count against whoever goes first.
            for (int round = 0; round <= reps; round++) {
                List<String> order = new ArrayList<>(contenders.keySet());
                if (round % 2 == 1) {
                    java.util.Collections.reverse(order);
                }
                for (String name : order) {
                    Path dir = work.resolve("db-" + round + "-" + Math.abs(name.hashCode()));
                    System.gc();
                    Timer timer = new Timer();
                    Loaded loaded = contenders.get(name).load(report, nt, graph, dir, timer);
                    double s = timer.nanos / 1e9;
                    if (loaded.triples() != triples) {
                        throw new IllegalStateException(name + " loaded " + loaded.triples() + " triples, expected " + triples);
                    }
                    if (loaded.documents() >= 0) {
                        documents.put(name, loaded.documents());
                    }
                    if (round > 0) {
                        seconds.get(name).add(s);
                        cpu.get(name).add(timer.cpuNanos / 1e9);
                    }
                    System.out.printf("round %d: %-62s %7.2f s (CPU %.2f s)%n", round, name, s, timer.cpuNanos / 1e9);
                    delete(dir);
                }
            }
            String loadAfter = Bench.load();
            if (documents.values().stream().distinct().count() > 1) {
                throw new IllegalStateException("the text indexes differ: documents " + documents);
            }
            double bulk = median(seconds.get(PHASED));
            double bulkText = median(seconds.get(PHASED_TEXT));
            System.out.println();
            System.out.println("### Loading, " + scale + "x the seed: " + triples + " triples, " + Bench.fmt(Files.size(report) / 1e6)
                    + " MB report (" + Bench.machine() + "; " + loadBefore + " before, " + loadAfter + " after; median of " + reps + " rounds)");
            System.out.println();
            System.out.println("| contender | median s | triples/s | CPU s (all threads) | rate vs phased bulk loader | rate vs bulk loader + textindexer |");
            System.out.println("|---|---|---|---|---|---|");
            for (var e : seconds.entrySet()) {
                double s = median(e.getValue());
                System.out.println("| " + e.getKey() + " | " + Bench.fmt(s) + " | " + Bench.fmt(triples / s) + " | " + Bench.fmt(median(cpu.get(e.getKey())))
                        + " | " + percent(bulk / s) + " | " + percent(bulkText / s) + " |");
            }
            System.out.println();
            System.out.println("Text index documents (store and textindexer must agree): " + documents);
            double store = median(seconds.get(STORE));
            System.out.println("Target: convert + load at >= 70% of the phased bulk loader's rate: " + percent(bulk / store)
                    + (bulk / store >= 0.7 ? ", met" : ", MISSED") + "; of the bulk loader + textindexer's rate: " + percent(bulkText / store));
        } finally {
            delete(work);
        }
    }

    /** As {@code load} and {@code serve} do it: a report with its source digest (report bytes and converter version). */
    private static Loaded convertAndLoad(Path report, Path nt, String graph, Path dir, Timer timer) {
        try (EmbeddedStore store = EmbeddedStore.open(FusekiConfigFile.DEFAULT, dir)) {
            timer.start();
            store.load(List.of(new ReportSource(report, ReportConverter.standard()::convert, ReportConverter.VERSION, List.of())));
            timer.stop();
            return new Loaded(count(store.dataset(), graph), documents(store.dataDir().resolve("lucene")));
        }
    }

    private static Loaded storeLoadNTriples(Path report, Path nt, String graph, Path dir, Timer timer) {
        try (EmbeddedStore store = EmbeddedStore.open(FusekiConfigFile.DEFAULT, dir)) {
            timer.start();
            store.load(List.of(new RdfFileSource(nt, graph, Long.MAX_VALUE)));
            timer.stop();
            return new Loaded(count(store.dataset(), graph), documents(store.dataDir().resolve("lucene")));
        }
    }

    /**
     * The second baseline: the phased bulk loader into TDB2, then jena-text's own {@code textindexer}
     * over it, from the same dataset description as the store (fuseki-config, TDB2 and Lucene in
     * {@code dir}), so the index it builds is the one the store keeps.
     */
    private static Loaded bulkThenTextIndexer(Path report, Path nt, String graph, Path dir, Timer timer) throws Exception {
        Path description = dir.resolveSibling(dir.getFileName() + ".ttl");
        try (OutputStream out = Files.newOutputStream(description)) {
            org.apache.jena.riot.RDFDataMgr.write(out, FusekiConfigFile.read(FusekiConfigFile.DEFAULT).forEmbedded(dir), Lang.TURTLE);
        }
        try {
            DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(dir.resolve("tdb2").toString());
            Node g = NodeFactory.createURI(graph);
            DataLoader loader = LoaderFactory.phasedLoader(dsg, g, MonitorOutputs.nullOutput());
            timer.start();
            loader.startBulk();
            loader.load(nt.toString());
            loader.finishBulk();
            org.apache.jena.query.text.cmd.textindexer.testMain("--desc=" + description);
            timer.stop();
            DatasetGraph after = DatabaseMgr.connectDatasetGraph(dir.resolve("tdb2").toString());
            try {
                return new Loaded(count(after, graph), documents(dir.resolve("lucene")));
            } finally {
                TDBInternal.expel(after);
            }
        } finally {
            Files.deleteIfExists(description);
        }
    }

    private static long documents(Path lucene) {
        try (var directory = org.apache.lucene.store.FSDirectory.open(lucene);
             var reader = org.apache.lucene.index.DirectoryReader.open(directory)) {
            return reader.numDocs();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String percent(double ratio) {
        return Double.isNaN(ratio) ? "-" : String.format("%.0f%%", 100 * ratio);
    }

    private static Loaded plainTransaction(Path report, Path nt, String graph, Path dir, Timer timer) {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(dir.toString());
        try {
            Node g = NodeFactory.createURI(graph);
            timer.start();
            dsg.executeWrite(() -> RDFParser.source(nt).lang(Lang.NTRIPLES).parse(new StreamRDFBase() {
                @Override
                public void triple(org.apache.jena.graph.Triple t) {
                    dsg.add(g, t.getSubject(), t.getPredicate(), t.getObject());
                }
            }));
            timer.stop();
            return new Loaded(count(dsg, graph), -1);
        } finally {
            TDBInternal.expel(dsg);
        }
    }

    private static Loaded bulk(Path nt, String graph, Path dir, boolean parallel, Timer timer) {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(dir.toString());
        try {
            Node g = NodeFactory.createURI(graph);
            DataLoader loader = parallel
                    ? LoaderFactory.parallelLoader(dsg, g, MonitorOutputs.nullOutput())
                    : LoaderFactory.phasedLoader(dsg, g, MonitorOutputs.nullOutput());
            timer.start();
            loader.startBulk();
            try {
                loader.load(nt.toString());
                loader.finishBulk();
                timer.stop();
            } catch (RuntimeException e) {
                loader.finishException(e);
                throw e;
            }
            return new Loaded(count(dsg, graph), -1);
        } finally {
            TDBInternal.expel(dsg);
        }
    }

    private static long count(DatasetGraph dsg, String graph) {
        Supplier<Long> counter = () -> {
            long[] n = {0};
            dsg.find(NodeFactory.createURI(graph), Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> n[0]++);
            return n[0];
        };
        return dsg.calculateRead(counter);
    }

    /** Distinct triples in the file: what a graph holds after loading it (the converter may emit a triple twice). */
    private static long countTriples(Path nt) {
        org.apache.jena.graph.Graph graph = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        RDFParser.source(nt).lang(Lang.NTRIPLES).parse(graph);
        return graph.size();
    }

    static double median(List<Double> values) {
        if (values == null || values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static void delete(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
