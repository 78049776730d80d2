package nl.actiegraaf.rdf;

import nl.actiegraaf.vocab.StandardTypes;

import nl.actiegraaf.vocab.AG;
import nl.actiegraaf.vocab.Vocab;
import nl.actiegraaf.vocab.Iris;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;

/**
 * Records how a field of a report was obtained: given in its metadata file ({@code ag:UitMetadata}),
 * or inferred from its text ({@code ag:AfgeleidUitTekst}, with the words it was read from). A
 * researcher who sees the report's dcterms:date can tell whether anyone stated it.
 * {@code id/rapport/{id}/herkomst/{field}} a ag:Veldherkomst ; ag:veld dcterms:date ; ag:wijze ... .
 */
final class FieldSources {
    private FieldSources() {
    }

    /** The field was given in the metadata file. */
    static void given(StreamRDF out, String reportId, String field, Node property) {
        write(out, reportId, field, property, AG.UitMetadata, null);
    }

    /** The field was inferred from {@code words} of the report's text. */
    static void inferred(StreamRDF out, String reportId, String field, Node property, String words) {
        write(out, reportId, field, property, AG.AfgeleidUitTekst, words);
    }

    private static void write(StreamRDF out, String reportId, String field, Node property, Node how, String words) {
        Node report = Iris.report(reportId);
        Node source = Iris.fieldSource(reportId, field);
        emit(out, report, AG.herkomst, source);
        emit(out, source, Vocab.RDF_TYPE, AG.Veldherkomst);
        for (Node standard : StandardTypes.of(AG.Veldherkomst)) {
            emit(out, source, Vocab.RDF_TYPE, standard);
        }
        emit(out, source, Vocab.RDFS_LABEL, NodeFactory.createLiteralLang("Herkomst van " + field + " van rapport " + reportId, "nl"));
        emit(out, source, AG.veld, property);
        emit(out, source, AG.wijze, how);
        if (words != null) {
            emit(out, source, AG.tekst, NodeFactory.createLiteralLang(words, "nl"));
        }
    }

    private static void emit(StreamRDF out, Node s, Node p, Node o) {
        out.triple(Triple.create(s, p, o));
    }
}
