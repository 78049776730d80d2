package nl.actiegraaf.store;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Iterator;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import nl.actiegraaf.vocab.AG;
import nl.actiegraaf.vocab.Iris;
import nl.actiegraaf.vocab.Vocab;

/**
 * One edition of a series as a store holds it: the graph {@code graph/rapport/{id}}, its
 * {@code ag:Rapport}, the series ({@code ag:reeks}) and the date ({@code dcterms:date}, null when the
 * report has none). Editions of a series are ordered by date, never by the order they were loaded;
 * two of one date by id, so the order is always the same.
 *
 * @param series the series slug ({@code id/reeks/{series}})
 */
public record Edition(String graph, Node report, String id, String series, LocalDate date) {
    /** Oldest first; an undated edition before every dated one. */
    public static final Comparator<Edition> ORDER = Comparator
            .comparing((Edition e) -> e.date(), Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder()))
            .thenComparing(Edition::id);

    /** The edition {@code content} (the graph named {@code graph}) holds, or null when it holds no report of a series. */
    public static Edition in(String graph, Graph content) {
        Iterator<Triple> reports = content.find(Node.ANY, Vocab.RDF_TYPE, AG.Rapport);
        while (reports.hasNext()) {
            Node report = reports.next().getSubject();
            String id = Iris.editionId(report);
            String series = content.find(report, AG.reeks, Node.ANY).nextOptional()
                    .map(t -> Iris.seriesSlug(t.getObject())).orElse(null);
            if (id != null && series != null) {
                return new Edition(graph, report, id, series, date(content, report));
            }
        }
        return null;
    }

    private static LocalDate date(Graph content, Node report) {
        return content.find(report, Vocab.DCT_DATE, Node.ANY).toList().stream()
                .map(Triple::getObject).filter(Node::isLiteral)
                .map(o -> {
                    try {
                        return LocalDate.parse(o.getLiteralLexicalForm());
                    } catch (RuntimeException e) {
                        return null; // not a date: ordered as undated
                    }
                })
                .filter(java.util.Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
    }
}
