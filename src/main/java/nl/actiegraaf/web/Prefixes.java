package nl.actiegraaf.web;

import java.util.Map;
import org.apache.jena.rdf.model.Model;

/** The prefixes our RDF is written with, so Turtle and JSON-LD read like the documentation. */
final class Prefixes {
    static final Map<String, String> ALL = Map.of(
            "ag", "https://w3id.org/actiegraaf/def#",
            "rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
            "rdfs", "http://www.w3.org/2000/01/rdf-schema#",
            "xsd", "http://www.w3.org/2001/XMLSchema#",
            "owl", "http://www.w3.org/2002/07/owl#",
            "skos", "http://www.w3.org/2004/02/skos/core#",
            "prov", "http://www.w3.org/ns/prov#",
            "dcterms", "http://purl.org/dc/terms/",
            "void", "http://rdfs.org/ns/void#",
            "dcat", "http://www.w3.org/ns/dcat#");

    private Prefixes() {
    }

    static void apply(Model model) {
        model.setNsPrefixes(ALL);
    }
}
