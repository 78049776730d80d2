package nl.actiegraaf.web.api;

import java.util.List;

import org.apache.jena.graph.Node;

/**
 * Which editions a curated query sees: "as of" a date ({@code peildatum}), every edition of every
 * series published on or before it; "as of" an edition ({@code editie}), every edition published on or
 * before that edition's date. The actions' direct properties are then what the latest of those editions
 * that reports each action says, as the current state is what the latest edition says. Without either,
 * the query sees the current state ({@code graph/actueel/...}) and every edition.
 *
 * @param parameter the request parameter that chose it, for error messages
 * @param value an xsd:date (peildatum) or an edition's IRI (editie)
 */
public record AsOf(String parameter, Node value) {

    /** The as-of date. */
    public static final QueryParameter PEILDATUM = new QueryParameter("peildatum", ParameterType.DATE,
            "As of this date: the state as the latest edition on or before it reported it (default: the current state).",
            false, null, List.of(), null, null, "2021-07-01");
    /** The as-of edition. */
    public static final QueryParameter EDITIE = new QueryParameter("editie", ParameterType.IRI,
            "As of this edition (a name under id/rapport/): the state as the editions up to its date reported it.",
            false, null, List.of(), "https://w3id.org/actiegraaf/id/rapport/", null, "stand-van-zaken-pok-2021");
    /** Every query gets these unless it says {@code asOf: false} or declares a parameter of the same name. */
    public static final List<QueryParameter> PARAMETERS = List.of(PEILDATUM, EDITIE);

    /** A cache key part: the same choice, the same text. */
    String key() {
        return parameter + "=" + value;
    }
}
