package nl.actiegraaf.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;

import nl.actiegraaf.querylimits.QueryLimits;

/**
 * What the per-row cancellation checks of {@code querylimits} cost (issue 18): the same queries over the same
 * TDB2 dataset, with the checks (a time limit in the execution's context: {@code LimitsRewrite} places a cancel
 * point beneath every pattern and eager operator) and without (no time limit: the same rewrite of the
 * expensive functions, no cancel points). In each round both run one right after the other, in alternating
 * order; the ratio is the median of the per-round ratios.
 */
final class CancelPoints {
    private static final String P = "http://bench.example/p";

    private CancelPoints() {
    }

    static void run(Bench.Options options) {
        int subjects = options.integer("subjects", 20_000);
        int rounds = options.integer("rounds", 7);
        String before = Bench.load();
        DatasetGraph dataset = DatabaseMgr.createDatasetGraph(); // TDB2 in memory: the store's engine
        Txn.executeWrite(dataset, () -> {
            Node graph = NodeFactory.createURI("http://bench.example/g");
            for (int i = 0; i < subjects; i++) {
                Node s = NodeFactory.createURI("http://bench.example/s" + i);
                for (int p = 0; p < 4; p++) {
                    // p0..p3: p3 on every other subject, so MINUS and OPTIONAL have work to do
                    if (p < 3 || i % 2 == 0) {
                        dataset.add(Quad.create(graph, s, NodeFactory.createURI(P + p), NodeFactory.createLiteralString("v" + (i % 997))));
                    }
                }
            }
        });
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("scan", "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }");
        queries.put("join", "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s <" + P + "0> ?a . ?s <" + P + "1> ?b . ?s <" + P + "2> ?c } }");
        queries.put("optional", "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s <" + P + "0> ?a OPTIONAL { ?s <" + P + "3> ?d } } }");
        queries.put("minus", "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s <" + P + "0> ?a MINUS { ?s <" + P + "3> ?d } } }");
        queries.put("group by", "SELECT ?a (COUNT(?s) AS ?n) { GRAPH ?g { ?s <" + P + "0> ?a } } GROUP BY ?a");
        queries.put("order by", "SELECT ?s ?a { GRAPH ?g { ?s <" + P + "1> ?a } } ORDER BY ?a ?s LIMIT 10");
        queries.put("distinct", "SELECT DISTINCT ?a ?b { GRAPH ?g { ?s <" + P + "0> ?a ; <" + P + "2> ?b } }");
        queries.put("product", "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s <" + P + "0> \"v1\" . ?t <" + P + "1> ?b } }");

        System.out.println("## Per-row cancellation checks: with vs without, " + subjects + " subjects ("
                + (subjects * 7 / 2) + " quads), " + rounds + " rounds");
        System.out.println();
        System.out.println(Bench.machine() + "; before: " + before);
        System.out.println();
        System.out.println("| query | rows | without checks, median ms | with checks, median ms | with / without (median of per-round ratios) |");
        System.out.println("|---|---:|---:|---:|---:|");
        List<Double> allRatios = new ArrayList<>();
        for (Map.Entry<String, String> query : queries.entrySet()) {
            // warm-up of both, so JIT and caches favour neither
            for (int i = 0; i < 2; i++) {
                time(dataset, query.getValue(), false);
                time(dataset, query.getValue(), true);
            }
            double[] without = new double[rounds];
            double[] with = new double[rounds];
            double[] ratios = new double[rounds];
            long rows = 0;
            for (int r = 0; r < rounds; r++) {
                boolean withFirst = r % 2 == 0;
                long[] first = time(dataset, query.getValue(), withFirst);
                long[] second = time(dataset, query.getValue(), !withFirst);
                with[r] = (withFirst ? first : second)[0] / 1e6;
                without[r] = (withFirst ? second : first)[0] / 1e6;
                rows = first[1];
                if (first[1] != second[1]) {
                    throw new IllegalStateException(query.getKey() + ": " + first[1] + " rows with one, " + second[1] + " with the other");
                }
                ratios[r] = with[r] / without[r];
            }
            double ratio = median(ratios);
            allRatios.add(ratio);
            System.out.printf("| %s | %d | %.1f | %.1f | %.2f |%n", query.getKey(), rows, median(without), median(with), ratio);
        }
        System.out.printf("%nGeometric mean of the ratios: %.2f; load average after: %s%n",
                Math.exp(allRatios.stream().mapToDouble(Math::log).average().orElse(0)), Bench.load());
    }

    /** {nanoseconds, rows} of one execution, reading every row. */
    private static long[] time(DatasetGraph dataset, String query, boolean checks) {
        Context context = ARQ.getContext().copy();
        QueryLimits.install(context);
        if (checks) {
            context.set(QueryLimits.TIME_LIMIT, Duration.ofMinutes(10));
        }
        return Txn.calculateRead(dataset, () -> {
            long start = System.nanoTime();
            long rows = 0;
            try (QueryExec exec = QueryExec.dataset(dataset).query(query).context(context)
                    .timeout(10, TimeUnit.MINUTES).build()) {
                RowSet rowSet = exec.select();
                while (rowSet.hasNext()) {
                    rowSet.next();
                    rows++;
                }
            }
            return new long[] {System.nanoTime() - start, rows};
        });
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
