package nl.actiegraaf.vocab;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.jena.riot.system.StreamRDF;

/**
 * The one prefix map of Actiegraaf: the converter's Turtle, the resource pages, the downloads and the
 * query editor all use these names, so what a reader sees matches the documentation.
 */
public final class Prefixes {
    public static final Map<String, String> ALL = build();

    private Prefixes() {
    }

    private static Map<String, String> build() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("ag", AG.NS);
        map.put("actie", Iris.ID + "actie/");
        map.put("stand", Iris.ID + "stand/");
        map.put("thema", Iris.ID + "thema/");
        map.put("rapport", Iris.ID + "rapport/");
        map.put("reeks", Iris.ID + "reeks/");
        map.put("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
        map.put("rdfs", "http://www.w3.org/2000/01/rdf-schema#");
        map.put("xsd", "http://www.w3.org/2001/XMLSchema#");
        map.put("owl", "http://www.w3.org/2002/07/owl#");
        map.put("skos", "http://www.w3.org/2004/02/skos/core#");
        map.put("prov", Vocab.PROV_NS);
        map.put("dcterms", "http://purl.org/dc/terms/");
        map.put("void", "http://rdfs.org/ns/void#");
        map.put("dcat", "http://www.w3.org/ns/dcat#");
        return Collections.unmodifiableMap(map);
    }

    /** Declares every prefix on {@code out} (for readable Turtle). */
    public static void writeTo(StreamRDF out) {
        ALL.forEach(out::prefix);
    }
}
