package nl.actiegraaf.web.feed;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.sparql.exec.QueryExec;

import nl.actiegraaf.web.ClientOrigin;
import nl.actiegraaf.web.QueryAdmission;
import nl.actiegraaf.web.SparqlFiles;
import nl.actiegraaf.web.StoreClient;
import nl.actiegraaf.web.StoreFailure;
import nl.actiegraaf.web.WebContext;

/**
 * Atom feeds of the changes between editions, so people can subscribe: {@code /feed.atom} (every
 * series) and {@code /id/actie/{series}/{n}/feed.atom} (one action). Each edition is an entry listing
 * what changed ({@code feed/wijzigingen.rq}); registered before the linked-data routes, whose
 * {@code /id/...} would otherwise take the per-action path.
 */
public final class FeedRoutes {
    private static final String ID = "https://w3id.org/actiegraaf/id/";
    private static final String FEED_ID = "https://w3id.org/actiegraaf/feed.atom";
    private static final Query CHANGES = SparqlFiles.readPath("feed/wijzigingen.rq");
    private static final Query ACTION_EXISTS = SparqlFiles.readPath("feed/actie-bestaat.rq");
    /** The newest editions a feed lists; readers poll, they do not need the whole history each time. */
    private static final int ENTRIES = 50;
    private static final String ATOM_TYPE = "application/atom+xml; charset=utf-8";

    private final StoreClient store;
    private final QueryAdmission admission;

    private final ClientOrigin origin;

    private FeedRoutes(StoreClient store, QueryAdmission admission, ClientOrigin origin) {
        this.store = store;
        this.admission = admission;
        this.origin = origin;
    }

    public static void register(JavalinConfig config, WebContext context) {
        FeedRoutes routes = new FeedRoutes(context.store(), context.admission(), context.origin());
        config.routes.get("/feed.atom", routes::allSeries);
        config.routes.get("/id/actie/{series}/{number}/feed.atom", routes::oneAction);
    }

    private void allSeries(Context ctx) {
        String base = base(ctx);
        List<AtomFeed.Entry> entries;
        try (QueryAdmission.Ticket ticket = admission.admit(ctx)) {
            entries = entries(CHANGES, base, false);
        }
        send(ctx, new AtomFeed.Feed(FEED_ID, "Actiegraaf: wijzigingen per editie", base + ctx.path(), base + "/", entries));
    }

    private void oneAction(Context ctx) {
        String series = ctx.pathParam("series");
        String number = ctx.pathParam("number");
        if (!series.matches("[a-z0-9][a-z0-9-]{0,99}") || !number.matches("[0-9]{1,9}")) {
            throw new HttpResponseException(404, "No such action: " + series + "/" + number);
        }
        String action = ID + "actie/" + series + "/" + number;
        Node iri = NodeFactory.createURI(action);
        // The action goes into the query as a node of the syntax tree, never as pasted text.
        Query query = SparqlFiles.bind(CHANGES, Map.of("voorActie", iri));
        String base = base(ctx);
        List<AtomFeed.Entry> entries;
        try (QueryAdmission.Ticket ticket = admission.admit(ctx)) {
            entries = entries(query, base, true);
            if (entries.isEmpty() && !exists(iri)) {
                throw new HttpResponseException(404, "Unknown action: " + action);
            }
        }
        send(ctx, new AtomFeed.Feed(action + "/feed.atom", "Actiegraaf: wijzigingen van actie " + series + "/" + number,
                base + ctx.path(), base + "/id/actie/" + series + "/" + number, entries));
    }

    private boolean exists(Node action) {
        return read(SparqlFiles.bind(ACTION_EXISTS, Map.of("a", action)), QueryExec::ask);
    }

    private List<AtomFeed.Entry> entries(Query query, String base, boolean oneAction) {
        Map<String, EntryBuilder> editions = new LinkedHashMap<>();
        read(query, exec -> {
            ResultSet rows = ResultSet.adapt(exec.select());
            while (rows.hasNext()) {
                QuerySolution row = rows.next();
                String edition = row.getResource("rapport").getURI();
                EntryBuilder entry = editions.computeIfAbsent(edition, e -> new EntryBuilder(e, row));
                if (row.contains("actie")) {
                    String action = row.getResource("actie").getURI();
                    entry.changes.add(new AtomFeed.Change("Actie " + text(row.get("nummer")),
                            base + "/" + action.substring("https://w3id.org/actiegraaf/".length()), change(row)));
                }
            }
            return null;
        });
        List<AtomFeed.Entry> entries = new ArrayList<>();
        for (EntryBuilder entry : editions.values()) {
            if (entries.size() == ENTRIES) {
                break;
            }
            entries.add(entry.build(base, oneAction));
        }
        return entries;
    }

    /** "Status gewijzigd: Lopend → Afgerond", "Deadline verschoven: 2021-09-30 → 2022-03-31", "Nieuwe actie: Lopend". */
    private static String change(QuerySolution row) {
        String kind = row.contains("soortLabel") ? text(row.get("soortLabel"))
                : row.getResource("soort").getLocalName();
        String before = value(row, "oude");
        String after = value(row, "nieuwe");
        if (before == null && after == null) {
            return kind;
        }
        if (before == null || after == null) {
            // A new action's first status, a dropped action's last one, an added or dropped deadline's date.
            return kind + ": " + (before == null ? after : before);
        }
        return kind + ": " + (before == null ? "–" : before) + " → " + (after == null ? "–" : after);
    }

    private static String value(QuerySolution row, String name) {
        if (row.contains(name + "Label")) {
            return text(row.get(name + "Label"));
        }
        if (!row.contains(name)) {
            return null;
        }
        String value = text(row.get(name));
        // A whole description is too long for a line: its start says which text changed.
        return value.length() > 160 ? value.substring(0, 157) + "..." : value;
    }

    private static String text(RDFNode node) {
        return node.isLiteral() ? node.asLiteral().getLexicalForm() : node.asResource().getURI();
    }

    /** The changes of one edition as they come from the rows. */
    private static final class EntryBuilder {
        final String edition;
        final String title;
        final LocalDate date;
        final List<AtomFeed.Change> changes = new ArrayList<>();

        EntryBuilder(String edition, QuerySolution row) {
            this.edition = edition;
            String series = row.contains("reeksLabel") ? text(row.get("reeksLabel")) : null;
            String own = row.contains("titel") ? text(row.get("titel")) : edition.substring(edition.lastIndexOf('/') + 1);
            this.title = series != null && !own.startsWith(series) ? series + " – " + own : own;
            this.date = LocalDate.parse(text(row.get("datum")));
        }

        AtomFeed.Entry build(String base, boolean oneAction) {
            String id = edition.substring(edition.lastIndexOf('/') + 1);
            String summary = changes.isEmpty() ? "Eerste editie van de reeks: nog geen wijzigingen om te tonen."
                    : changes.size() + (changes.size() == 1 ? " wijziging" : " wijzigingen")
                            + (oneAction ? " van deze actie" : "") + " ten opzichte van de vorige editie.";
            return new AtomFeed.Entry(edition, title + " (" + date + ")", date,
                    base + "/?naar=" + id + "#wijzigingen", changes, summary);
        }
    }

    /** A read through the facade's one way to the store; its failures as statuses a feed reader retries on. */
    private <T> T read(Query query, java.util.function.Function<QueryExec, T> answer) {
        try {
            return store.read(query, answer);
        } catch (StoreFailure e) {
            throw switch (e.kind()) {
                case TIMEOUT -> new HttpResponseException(504, "The feed's query exceeded the time limit of " + e.limitText());
                case OVER_LIMIT -> new HttpResponseException(e.storeStatus(), e.reason());
                default -> new HttpResponseException(502, "The store failed: " + e.reason());
            };
        }
    }

    private void send(Context ctx, AtomFeed.Feed feed) {
        ctx.contentType(ATOM_TYPE).result(AtomFeed.write(feed));
    }

    /** The site's base as configured or forwarded by a trusted proxy, never the request's Host header. */
    private String base(Context ctx) {
        return origin.base(ctx);
    }
}
