package nl.actiegraaf.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import nl.actiegraaf.link.tk.Finding;
import nl.actiegraaf.link.tk.KamerstukRef;
import nl.actiegraaf.link.tk.PageFolder;
import nl.actiegraaf.link.tk.RegisterPersons;
import nl.actiegraaf.link.tk.StoreView;
import nl.actiegraaf.link.tk.TkApi;
import nl.actiegraaf.link.tk.TkFetcher;
import nl.actiegraaf.vocab.Iris;
import nl.actiegraaf.link.tk.TkLinker;
import nl.actiegraaf.link.tk.TkPage;
import nl.actiegraaf.store.GraphSource;
import nl.actiegraaf.store.LoadException;
import nl.actiegraaf.store.LoadResult;
import nl.actiegraaf.store.Store;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code link tk}: links the store's motions and Kamerstukken to the Tweede Kamer's gegevensmagazijn
 * (votes, submitters, parties, the cabinet's advice) and loads the result as the graph {@code graph/tk}.
 */
@Command(name = "tk", mixinStandardHelpOptions = true,
        description = {"Link the motions and Kamerstukken in the store to the Tweede Kamer's open data (OData v4) and load the linkset into graph/tk, replacing it.",
                "Reads a folder of OData JSON pages (--pages), or fetches them (--fetch) politely, keeping each page in --cache so a re-run works offline.",
                "What cannot be matched is listed with the reason.",
                "Exit code 0; 1 when some requests or pages failed (what could be read is loaded); 2 on bad options or a store that cannot be loaded."})
public final class LinkTkCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--pages", paramLabel = "DIR", description = "A folder of OData JSON pages of Document (as the API returns them).")
        Path pages;

        @Option(names = "--fetch", description = "Fetch the pages from the API (see --api, --cache).")
        boolean fetch;
    }

    @Option(names = "--api", paramLabel = "URL", defaultValue = TkApi.DEFAULT_BASE,
            description = "The OData service root (default: ${DEFAULT-VALUE}).")
    String api;

    @Option(names = "--cache", paramLabel = "DIR", defaultValue = "tk-cache",
            description = "Where fetched pages are kept; a page found here is not asked again (default: ${DEFAULT-VALUE}).")
    Path cache;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30", description = "Time limit per request (default: ${DEFAULT-VALUE}).")
    long timeout;

    @Option(names = "--pause", paramLabel = "MILLIS", defaultValue = "1000",
            description = "Pause between two requests (default: ${DEFAULT-VALUE}).")
    long pause;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "2",
            description = "Tries again after a time-out or 429/503 (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--max-retry-after", paramLabel = "SECONDS", defaultValue = "120",
            description = "Longest Retry-After waited out; a longer one fails the request (default: ${DEFAULT-VALUE}).")
    long maxRetryAfter;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int[] exit = {0};
        int code = Failures.oneLine(spec, () -> {
            if (store.data == null && !store.remote()) {
                throw new LoadException("link tk needs --data DIR or --endpoint URL (the store holding the motions)");
            }
            if (timeout < 1 || pause < 0 || retries < 0 || maxRetryAfter < 0) {
                throw new LoadException("--timeout must be at least 1, --pause, --retries and --max-retry-after at least 0");
            }
            URI base = base();
            try (Store target = store.open(null)) {
                List<KamerstukRef> papers = StoreView.kamerstukken(target);
                if (papers.isEmpty()) {
                    throw new LoadException("the store holds no Kamerstukken with a dossier and number: load a report first");
                }
                RegisterPersons register = StoreView.persons(target);
                List<Finding> findings = new ArrayList<>();
                List<Finding> failures = new ArrayList<>();
                List<TkPage> pages;
                String origin;
                String fetchSummary = "";
                if (source.fetch) {
                    List<URI> requests = TkApi.documentRequests(base, papers);
                    out.println("link tk: " + papers.size() + " Kamerstukken in the store; " + requests.size()
                            + " request(s) to " + base + " (pages kept in " + cache + ")");
                    out.flush();
                    TkFetcher.Result fetched = new TkFetcher(new TkFetcher.Settings(base, cache, Duration.ofSeconds(timeout),
                            Duration.ofMillis(pause), retries, Duration.ofSeconds(maxRetryAfter)), out).fetch(requests);
                    pages = fetched.pages();
                    failures.addAll(fetched.failures());
                    origin = base.toString();
                    fetchSummary = "; pages: " + fetched.fromNetwork() + " fetched, " + fetched.fromCache() + " from the cache, "
                            + failures.size() + " request(s) failed";
                } else {
                    pages = PageFolder.read(source.pages, failures);
                    origin = source.pages.toString();
                    out.println("link tk: " + papers.size() + " Kamerstukken in the store; " + pages.size() + " page(s) in " + source.pages);
                }
                TkLinker.Outcome outcome = TkLinker.link(papers, register, pages, findings, base.toString());
                outcome.linkedLines().forEach(out::println);
                failures.forEach(f -> out.println(f.line()));
                // What was not linked first, then the notes on what was; each group in the store's order.
                findings.stream().sorted(java.util.Comparator.comparing(Finding::kind)).forEach(f -> out.println(f.line()));
                GraphSource linkset = GraphSource.of(Iris.TK_GRAPH, "TK records from " + origin,
                        sink -> outcome.graph().find().forEachRemaining(sink::triple));
                LoadResult result = target.load(List.of(linkset));
                result.replaced().forEach(g -> out.println("loaded    <" + g + ">"));
                result.unchanged().forEach(g -> out.println("unchanged <" + g + ">"));
                long unmatched = findings.stream().filter(f -> f.kind() == Finding.Kind.UNMATCHED).count();
                // Failed requests and pages go first: they explain why Kamerstukken further down are not linked.
                out.println("summary: " + outcome.matches().size() + " of " + papers.size() + " Kamerstukken linked ("
                        + outcome.matches().stream().filter(m -> m.vote() != null).count() + " with a vote), "
                        + unmatched + " not linked, " + findings.stream().filter(f -> f.kind() == Finding.Kind.NOTE).count()
                        + " note(s); " + outcome.documents() + " TK Document(s) read from " + pages.size() + " page(s)"
                        + fetchSummary + (source.fetch ? "" : ", " + failures.size() + " page(s) unreadable"));
                exit[0] = failures.isEmpty() ? 0 : 1;
            }
            out.flush();
        });
        return code != 0 ? code : exit[0];
    }

    private URI base() {
        try {
            URI base = TkApi.base(api);
            if (!base.isAbsolute() || !("https".equals(base.getScheme()) || "http".equals(base.getScheme()))) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return base;
        } catch (IllegalArgumentException e) {
            throw new LoadException("--api " + api + ": " + e.getMessage());
        }
    }
}
