package nl.actiegraaf.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import nl.actiegraaf.store.GraphSource;
import nl.actiegraaf.store.LoadException;
import nl.actiegraaf.store.LoadResult;
import nl.actiegraaf.store.Store;
import nl.actiegraaf.vocab.Iris;
import nl.actiegraaf.vocab.Slug;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code load}: converts reports and reads RDF files into a store kept between runs, all or nothing. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Load reports (converted) and RDF files into a store kept between runs.",
                "All files are one load: if one fails, the store keeps its previous data (embedded: one TDB2",
                "transaction; --endpoint: nothing is sent unless every file reads cleanly).",
                "A graph whose content is already in the store is not written again."})
public final class LoadCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Mixin
    LoggingOptions logging;

    @Option(names = "--graph", paramLabel = "IRI",
            description = "Put the RDF files (not reports) into this named graph; default: a graph named after each file.")
    String graph;

    @Option(names = "--remove", paramLabel = "EDITION-ID",
            description = "Remove this edition (the graph graph/rapport/EDITION-ID) in the same load; its series'"
                    + " current state and changes are recomputed from the editions left. Repeatable.")
    List<String> remove = new ArrayList<>();

    @Parameters(paramLabel = "FILE", arity = "0..*",
            description = "Reports (*.txt, with their *.meta.properties) and RDF files (.ttl, .nt, .rdf, .owl, .jsonld).")
    List<Path> files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return Failures.oneLine(spec, () -> {
            logging.apply(); // before the first logger exists
            if (store.data == null && !store.remote()) {
                throw new LoadException("load needs --data DIR or --endpoint URL (a store that outlives this command)");
            }
            if ((files == null || files.isEmpty()) && remove.isEmpty()) {
                throw new LoadException("load needs FILE... to load or --remove EDITION-ID");
            }
            for (String edition : remove) {
                if (!Slug.isSlug(edition)) {
                    throw new LoadException("--remove " + edition + ": not an edition id (lower case letters, digits and hyphens)");
                }
            }
            List<GraphSource> sources = sources();
            try (Store target = store.open(null)) {
                LoadResult result;
                try (Progress progress = Progress.start("Loading", sources.size())) {
                    result = target.load(sources.stream().<GraphSource>map(s -> new ProgressSource(s, progress)).toList(), remove);
                }
                result.replaced().forEach(g -> out.println("loaded    <" + g + ">"));
                result.unchanged().forEach(g -> out.println("unchanged <" + g + ">"));
                result.removed().forEach(g -> out.println("removed   <" + g + ">"));
            }
            out.flush();
        });
    }

    private List<GraphSource> sources() {
        List<GraphSource> sources = new ArrayList<>();
        if (files == null) {
            return sources;
        }
        if (graph != null) {
            String iri = checkedIri(graph);
            List<Path> rdf = files.stream().filter(f -> !Sources.isReport(f)).toList();
            files.stream().filter(Sources::isReport).forEach(f -> sources.add(Sources.of(f)));
            if (!rdf.isEmpty()) {
                sources.add(Sources.intoGraph(iri, rdf));
            }
        } else {
            files.forEach(f -> sources.add(Sources.of(f)));
        }
        return sources;
    }

    private static String checkedIri(String value) {
        try {
            IRIx iri = IRIx.create(value);
            if (!iri.isAbsolute()) {
                throw new LoadException("--graph " + value + ": not an absolute IRI");
            }
            if (Iris.isManagedGraph(iri.str())) {
                throw new LoadException("--graph " + value + ": reserved, the store writes this graph itself"
                        + " (load records, statistics, editions from reports, current state and changes); choose another graph");
            }
            return iri.str();
        } catch (IRIException e) {
            throw new LoadException("--graph " + value + ": not an IRI (" + e.getMessage() + ")");
        }
    }
}
