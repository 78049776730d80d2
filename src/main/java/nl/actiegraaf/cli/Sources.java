package nl.actiegraaf.cli;

import java.io.IOException;
import nl.actiegraaf.files.BoundedFile;
import nl.actiegraaf.files.Defaults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nl.actiegraaf.store.GraphSource;
import nl.actiegraaf.vocab.Iris;
import nl.actiegraaf.store.LoadException;
import nl.actiegraaf.store.RdfFileSource;
import nl.actiegraaf.store.ReportSource;

/** Turns files named on the command line into graph sources: reports are converted, RDF files read. */
final class Sources {
    static final Path ONTOLOGY = Path.of("ontology", "actiegraaf.ttl");
    static final Path SEEDS = Path.of("seeds");

    private Sources() {
    }

    /** A report ({@code .txt}) or an RDF file into the graph named after it. */
    static GraphSource of(Path file) {
        requireFile(file);
        if (isReport(file)) {
            return ReportConversion.source(file);
        }
        if (isOntology(file)) {
            return new RdfFileSource(file, Iris.ONTOLOGIE_GRAPH, RdfFileSource.DEFAULT_MAX_BYTES);
        }
        if (RdfFileSource.isRdfFile(file)) {
            return RdfFileSource.intoGraphNamedAfter(file);
        }
        throw new LoadException(file + ": neither a report (.txt) nor RDF (.ttl, .nt, .rdf, .owl, .jsonld)");
    }

    /** RDF files, all into one graph chosen by the user. */
    static GraphSource intoGraph(String graph, List<Path> files) {
        List<RdfFileSource> parts = new ArrayList<>();
        for (Path file : files) {
            requireFile(file);
            if (!RdfFileSource.isRdfFile(file)) {
                throw new LoadException(file + ": --graph takes RDF files (.ttl, .nt, .rdf, .owl, .jsonld); a report goes into its own graph");
            }
            parts.add(new RdfFileSource(file, graph, RdfFileSource.DEFAULT_MAX_BYTES));
        }
        String origin = String.join(", ", parts.stream().map(GraphSource::origin).toList());
        return GraphSource.of(graph, origin, out -> parts.forEach(part -> part.emit(out)));
    }

    /** The ontology and the registers of the default folders (working directory, else the jar; {@link Defaults}). */
    static List<GraphSource> standardGraphs() {
        return standardGraphs(Defaults.path(Defaults.ONTOLOGY), Defaults.path(Defaults.SEEDS));
    }

    /** The ontology and the registers in {@code seeds}, each into its agreed graph, for those files that exist. */
    static List<GraphSource> standardGraphs(Path ontology, Path seeds) {
        List<GraphSource> sources = new ArrayList<>();
        addIfPresent(sources, ontology, Iris.ONTOLOGIE_GRAPH);
        addIfPresent(sources, seeds.resolve("organisaties.ttl"), Iris.ORGANISATIES_GRAPH);
        addIfPresent(sources, seeds.resolve("kamerleden.ttl"), Iris.KAMERLEDEN_GRAPH);
        return sources;
    }

    /** Every report in {@code seeds} (each {@code *.txt}; its metadata file beside it is the converter's business). */
    static List<Path> seedReports(Path seeds) {
        if (!Files.isDirectory(seeds)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(seeds)) {
            return files.filter(Sources::isReport).sorted().toList();
        } catch (IOException e) {
            throw new LoadException(seeds + ": cannot list: " + e.getMessage(), e);
        }
    }

    /** The project's own ontology goes to its agreed graph, however it is named on the command line. */
    private static boolean isOntology(Path file) {
        try {
            return Files.isRegularFile(ONTOLOGY) && Files.isSameFile(file, ONTOLOGY);
        } catch (IOException e) {
            return false;
        }
    }

    static boolean isReport(Path file) {
        return file.getFileName().toString().endsWith(".txt");
    }

    private static void addIfPresent(List<GraphSource> sources, Path file, String graph) {
        if (Files.isRegularFile(file)) {
            sources.add(new RdfFileSource(file, graph, RdfFileSource.DEFAULT_MAX_BYTES));
        }
    }

    private static void requireFile(Path file) {
        if (!Files.exists(file)) {
            throw new LoadException(file + ": no such file");
        }
        try {
            BoundedFile.requireRegular(file);
        } catch (BoundedFile.Refused e) {
            throw new LoadException(file + ": " + e.getMessage());
        } catch (IOException e) {
            throw new LoadException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
