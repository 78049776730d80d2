package nl.actiegraaf.vocab;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.NodeConst;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/** The standard (non-{@code ag:}) terms Actiegraaf writes, as nodes. */
public final class Vocab {
    public static final String PROV_NS = "http://www.w3.org/ns/prov#";

    public static final Node RDF_TYPE = NodeConst.nodeRDFType;
    public static final Node RDFS_LABEL = RDFS.label.asNode();
    public static final Node RDFS_SEE_ALSO = RDFS.seeAlso.asNode();
    public static final Node PROV_WAS_DERIVED_FROM = NodeFactory.createURI(PROV_NS + "wasDerivedFrom");
    public static final Node DCT_TITLE = DCTerms.title.asNode();
    public static final Node DCT_PUBLISHER = DCTerms.publisher.asNode();
    public static final Node DCT_SOURCE = DCTerms.source.asNode();
    public static final Node DCT_DATE = DCTerms.date.asNode();
    public static final Node SKOS_CONCEPT = SKOS.Concept.asNode();
    public static final Node SKOS_CONCEPT_SCHEME = SKOS.ConceptScheme.asNode();
    public static final Node SKOS_PREF_LABEL = SKOS.prefLabel.asNode();
    public static final Node SKOS_BROADER = SKOS.broader.asNode();
    public static final Node SKOS_IN_SCHEME = SKOS.inScheme.asNode();
    public static final Node SKOS_TOP_CONCEPT_OF = SKOS.topConceptOf.asNode();

    private Vocab() {
    }
}
