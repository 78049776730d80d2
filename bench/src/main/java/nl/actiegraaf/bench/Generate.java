package nl.actiegraaf.bench;

import java.nio.file.Path;
import java.util.List;
import nl.actiegraaf.rdf.ReportConverter;
import nl.actiegraaf.report.Report;
import nl.actiegraaf.report.ReportAction;
import nl.actiegraaf.report.ReportException;
import nl.actiegraaf.report.ReportReader;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.graph.Triple;

/** {@code generate} writes synthetic reports; {@code check} proves the project's parser reads them. */
final class Generate {
    private Generate() {
    }

    /** The file of {@code scale} x the seed (one report), or part {@code part} of {@code parts}. */
    static Path file(Path dir, int scale, long seed) {
        return dir.resolve("synthetic-" + scale + "x-seed" + seed + ".txt");
    }

    static String id(int scale, long seed) {
        return "synthetic-" + scale + "x-seed" + seed;
    }

    /**
     * Writes {@code scale} x the seed as {@code parts} reports of {@code scale/parts} each (the graph
     * grows by more editions, and one report file is limited to 64 MiB by the parser), numbered on.
     */
    static List<ReportGenerator.Generated> writeParts(ReportGenerator generator, Path dir, int scale, int parts, long seed) {
        if (parts <= 1) {
            return List.of(generator.write(file(dir, scale, seed), id(scale, seed), scale, seed, 1));
        }
        int each = scale / parts;
        List<ReportGenerator.Generated> written = new java.util.ArrayList<>();
        for (int part = 1; part <= parts; part++) {
            String name = id(scale, seed) + "-part-" + String.format("%03d", part);
            written.add(generator.write(dir.resolve(name + ".txt"), name, each, seed * 100_003 + part,
                    1 + (part - 1) * each * generator.seedActions()));
        }
        return written;
    }

    static void run(Bench.Options options) {
        ReportGenerator generator = new ReportGenerator(Bench.SEED);
        Path out = Path.of(options.get("out", Bench.DATA.toString()));
        long seed = Long.parseLong(options.get("seed", "42"));
        int parts = options.integer("files", 1);
        for (int scale : options.integers("scales", "10,100,1000,10000")) {
            long start = System.nanoTime();
            List<ReportGenerator.Generated> written = writeParts(generator, out, scale, parts, seed);
            long bytes = written.stream().mapToLong(ReportGenerator.Generated::bytes).sum();
            int actions = written.stream().mapToInt(ReportGenerator.Generated::actions).sum();
            System.out.printf("%6dx: %d file(s), %d actions, %.1f MB, in %.1f s: %s%n", scale, written.size(), actions,
                    bytes / 1e6, (System.nanoTime() - start) / 1e9, written.get(0).file());
        }
    }

    /** Generates each scale, reads it with the project's reader and converter, compares with what was generated. */
    static boolean check(Bench.Options options) throws Exception {
        ReportGenerator generator = new ReportGenerator(Bench.SEED);
        long seed = Long.parseLong(options.get("seed", "42"));
        Path dir = java.nio.file.Files.createTempDirectory("actiegraaf-bench-check-");
        boolean ok = true;
        try {
            for (int scale : options.integers("scales", "1,10,100")) {
                ReportGenerator.Generated g = generator.write(file(dir, scale, seed), id(scale, seed), scale, seed, 1);
                ReportGenerator.Generated again = generator.write(dir.resolve("again.txt"), "again", scale, seed, 1);
                boolean same = java.util.Arrays.equals(java.nio.file.Files.readAllBytes(g.file()),
                        java.nio.file.Files.readAllBytes(again.file()));
                Report report;
                try {
                    report = new ReportReader().read(g.file());
                } catch (ReportException e) {
                    System.out.println("FAIL " + scale + "x: " + e.getMessage());
                    ok = false;
                    continue;
                }
                List<ReportAction> actions = report.actions();
                boolean numbered = true;
                for (int i = 0; i < actions.size(); i++) {
                    numbered &= actions.get(i).number() == i + 1;
                }
                long empty = actions.stream().filter(a -> a.description().plain().isBlank()).count();
                int footnotes = actions.stream().mapToInt(a -> a.footnotes().size()).sum();
                long[] triples = {0};
                ReportConverter.standard().convert(g.file(), new StreamRDFBase() {
                    @Override
                    public void triple(Triple triple) {
                        triples[0]++;
                    }
                });
                boolean pass = same && numbered && actions.size() == g.actions() && empty == 0
                        && footnotes == g.footnotes() && report.metadata().id().equals(id(scale, seed));
                ok &= pass;
                System.out.printf("%s %5dx: %.2f MB, actions %d of %d (numbered 1..n: %s, none without description: %s),"
                                + " footnotes %d of %d, themes %d, %d triples, deterministic: %s%n",
                        pass ? "ok  " : "FAIL", scale, g.bytes() / 1e6, actions.size(), g.actions(), numbered, empty == 0,
                        footnotes, g.footnotes(), report.themes().size(), triples[0], same);
            }
        } finally {
            try (var files = java.nio.file.Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return ok;
    }
}
