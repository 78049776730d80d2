package nl.actiegraaf.link.tk;

import nl.actiegraaf.vocab.AG;

import nl.actiegraaf.vocab.Iris;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;

/** From pages to the linkset: reads the Documents, joins them to the graph's Kamerstukken, writes the graph. */
public final class TkLinker {
    /** What one run made, and what it has to say about it. */
    public record Outcome(List<TkMatch> matches, Graph graph, List<Finding> findings, int documents) {
        /** One line per linked Kamerstuk: its Zaak, the vote and the submitters. */
        public List<String> linkedLines() {
            List<String> lines = new ArrayList<>();
            for (TkMatch match : matches) {
                StringBuilder line = new StringBuilder(String.format("%-10s %-12s Document %s", "linked", match.paper().key(),
                        match.document().documentNummer()));
                if (match.zaak() != null) {
                    line.append(", Zaak ").append(match.zaak().nummer());
                    Node paper = NodeFactory.createURI(match.paper().iri());
                    long submitters = graph.find(paper, AG.indiener, Node.ANY).toList().size();
                    line.append(", ").append(submitters).append(" submitter(s)");
                }
                if (match.vote() != null) {
                    Node vote = Iris.vote(match.paper().iri());
                    line.append(", vote ").append(value(vote, AG.uitslag)).append(" on ").append(value(vote, org.apache.jena.vocabulary.DCTerms.date.asNode()))
                            .append(" (for ").append(value(vote, AG.stemmenVoor)).append(", against ")
                            .append(value(vote, AG.stemmenTegen)).append(")");
                }
                lines.add(line.toString());
            }
            return lines;
        }

        private String value(Node subject, Node property) {
            List<Triple> found = graph.find(subject, property, Node.ANY).toList();
            if (found.isEmpty()) {
                return "?";
            }
            Node o = found.get(0).getObject();
            return o.isURI() ? o.getLocalName() : o.getLiteralLexicalForm();
        }
    }

    private TkLinker() {
    }

    public static Outcome link(List<KamerstukRef> papers, RegisterPersons register, List<TkPage> pages,
                               List<Finding> findings, String apiBase) {
        List<TkRecords.Document> documents = new ArrayList<>();
        for (TkPage page : pages) {
            documents.addAll(page.documents());
            page.problems().forEach(p -> findings.add(new Finding(Finding.Kind.NOTE, "page", p)));
        }
        List<TkMatch> matches = TkMatcher.match(papers, documents, findings);
        Graph graph = TkGraphWriter.write(matches, register, findings, apiBase);
        return new Outcome(matches, graph, findings, (int) documents.stream().map(TkRecords.Document::id).distinct().count());
    }
}
