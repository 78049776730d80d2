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
import nl.actiegraaf.store.Graphs;
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
 * the Lucene text index, one transaction) against Jena's own TDB2 bulk loaders on the same triples,
 * each into a fresh database, in rounds that alternate the contenders so load on the machine hits all
 * alike. Two decompositions run beside them: the store loading the converter's N-Triples (no
 * conversion), and a plain TDB2 transaction adding the same triples (no text index, no digest).
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
        long load(Path report, Path ntriples, String graph, Path dir, Timer timer) throws Exception;
    }

    static final class Timer {
        long start;
        long nanos;

        void start() {
            start = System.nanoTime();
        }

        void stop() {
            nanos = System.nanoTime() - start;
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
            String graph = Graphs.rapport(Generate.id(scale, seed));
            long triples = countTriples(nt);

            Map<String, Contender> contenders = new LinkedHashMap<>();
            contenders.put("convert + EmbeddedStore.load (TDB2 + text index, one txn)", Loading::convertAndLoad);
            contenders.put("EmbeddedStore.load of the N-Triples (no conversion)", Loading::storeLoadNTriples);
            contenders.put("plain TDB2 txn, dataset.add per triple (no index)", Loading::plainTransaction);
            contenders.put("Jena bulk loader: phased (tdb2.tdbloader default)", (r, n, g, d, t) -> bulk(n, g, d, false, t));
            contenders.put("Jena bulk loader: parallel", (r, n, g, d, t) -> bulk(n, g, d, true, t));
            // --only=REGEX: just the matching contenders (for a profile of one of them).
            java.util.regex.Pattern only = java.util.regex.Pattern.compile(options.get("only", ""));
            contenders.keySet().removeIf(k -> !only.matcher(k).find());

            Map<String, List<Double>> seconds = new LinkedHashMap<>();
            contenders.keySet().forEach(k -> seconds.put(k, new ArrayList<>()));
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
                    long loaded = contenders.get(name).load(report, nt, graph, dir, timer);
                    double s = timer.nanos / 1e9;
                    if (loaded != triples) {
                        throw new IllegalStateException(name + " loaded " + loaded + " triples, expected " + triples);
                    }
                    if (round > 0) {
                        seconds.get(name).add(s);
                    }
                    System.out.printf("round %d: %-62s %7.2f s%n", round, name, s);
                    delete(dir);
                }
            }
            String loadAfter = Bench.load();
            double bulk = median(seconds.get("Jena bulk loader: phased (tdb2.tdbloader default)"));
            System.out.println();
            System.out.println("### Loading, " + scale + "x the seed: " + triples + " triples, " + Bench.fmt(Files.size(report) / 1e6)
                    + " MB report (" + Bench.machine() + "; " + loadBefore + " before, " + loadAfter + " after; median of " + reps + " rounds)");
            System.out.println();
            System.out.println("| contender | median s | triples/s | rate vs phased bulk loader |");
            System.out.println("|---|---|---|---|");
            for (var e : seconds.entrySet()) {
                double s = median(e.getValue());
                System.out.println("| " + e.getKey() + " | " + Bench.fmt(s) + " | " + Bench.fmt(triples / s) + " | "
                        + String.format("%.0f%%", 100 * bulk / s) + " |");
            }
            System.out.println();
            System.out.println("Target: convert + load at >= 70% of the bulk loader's rate: "
                    + (bulk / median(seconds.get("convert + EmbeddedStore.load (TDB2 + text index, one txn)")) >= 0.7 ? "met" : "MISSED"));
        } finally {
            delete(work);
        }
    }

    private static long convertAndLoad(Path report, Path nt, String graph, Path dir, Timer timer) {
        try (EmbeddedStore store = EmbeddedStore.open(FusekiConfigFile.DEFAULT, dir)) {
            timer.start();
            store.load(List.of(new ReportSource(report, ReportConverter.standard()::convert)));
            timer.stop();
            return count(store.dataset(), graph);
        }
    }

    private static long storeLoadNTriples(Path report, Path nt, String graph, Path dir, Timer timer) {
        try (EmbeddedStore store = EmbeddedStore.open(FusekiConfigFile.DEFAULT, dir)) {
            timer.start();
            store.load(List.of(new RdfFileSource(nt, graph, Long.MAX_VALUE)));
            timer.stop();
            return count(store.dataset(), graph);
        }
    }

    private static long plainTransaction(Path report, Path nt, String graph, Path dir, Timer timer) {
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
            return count(dsg, graph);
        } finally {
            TDBInternal.expel(dsg);
        }
    }

    private static long bulk(Path nt, String graph, Path dir, boolean parallel, Timer timer) {
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
            return count(dsg, graph);
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
