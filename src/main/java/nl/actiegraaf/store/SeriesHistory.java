package nl.actiegraaf.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import nl.actiegraaf.vocab.AG;
import nl.actiegraaf.vocab.Iris;
import nl.actiegraaf.vocab.Vocab;

/**
 * What the editions of one series say together, derived from their graphs (EDITIONS-MODEL): the
 * current ("truthy") properties of every action, copied from the state the LATEST edition that
 * reports it gives ({@code graph/actueel/{series}}), and the changes between consecutive editions
 * ({@code graph/wijzigingen/{series}}, {@code ag:Wijziging}). Pure functions of the edition graphs:
 * the store decides which series and pairs a load touched; {@code convert} uses them too, so its
 * output is what a store holds after loading the same reports.
 */
public final class SeriesHistory {
    /** The properties of the latest state that become the action's direct properties. */
    static final List<Node> CURRENT = List.of(AG.status, AG.omschrijving, AG.standVanZaken, AG.thema,
            AG.deadline, AG.toezegging, AG.gebeurtenis, AG.eersteRegel, AG.laatsteRegel, AG.voetnoot);

    /** The predicates the derivation reads from an edition graph (everything else it never looks at). */
    private static final Set<Node> READ = Set.copyOf(union(Set.copyOf(CURRENT),
            Set.of(AG.reeks, Vocab.DCT_DATE, AG.stand, AG.nummer, AG.datum)));

    private SeriesHistory() {
    }

    /**
     * Whether the derivation reads {@code t}: a caller that streams an edition elsewhere (convert)
     * keeps only these to derive from.
     */
    public static boolean reads(Triple t) {
        return READ.contains(t.getPredicate())
                || (t.getPredicate().equals(Vocab.RDF_TYPE) && t.getObject().equals(AG.Rapport));
    }

    /**
     * The derived graphs of these edition graphs (by graph name) as a store that loads just them
     * holds them: per series the current state and the changes between every consecutive pair.
     */
    public static Map<String, Set<Triple>> derived(Map<String, Graph> editionGraphs) {
        Map<String, Edition> editions = SeriesUpdate.editions(editionGraphs.keySet(), editionGraphs::get);
        Map<String, Set<Triple>> out = new TreeMap<>();
        for (SeriesUpdate u : SeriesUpdate.plan(Map.of(), editions, editions.keySet(), editionGraphs::get, x -> null)) {
            out.put(u.currentGraph(), u.current());
            if (!u.changes().isEmpty()) {
                out.put(u.changesGraph(), u.changes());
            }
        }
        return out;
    }

    /** The current properties of the actions of these editions (one series, any order). */
    public static Set<Triple> current(List<Edition> editions, Function<String, Graph> graphs) {
        List<Edition> newestFirst = new ArrayList<>(editions);
        newestFirst.sort(Edition.ORDER.reversed());
        Set<Node> done = new HashSet<>();
        Set<Triple> out = new LinkedHashSet<>();
        for (Edition edition : newestFirst) {
            Graph graph = graphs.apply(edition.graph());
            for (Map.Entry<Node, Node> e : states(graph).entrySet()) {
                if (done.add(e.getKey())) {
                    for (Node p : CURRENT) {
                        graph.find(e.getValue(), p, Node.ANY)
                                .forEachRemaining(t -> out.add(Triple.create(e.getKey(), p, t.getObject())));
                    }
                }
            }
        }
        return out;
    }

    /** The changes from edition {@code from} to the next edition {@code to} of the same series. */
    public static Set<Triple> changes(Edition from, Edition to, Function<String, Graph> graphs) {
        Graph a = graphs.apply(from.graph());
        Graph b = graphs.apply(to.graph());
        Map<Node, Node> before = states(a);
        Map<Node, Node> after = states(b);
        Map<Integer, Node> actions = new TreeMap<>();
        for (Node action : union(before.keySet(), after.keySet())) {
            Integer n = number(after.containsKey(action) ? b : a, action);
            if (n != null) {
                actions.put(n, action);
            }
        }
        ChangeWriter out = new ChangeWriter(from, to);
        for (Map.Entry<Integer, Node> e : actions.entrySet()) {
            int n = e.getKey();
            Node action = e.getValue();
            Node old = before.get(action);
            Node now = after.get(action);
            if (old == null) {
                out.add(n, action, AG.NieuweActie, "nieuwe-actie", 0, null, value(b, now, AG.status));
            } else if (now == null) {
                out.add(n, action, AG.NietMeerGerapporteerd, "niet-meer-gerapporteerd", 0, value(a, old, AG.status), null);
            } else {
                Node oldStatus = value(a, old, AG.status);
                Node newStatus = value(b, now, AG.status);
                if (!Objects.equals(oldStatus, newStatus)) {
                    out.add(n, action, AG.StatusGewijzigd, "status-gewijzigd", 0, oldStatus, newStatus);
                }
                Node oldText = value(a, old, AG.omschrijving);
                Node newText = value(b, now, AG.omschrijving);
                if (!words(oldText).equals(words(newText))) {
                    out.add(n, action, AG.OmschrijvingGewijzigd, "omschrijving-gewijzigd", 0, oldText, newText);
                }
                deadlines(out, n, action, deadlines(a, old), deadlines(b, now));
            }
        }
        return out.triples;
    }

    /**
     * Deadlines are matched by date first (an unchanged date is no change, whatever the wording);
     * what is left on both sides is paired in date order as moved, the rest added or dropped (dropped
     * only when its date was still ahead at the later edition: a past deadline not repeated just passed).
     */
    private static void deadlines(ChangeWriter out, int n, Node action, List<Deadline> old, List<Deadline> now) {
        List<Deadline> gone = new ArrayList<>(old);
        List<Deadline> added = new ArrayList<>();
        for (Deadline d : now) {
            Deadline same = gone.stream().filter(o -> o.date().equals(d.date())).findFirst().orElse(null);
            if (same != null) {
                gone.remove(same);
            } else {
                added.add(d);
            }
        }
        int moved = Math.min(gone.size(), added.size());
        for (int i = 0; i < moved; i++) {
            out.deadline(n, action, AG.DeadlineVerschoven, "deadline-verschoven", i + 1, gone.get(i), added.get(i));
        }
        // A deadline that had passed by the later edition's date and is not given again simply passed;
        // only one still ahead and no longer given was dropped.
        int dropped = 0;
        for (int i = moved; i < gone.size(); i++) {
            if (out.to.date() == null || !gone.get(i).date().isBefore(out.to.date())) {
                out.deadline(n, action, AG.DeadlineVervallen, "deadline-vervallen", ++dropped, gone.get(i), null);
            }
        }
        for (int i = moved; i < added.size(); i++) {
            out.deadline(n, action, AG.DeadlineToegevoegd, "deadline-toegevoegd", i - moved + 1, null, added.get(i));
        }
    }

    /** A deadline of a state: its resource and date. */
    private record Deadline(Node node, Node dateLiteral, LocalDate date) {
    }

    private static List<Deadline> deadlines(Graph graph, Node state) {
        List<Deadline> list = new ArrayList<>();
        graph.find(state, AG.deadline, Node.ANY).forEachRemaining(t -> {
            Node date = value(graph, t.getObject(), AG.datum);
            if (date != null && date.isLiteral()) {
                try {
                    list.add(new Deadline(t.getObject(), date, LocalDate.parse(date.getLiteralLexicalForm())));
                } catch (RuntimeException e) {
                    // not a date: not compared
                }
            }
        });
        list.sort(Comparator.comparing(Deadline::date).thenComparing(d -> d.node().getURI()));
        return list;
    }

    /** Writes the triples of the changes to one edition. */
    private static final class ChangeWriter {
        private final Edition from;
        final Edition to;
        final Set<Triple> triples = new LinkedHashSet<>();

        ChangeWriter(Edition from, Edition to) {
            this.from = from;
            this.to = to;
        }

        Node add(int n, Node action, Node kind, String kindSlug, int k, Node oldValue, Node newValue) {
            Node change = Iris.change(to.id(), n, kindSlug, k);
            triple(change, Vocab.RDF_TYPE, AG.Wijziging);
            triple(change, AG.actie, action);
            triple(change, AG.van, from.report());
            triple(change, AG.naar, to.report());
            triple(change, AG.soort, kind);
            if (oldValue != null) {
                triple(change, AG.oudeWaarde, oldValue);
            }
            if (newValue != null) {
                triple(change, AG.nieuweWaarde, newValue);
            }
            return change;
        }

        void deadline(int n, Node action, Node kind, String kindSlug, int k, Deadline old, Deadline now) {
            Node change = add(n, action, kind, kindSlug, k, old == null ? null : old.dateLiteral(), now == null ? null : now.dateLiteral());
            if (old != null) {
                triple(change, AG.oudeDeadline, old.node());
            }
            if (now != null) {
                triple(change, AG.nieuweDeadline, now.node());
            }
        }

        private void triple(Node s, Node p, Node o) {
            triples.add(Triple.create(s, p, o));
        }
    }

    /** Action -> its state, as one edition graph holds them. */
    static Map<Node, Node> states(Graph graph) {
        Map<Node, Node> states = new HashMap<>();
        graph.find(Node.ANY, AG.stand, Node.ANY).forEachRemaining(t -> states.put(t.getSubject(), t.getObject()));
        return states;
    }

    private static Integer number(Graph graph, Node action) {
        Node n = value(graph, action, AG.nummer);
        if (n == null || !n.isLiteral()) {
            return null;
        }
        try {
            return Integer.valueOf(n.getLiteralLexicalForm());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Node value(Graph graph, Node subject, Node property) {
        return subject == null ? null : graph.find(subject, property, Node.ANY).nextOptional().map(Triple::getObject).orElse(null);
    }

    /** A text's words, case and punctuation aside: a change of layout is no change of description. */
    private static String words(Node text) {
        if (text == null || !text.isLiteral()) {
            return "";
        }
        return text.getLiteralLexicalForm().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private static Set<Node> union(Set<Node> a, Set<Node> b) {
        Set<Node> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
