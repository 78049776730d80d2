package nl.actiegraaf.rdf;

import static nl.actiegraaf.rdf.Vocab.*;

import nl.actiegraaf.report.Footnote;
import nl.actiegraaf.report.Report;
import nl.actiegraaf.report.ReportAction;
import nl.actiegraaf.report.ReportMetadata;
import nl.actiegraaf.report.Theme;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;

/**
 * The stage that writes what the table itself says: the report, its themes (a SKOS scheme) and each
 * action with its texts, theme, footnotes and the source lines it came from. Facts read from the
 * prose are another stage's work.
 */
public final class ReportWriter implements ReportConverter.Stage {
    private static final String NL = "nl";

    @Override
    public void write(Report report, StreamRDF out) {
        ReportMetadata meta = report.metadata();
        Node rapport = Ids.report(meta.id());
        emit(out, rapport, RDF_TYPE, AG.Rapport);
        for (Node standard : StandardTypes.of(AG.Rapport)) {
            emit(out, rapport, RDF_TYPE, standard);
        }
        emit(out, rapport, RDFS_LABEL, text(meta.title()));
        emit(out, rapport, DCT_TITLE, text(meta.title()));
        if (meta.publisher() != null) {
            emit(out, rapport, DCT_PUBLISHER, text(meta.publisher()));
        }
        if (meta.source() != null) {
            emit(out, rapport, DCT_SOURCE, NodeFactory.createURI(meta.source().toString()));
        }
        if (meta.date() != null) {
            emit(out, rapport, DCT_DATE, NodeFactory.createLiteralDT(meta.date().toString(), XSDDatatype.XSDdate));
        }
        // How each field was obtained (the date's is the fact stage's: it infers it when not given).
        if (meta.given().contains("title")) {
            FieldSources.given(out, meta.id(), "titel", DCT_TITLE);
        } else {
            FieldSources.inferred(out, meta.id(), "titel", DCT_TITLE, meta.title()); // the text's first line
        }
        if (meta.publisher() != null) {
            FieldSources.given(out, meta.id(), "uitgever", DCT_PUBLISHER);
        }
        if (meta.source() != null) {
            FieldSources.given(out, meta.id(), "bron", DCT_SOURCE);
        }

        emit(out, Ids.THEME_SCHEME, RDF_TYPE, SKOS_CONCEPT_SCHEME);
        emit(out, Ids.THEME_SCHEME, RDFS_LABEL, text("Thema's van de vervolgacties POK"));
        for (Theme theme : report.themes()) {
            writeTheme(theme, out);
        }
        for (ReportAction action : report.actions()) {
            writeAction(action, rapport, out);
        }
    }

    private static void writeTheme(Theme theme, StreamRDF out) {
        Node node = Ids.theme(theme.slug());
        emit(out, node, RDF_TYPE, AG.Thema);
        emit(out, node, RDF_TYPE, SKOS_CONCEPT); // = StandardTypes.of(AG.Thema)
        emit(out, node, RDFS_LABEL, text(theme.label()));
        emit(out, node, SKOS_PREF_LABEL, text(theme.label()));
        emit(out, node, SKOS_IN_SCHEME, Ids.THEME_SCHEME);
        if (theme.broader() != null) {
            emit(out, node, SKOS_BROADER, Ids.theme(theme.broader().slug()));
        } else {
            emit(out, node, SKOS_TOP_CONCEPT_OF, Ids.THEME_SCHEME);
        }
    }

    private static void writeAction(ReportAction action, Node rapport, StreamRDF out) {
        Node node = Ids.action(action.number());
        emit(out, node, RDF_TYPE, AG.Actie);
        for (Node standard : StandardTypes.of(AG.Actie)) {
            emit(out, node, RDF_TYPE, standard);
        }
        emit(out, node, RDFS_LABEL, text("Actie " + action.number()));
        emit(out, node, AG.nummer, integer(action.number()));
        if (!action.description().isEmpty()) {
            emit(out, node, AG.omschrijving, text(action.description().plain()));
        }
        if (!action.status().isEmpty()) {
            emit(out, node, AG.standVanZaken, text(action.status().plain()));
        }
        if (action.theme() != null) {
            emit(out, node, AG.thema, Ids.theme(action.theme().slug()));
        }
        emit(out, node, AG.rapport, rapport);
        emit(out, node, PROV_WAS_DERIVED_FROM, rapport);
        emit(out, node, AG.eersteRegel, integer(action.lines().first()));
        emit(out, node, AG.laatsteRegel, integer(action.lines().last()));
        for (Footnote footnote : action.footnotes()) {
            emit(out, node, AG.voetnoot, text(footnote.text()));
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
