package nl.actiegraaf.rdf;

import nl.actiegraaf.vocab.Vocab;

import static nl.actiegraaf.vocab.Vocab.*;

import nl.actiegraaf.report.Footnote;
import nl.actiegraaf.report.Report;
import nl.actiegraaf.report.ReportAction;
import nl.actiegraaf.report.ReportMetadata;
import nl.actiegraaf.report.Theme;
import nl.actiegraaf.vocab.AG;
import nl.actiegraaf.vocab.Iris;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;

/**
 * The stage that writes what the table itself says, as one edition of a series (ontology: editions):
 * the report ({@code ag:Rapport}, {@code ag:reeks}), its series, the series' themes (a SKOS scheme per
 * series), and per row the edition-independent action ({@code id/actie/{series}/{n}}: number, series,
 * this edition, its state) and the state this edition reports ({@code id/stand/{edition}/{n}}: texts,
 * theme, footnotes, source lines). The action's current ("truthy") texts and status are not written
 * here: they depend on the other editions and are derived at load ({@code graph/actueel/{series}}).
 * Facts read from the prose are another stage's work.
 */
public final class ReportWriter implements ReportConverter.Stage {
    private static final String NL = "nl";

    @Override
    public void write(Report report, StreamRDF out) {
        ReportMetadata meta = report.metadata();
        Node rapport = Iris.report(meta.id());
        Node series = Iris.series(meta.series());
        // The Rapport first: the store names the graph after the first ag:Rapport it sees.
        emit(out, rapport, RDF_TYPE, AG.Rapport);
        emit(out, rapport, RDFS_LABEL, text(meta.title()));
        emit(out, rapport, DCT_TITLE, text(meta.title()));
        emit(out, rapport, AG.reeks, series);
        if (meta.publisher() != null) {
            emit(out, rapport, DCT_PUBLISHER, text(meta.publisher()));
        }
        if (meta.source() != null) {
            emit(out, rapport, DCT_SOURCE, NodeFactory.createURI(meta.source().toString()));
        }
        if (meta.date() != null) {
            emit(out, rapport, DCT_DATE, NodeFactory.createLiteralDT(meta.date().toString(), XSDDatatype.XSDdate));
        }
        emit(out, series, RDF_TYPE, AG.Reeks);
        emit(out, series, RDFS_LABEL, text(meta.title()));

        Node scheme = Iris.themeScheme(meta.series());
        emit(out, scheme, RDF_TYPE, SKOS_CONCEPT_SCHEME);
        emit(out, scheme, RDFS_LABEL, text("Thema's van " + meta.title()));
        for (Theme theme : report.themes()) {
            writeTheme(theme, meta.series(), scheme, out);
        }
        for (ReportAction action : report.actions()) {
            writeAction(action, meta, rapport, series, out);
        }
    }

    private static void writeTheme(Theme theme, String series, Node scheme, StreamRDF out) {
        Node node = Iris.theme(series, theme.slug());
        emit(out, node, RDF_TYPE, AG.Thema);
        emit(out, node, RDF_TYPE, SKOS_CONCEPT);
        emit(out, node, RDFS_LABEL, text(theme.label()));
        emit(out, node, SKOS_PREF_LABEL, text(theme.label()));
        emit(out, node, SKOS_IN_SCHEME, scheme);
        if (theme.broader() != null) {
            emit(out, node, SKOS_BROADER, Iris.theme(series, theme.broader().slug()));
        } else {
            emit(out, node, SKOS_TOP_CONCEPT_OF, scheme);
        }
    }

    private static void writeAction(ReportAction action, ReportMetadata meta, Node rapport, Node series, StreamRDF out) {
        int n = action.number();
        Node node = Iris.action(meta.series(), n);
        Node state = Iris.state(meta.id(), n);
        emit(out, node, RDF_TYPE, AG.Actie);
        emit(out, node, RDFS_LABEL, text("Actie " + n));
        emit(out, node, AG.nummer, integer(n));
        emit(out, node, AG.reeks, series);
        emit(out, node, AG.rapport, rapport);
        emit(out, node, PROV_WAS_DERIVED_FROM, rapport);
        emit(out, node, AG.stand, state);

        emit(out, state, RDF_TYPE, AG.Stand);
        emit(out, state, RDFS_LABEL, text("Actie " + n + " in " + meta.id()));
        emit(out, state, AG.actie, node);
        emit(out, state, AG.rapport, rapport);
        emit(out, state, PROV_WAS_DERIVED_FROM, rapport);
        if (!action.description().isEmpty()) {
            emit(out, state, AG.omschrijving, text(action.description().plain()));
        }
        if (!action.status().isEmpty()) {
            emit(out, state, AG.standVanZaken, text(action.status().plain()));
        }
        if (action.theme() != null) {
            emit(out, state, AG.thema, Iris.theme(meta.series(), action.theme().slug()));
        }
        emit(out, state, AG.eersteRegel, integer(action.lines().first()));
        emit(out, state, AG.laatsteRegel, integer(action.lines().last()));
        for (Footnote footnote : action.footnotes()) {
            emit(out, state, AG.voetnoot, text(footnote.text()));
        }
    }

    private static Node text(String value) {
        return NodeFactory.createLiteralLang(value, NL);
    }

    private static Node integer(int value) {
        return NodeFactory.createLiteralDT(Integer.toString(value), XSDDatatype.XSDinteger);
    }

    private static void emit(StreamRDF out, Node s, Node p, Node o) {
        out.triple(Triple.create(s, p, o));
    }
}
