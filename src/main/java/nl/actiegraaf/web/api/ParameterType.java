package nl.actiegraaf.web.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;

/**
 * The value types a curated-query parameter can declare in its header ({@code type: iri}). Each type
 * turns one request value into one RDF term, or refuses it; the term is then substituted into the
 * query's syntax tree, so a value can never become query text.
 */
public enum ParameterType {
    /** An absolute IRI, or a name resolved against the parameter's {@code base}. */
    IRI("iri", "string", "uri"),
    /** An xsd:integer. */
    INTEGER("integer", "integer", null),
    /** An xsd:date, written YYYY-MM-DD. */
    DATE("date", "string", "date"),
    /** A plain xsd:string. */
    STRING("string", "string", null),
    /** A string with the language tag the parameter declares ({@code lang: nl}). */
    LANG_STRING("langString", "string", null),
    /** An xsd:boolean, {@code true} or {@code false}. */
    BOOLEAN("boolean", "boolean", null);

    /** Longest text value accepted: a search phrase, not a document. */
    static final int MAX_LENGTH = 500;

    private final String headerName;
    private final String jsonSchemaType;
    private final String jsonSchemaFormat;

    ParameterType(String headerName, String jsonSchemaType, String jsonSchemaFormat) {
        this.headerName = headerName;
        this.jsonSchemaType = jsonSchemaType;
        this.jsonSchemaFormat = jsonSchemaFormat;
    }

    /** The name used in a query header. */
    public String headerName() {
        return headerName;
    }

    /** The JSON Schema type of the value in the OpenAPI document. */
    public String jsonSchemaType() {
        return jsonSchemaType;
    }

    /** The JSON Schema format (or null) of the value in the OpenAPI document. */
    public String jsonSchemaFormat() {
        return jsonSchemaFormat;
    }

    public static Optional<ParameterType> fromHeaderName(String name) {
        return Arrays.stream(values()).filter(t -> t.headerName.equals(name)).findFirst();
    }

    /**
     * The RDF term for one value.
     *
     * @param value the value as the client sent it
     * @param base for {@link #IRI}: the namespace a bare name is resolved against, or null
     * @param lang for {@link #LANG_STRING}: the language tag
     * @throws IllegalArgumentException with a message fit for the client when the value does not fit
     */
    public Node toNode(String value, String base, String lang) {
        requirePlainText(value);
        return switch (this) {
            case IRI -> iri(value, base);
            case INTEGER -> {
                if (!value.matches("[+-]?[0-9]{1,18}")) {
                    throw new IllegalArgumentException("not an integer: '" + shown(value) + "'");
                }
                yield NodeFactory.createLiteralDT(Long.toString(Long.parseLong(value)), XSDDatatype.XSDinteger);
            }
            case DATE -> {
                try {
                    if (!value.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
                        throw new DateTimeParseException("", value, 0);
                    }
                    yield NodeFactory.createLiteralDT(LocalDate.parse(value).toString(), XSDDatatype.XSDdate);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("not a date (YYYY-MM-DD): '" + shown(value) + "'");
                }
            }
            case STRING -> NodeFactory.createLiteralString(value);
            case LANG_STRING -> NodeFactory.createLiteralLang(value, lang);
            case BOOLEAN -> {
                if (!value.equals("true") && !value.equals("false")) {
                    throw new IllegalArgumentException("not a boolean (true or false): '" + shown(value) + "'");
                }
                yield NodeFactory.createLiteralDT(value, XSDDatatype.XSDboolean);
            }
        };
    }

    private static Node iri(String value, String base) {
        String candidate = value;
        if (base != null && !value.contains(":")) {
            // A bare name such as "signalen" or "organisatie/bzk": path segments only, none that climbs.
            if (!value.matches("[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*")
                    || java.util.Arrays.stream(value.split("/")).anyMatch(s -> s.equals(".") || s.equals(".."))) {
                throw new IllegalArgumentException("not a name or IRI: '" + shown(value) + "'");
            }
            candidate = base + value;
        }
        // Characters that are never in an IRI; refusing them here keeps the message clear.
        if (candidate.chars().anyMatch(c -> c <= 0x20 || "<>\"{}|^`\\".indexOf(c) >= 0)) {
            throw new IllegalArgumentException("not an IRI: '" + shown(value) + "'");
        }
        try {
            IRIx iri = IRIx.create(candidate);
            // isReference: a scheme, fragment allowed (def#Afgerond); only web and urn IRIs name things here.
            if (!iri.isReference() || iri.hasViolations() || !(iri.hasScheme("http") || iri.hasScheme("https")
                    || iri.hasScheme("urn"))) {
                throw new IllegalArgumentException("not an absolute http(s) IRI: '" + shown(value) + "'");
            }
        } catch (IRIException e) {
            throw new IllegalArgumentException("not an IRI: '" + shown(value) + "'");
        }
        return NodeFactory.createURI(candidate);
    }

    /**
     * Refuses what no honest value holds: control characters, unpaired surrogates, Unicode
     * noncharacters, the replacement character (what malformed UTF-8 in a URL decodes to) and
     * bidirectional overrides (which make a value read differently than it is).
     */
    private static void requirePlainText(String value) {
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw new IllegalArgumentException("contains an unpaired surrogate");
            }
            if (Character.isLowSurrogate(c)) {
                throw new IllegalArgumentException("contains an unpaired surrogate");
            }
            if (Character.isISOControl(c)) {
                throw new IllegalArgumentException("contains a control character (U+%04X)".formatted((int) c));
            }
            if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
                    || c == 0xFEFF || c == 0xFFFD || (c >= 0xFDD0 && c <= 0xFDEF) || c == 0xFFFE || c == 0xFFFF) {
                throw new IllegalArgumentException("contains a character not allowed in a value (U+%04X)".formatted((int) c));
            }
        }
    }

    /** A value as it may be echoed in an error message: short. */
    static String shown(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "..." : value;
    }
}
