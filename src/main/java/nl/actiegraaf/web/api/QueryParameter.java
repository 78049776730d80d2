package nl.actiegraaf.web.api;

import java.util.List;

import org.apache.jena.graph.Node;

/**
 * One parameter of a curated query, as its header declares it. The parameter's name is also the
 * name of the SPARQL variable it binds.
 *
 * @param name the request parameter and the query variable ({@code ?name})
 * @param type the value type
 * @param description what the value means, for the OpenAPI document
 * @param required whether a request must give it
 * @param defaultValue the value used when the request gives none, or null: then the variable stays
 *        unbound and the query reads it as "any"
 * @param allowed the only values accepted (an enumeration), or empty for any value of the type
 * @param base for IRI parameters: a namespace a bare name is resolved against ({@code signalen}), or null
 * @param lang for language strings: the language tag given to the value
 * @param example a value to show in the documentation, or null
 */
public record QueryParameter(String name, ParameterType type, String description, boolean required,
        String defaultValue, List<String> allowed, String base, String lang, String example) {

    public QueryParameter {
        allowed = List.copyOf(allowed);
    }

    /**
     * The RDF term for a request value.
     *
     * @throws ParameterException naming this parameter when the value does not fit
     */
    public Node bind(String value) {
        if (!allowed.isEmpty() && !allowed.contains(value)) {
            throw new ParameterException(name, "must be one of " + String.join(", ", allowed) + ", not '"
                    + ParameterType.shown(value) + "'");
        }
        try {
            return type.toNode(value, base, lang);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(name, e.getMessage());
        }
    }
}
