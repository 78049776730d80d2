package nl.actiegraaf.web.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import nl.actiegraaf.vocab.Iris;
import nl.actiegraaf.web.EditDistance;
import nl.actiegraaf.web.SparqlFiles;
import nl.actiegraaf.web.StoreClient;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;

/**
 * Entity-aware search: what the text names (an action or motion by number, an organisation, person or
 * theme by name) and the actions those lead to come first; then the full-text hits of the store's text
 * index, ranked by its score, each with the sentence that matched. Every value enters the queries
 * ({@code sparql/zoek-*.rq}) as a bound RDF term.
 */
public final class Search {
    private static final int MAX_ENTITIES = 10;
    private static final double TEXT_WEIGHT = 0.8;

    private final StoreClient store;
    private final Query actionsWithNumber = SparqlFiles.read("zoek-actie-nummer");
    private final Query motions = SparqlFiles.read("zoek-motie");
    private final Query names = SparqlFiles.read("zoek-naam");
    private final Query entityActions = SparqlFiles.read("zoek-entiteit-acties");
    private final Query fullText = SparqlFiles.read("zoek-tekst");
    private final Query actionDetails = SparqlFiles.read("zoek-acties");

    Search(StoreClient store) {
        this.store = store;
    }

    /** What a row shows of an action. */
    private record Action(String iri, int nummer, String omschrijving, String standVanZaken, String status,
                          String statusNl, String statusEn) {
        String text() {
            return (omschrijving == null ? "" : omschrijving) + (standVanZaken == null ? "" : "\n\n" + standVanZaken);
        }
    }

    /** An action found, before it becomes a row. */
    private record Found(String iri, double score, String via, String snippet) {
    }

    /** The answer for {@code q} in {@code lang} (nl or en), at most {@code limit} actions. */
    public SearchAnswer answer(String q, String lang, int limit) {
        return answer(q, SearchTexts.of(lang), limit);
    }

    SearchAnswer answer(String q, SearchTexts texts, int limit) {
        if (q.isBlank()) {
            return new SearchAnswer(q, List.of(), List.of(), texts.get("leeg"), null);
        }
        SearchRequest request = SearchRequest.read(q);
        Map<String, Action> actions = actions();
        List<SearchAnswer.Entity> entities = new ArrayList<>();
        Map<String, Found> found = new LinkedHashMap<>();
        String melding = null;
        String suggestie = null;
        String textQuery = null;

        switch (request.kind()) {
            case ACTION_NUMBER -> {
                Node number = integer(request.number().getAsInt());
                for (Binding row : select(SparqlFiles.bind(actionsWithNumber, Map.of("nummer", number)))) {
                    String iri = row.get(Var.alloc("entiteit")).getURI();
                    Action action = actions.get(iri);
                    entities.add(entity(iri, "Actie", label(row, "Actie " + request.number().getAsInt()),
                            List.of(request.number().getAsInt())));
                    String snippet = action == null ? "" : Snippets.forPhrase(nullToEmpty(action.omschrijving()), null);
                    found.merge(iri, new Found(iri, 1.0, "nummer", snippet), Search::better);
                }
                if (entities.isEmpty()) {
                    melding = texts.format("geenActie", request.number().getAsInt());
                    textQuery = "\"" + request.number().getAsInt() + "\"";
                }
            }
            case MOTION_NUMBER -> {
                Map<String, Node> values = new HashMap<>();
                values.put("ondernummer", integer(request.number().getAsInt()));
                if (request.dossier() != null) {
                    values.put("dossier", NodeFactory.createLiteralString(request.dossier()));
                }
                for (Binding row : select(SparqlFiles.bind(motions, values))) {
                    String iri = row.get(Var.alloc("entiteit")).getURI();
                    entities.add(leadsTo(iri, "Motie", label(row, iri), 1.0, actions, found));
                }
                if (entities.isEmpty()) {
                    melding = texts.format("geenMotie", request.motionName());
                    textQuery = request.dossier() == null ? "\"nr " + request.number().getAsInt() + "\""
                            : "\"" + request.dossier() + " " + request.number().getAsInt() + "\"";
                }
            }
            case WORDS -> {
                String name = request.text().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
                boolean words = name.length() >= 4;
                if (!name.isEmpty()) {
                    List<Binding> rows = select(SparqlFiles.bind(names, Map.of(
                            "naam", NodeFactory.createLiteralString(name),
                            "woorden", NodeFactory.createLiteralDT(Boolean.toString(words), XSDDatatype.XSDboolean))));
                    for (Binding row : rows.subList(0, Math.min(rows.size(), MAX_ENTITIES))) {
                        String iri = row.get(Var.alloc("entiteit")).getURI();
                        boolean exact = Boolean.parseBoolean(row.get(Var.alloc("precies")).getLiteralLexicalForm());
                        entities.add(leadsTo(iri, row.get(Var.alloc("soort")).getLiteralLexicalForm(), label(row, iri),
                                exact ? 1.0 : 0.95, actions, found));
                    }
                }
                Optional<String> problem = TextSyntax.problem(request.text());
                if (problem.isPresent()) {
                    suggestie = TextSyntax.plainWords(request.text());
                    melding = suggestie.isEmpty() ? texts.format("onleesbaarLeeg", problem.get())
                            : texts.format("onleesbaar", problem.get(), suggestie);
                    textQuery = suggestie.isEmpty() ? null : suggestie;
                } else {
                    textQuery = request.text();
                }
            }
        }
        if (textQuery != null) {
            textHits(textQuery, actions, found);
        }
        if (found.isEmpty()) {
            String tried = textQuery == null ? request.text() : textQuery;
            if (melding == null) {
                melding = texts.format("niets", request.text());
            }
            if (suggestie == null || suggestie.isEmpty()) {
                suggestie = didYouMean(tried).orElse(null);
                if (suggestie != null) {
                    melding = melding + " " + texts.format("bedoelde", suggestie);
                }
            }
        }
        if (suggestie != null && suggestie.isEmpty()) {
            suggestie = null;
        }
        List<SearchAnswer.ActionHit> rows = found.values().stream()
                .sorted(Comparator.comparingDouble(Found::score).reversed()
                        .thenComparingInt(f -> actions.containsKey(f.iri()) ? actions.get(f.iri()).nummer() : Integer.MAX_VALUE))
                .limit(limit)
                .map(f -> row(f, actions.get(f.iri()), texts.lang()))
                .filter(java.util.Objects::nonNull)
                .toList();
        return new SearchAnswer(q, entities, rows, melding, suggestie);
    }

    /** The entity, and every action it leads to added to {@code found} with its role's score. */
    private SearchAnswer.Entity leadsTo(String iri, String type, String label, double weight, Map<String, Action> actions,
                                        Map<String, Found> found) {
        Set<Integer> numbers = new TreeSet<>();
        for (Binding row : select(SparqlFiles.bind(entityActions, Map.of("entiteit", NodeFactory.createURI(iri))))) {
            String action = row.get(Var.alloc("actie")).getURI();
            String role = row.get(Var.alloc("rol")).getLiteralLexicalForm();
            Node words = row.get(Var.alloc("bron"));
            numbers.add(Integer.parseInt(row.get(Var.alloc("nummer")).getLiteralLexicalForm()));
            Action known = actions.get(action);
            String snippet = known == null ? "" : Snippets.forPhrase(known.text(), words == null ? null : words.getLiteralLexicalForm());
            found.merge(action, new Found(action, weight * score(role), via(role, type), snippet), Search::better);
        }
        return entity(iri, type, label, List.copyOf(numbers));
    }

    /** How directly a role ties an action to what the text names. */
    private static double score(String role) {
        return switch (role) {
            case "uitvoering", "verantwoordelijke", "indiener" -> 1.0;
            case "betrokkene", "toezegging" -> 0.95;
            default -> 0.9; // genoemd, thema
        };
    }

    private static String via(String role, String type) {
        return switch (role) {
            case "uitvoering" -> "motie";
            case "verantwoordelijke", "betrokkene" -> "organisatie";
            case "indiener" -> "persoon";
            case "thema" -> "thema";
            default -> type.toLowerCase(Locale.ROOT);
        };
    }

    private void textHits(String luceneQuery, Map<String, Action> actions, Map<String, Found> found) {
        List<Binding> rows = select(SparqlFiles.bind(fullText, Map.of("q", NodeFactory.createLiteralString(luceneQuery))));
        double top = rows.stream().mapToDouble(r -> number(r, "score")).max().orElse(1.0);
        Set<String> stems = TextSyntax.stems(luceneQuery);
        Set<String> prefixes = TextSyntax.prefixes(luceneQuery);
        for (Binding row : rows) {
            String iri = row.get(Var.alloc("actie")).getURI();
            if (found.containsKey(iri) || !actions.containsKey(iri)) {
                continue; // an entity's action keeps its place; rows are best first, so the first hit is the best
            }
            Node text = row.get(Var.alloc("tekst"));
            String snippet = text == null ? "" : Snippets.forWords(text.getLiteralLexicalForm(), stems, prefixes);
            found.put(iri, new Found(iri, TEXT_WEIGHT * number(row, "score") / (top <= 0 ? 1 : top), "tekst", snippet));
        }
    }

    /** A text close to {@code q} that the index has words for: each word replaced by the nearest word of the hits of its fuzzy form. */
    private Optional<String> didYouMean(String q) {
        List<String> words = TextSyntax.words(q);
        if (words.isEmpty() || words.size() > 5) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        boolean changed = false;
        for (String word : words) {
            String lower = word.toLowerCase(Locale.ROOT);
            String best = word;
            if (word.length() >= 4 && !word.chars().allMatch(Character::isDigit)) {
                int bestDistance = 3;
                for (Binding row : select(SparqlFiles.bind(fullText, Map.of("q", NodeFactory.createLiteralString(lower + "~2"))))) {
                    Node text = row.get(Var.alloc("tekst"));
                    if (text == null) {
                        continue;
                    }
                    for (String candidate : text.getLiteralLexicalForm().split("[^\\p{L}\\p{N}]+")) {
                        int d = EditDistance.between(lower, candidate.toLowerCase(Locale.ROOT));
                        if (d > 0 && d < bestDistance) {
                            bestDistance = d;
                            best = candidate.toLowerCase(Locale.ROOT);
                        }
                    }
                }
            }
            changed |= !best.equals(word);
            out.add(best);
        }
        return changed ? Optional.of(String.join(" ", out)) : Optional.empty();
    }

    private SearchAnswer.ActionHit row(Found found, Action action, String lang) {
        if (action == null) {
            return null;
        }
        String status = action.status() == null ? null : action.status().substring(action.status().lastIndexOf('#') + 1);
        String statusLabel = "en".equals(lang) && action.statusEn() != null ? action.statusEn()
                : action.statusNl() != null ? action.statusNl() : status;
        return new SearchAnswer.ActionHit(action.nummer(), action.iri(), page(action.iri()), shortDescription(action.omschrijving()),
                status, statusLabel, found.snippet(), Math.round(found.score() * 1000) / 1000.0, found.via());
    }

    /** The description's first paragraph, cut at a word near 200 characters. */
    static String shortDescription(String omschrijving) {
        if (omschrijving == null) {
            return "";
        }
        String first = omschrijving.strip().split("\\n\\s*\\n", 2)[0].replaceAll("\\s+", " ");
        if (first.length() <= 200) {
            return first;
        }
        int cut = first.lastIndexOf(' ', 200);
        return first.substring(0, cut < 100 ? 200 : cut) + " …";
    }

    private Map<String, Action> actions() {
        Map<String, Action> actions = new HashMap<>();
        for (Binding row : select(actionDetails)) {
            String iri = row.get(Var.alloc("actie")).getURI();
            actions.put(iri, new Action(iri, Integer.parseInt(row.get(Var.alloc("nummer")).getLiteralLexicalForm()),
                    text(row, "omschrijving"), text(row, "standVanZaken"),
                    row.get(Var.alloc("status")) == null ? null : row.get(Var.alloc("status")).getURI(),
                    text(row, "statusNl"), text(row, "statusEn")));
        }
        return actions;
    }

    private List<Binding> select(Query query) {
        return store.read(query, exec -> {
            List<Binding> rows = new ArrayList<>();
            // copy: a TDB2 row decodes lazily, and is read after the transaction
            exec.select().forEachRemaining(b -> rows.add(org.apache.jena.sparql.engine.binding.BindingFactory.copy(b)));
            return rows;
        });
    }

    private static SearchAnswer.Entity entity(String iri, String type, String label, List<Integer> actions) {
        return new SearchAnswer.Entity(iri, type, label, page(iri), actions);
    }

    static String page(String iri) {
        return iri.startsWith(Iris.ROOT + "/") ? iri.substring(Iris.ROOT.length()) : iri;
    }

    private static Found better(Found a, Found b) {
        return b.score() > a.score() ? b : a;
    }

    private static String label(Binding row, String fallback) {
        String label = text(row, "label");
        return label == null ? fallback : label;
    }

    private static String text(Binding row, String var) {
        Node node = row.get(Var.alloc(var));
        return node == null || !node.isLiteral() ? null : node.getLiteralLexicalForm();
    }

    private static double number(Binding row, String var) {
        Node node = row.get(Var.alloc(var));
        return node == null ? 0 : Double.parseDouble(node.getLiteralLexicalForm());
    }

    private static Node integer(int n) {
        return NodeFactory.createLiteralDT(Integer.toString(n), XSDDatatype.XSDinteger);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
