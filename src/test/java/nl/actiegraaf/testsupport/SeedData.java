package nl.actiegraaf.testsupport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import nl.actiegraaf.rdf.ReportConverter;
import nl.actiegraaf.store.GraphSource;
import nl.actiegraaf.store.RdfFileSource;
import nl.actiegraaf.store.ReportSource;
import nl.actiegraaf.vocab.Iris;

/**
 * The data as {@code serve} holds it, loaded the one way {@code load} and {@code serve} load it
 * ({@code Store.load}: current state and changes derived at load, load records, text index): the ontology,
 * the registers and reports, the real seed unless a test names others.
 */
public final class SeedData {
    /** The real seed report (June 2021). */
    public static final Path REPORT = Path.of("seeds", "stand-van-zaken-pok-2021.txt");
    public static final Path ONTOLOGY = Path.of("ontology", "actiegraaf.ttl");
    public static final Path QUERIES = Path.of("queries");

    private SeedData() {
    }

    /** A facade over the seed, with the curated queries and the real ontology, not started yet. */
    public static TestFacade facade() {
        return served(REPORT);
    }

    /** A facade over {@code reports} (converted as {@code load} does), with the curated queries and the real ontology, not started yet. */
    public static TestFacade served(Path... reports) {
        List<GraphSource> sources = sources(reports);
        return TestFacade.loadedBy(store -> store.load(sources)).queries(QUERIES).ontology(ONTOLOGY);
    }

    /** What {@code load} reads for {@code reports}: the ontology, the two registers of {@code seeds/}, each report. */
    public static List<GraphSource> sources(Path... reports) {
        List<GraphSource> sources = new ArrayList<>();
        sources.add(new RdfFileSource(ONTOLOGY, Iris.ONTOLOGIE_GRAPH, RdfFileSource.DEFAULT_MAX_BYTES));
        sources.add(new RdfFileSource(Path.of("seeds", "organisaties.ttl"), Iris.ORGANISATIES_GRAPH, RdfFileSource.DEFAULT_MAX_BYTES));
        sources.add(new RdfFileSource(Path.of("seeds", "kamerleden.ttl"), Iris.KAMERLEDEN_GRAPH, RdfFileSource.DEFAULT_MAX_BYTES));
        for (Path report : reports) {
            sources.add(new ReportSource(report, ReportConverter.standard()::convert));
        }
        return sources;
    }
}
