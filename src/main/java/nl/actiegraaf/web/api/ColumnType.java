package nl.actiegraaf.web.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The type of a result column, as a query's {@code columns:} header declares it, and how it shows in
 * the JSON rows ({@link ResultValues}) and so in the OpenAPI document: an IRI is a string of format
 * {@code uri}, a date a string of format {@code date}, numbers and booleans are JSON numbers and booleans.
 */
public enum ColumnType {
    IRI("string", "uri"),
    INTEGER("integer", null),
    DECIMAL("number", null),
    DATE("string", "date"),
    BOOLEAN("boolean", null),
    /** Text, or a column whose values are of several kinds (an IRI in one row, a date in the next). */
    STRING("string", null);

    private final String jsonSchemaType;
    private final String jsonSchemaFormat;

    ColumnType(String jsonSchemaType, String jsonSchemaFormat) {
        this.jsonSchemaType = jsonSchemaType;
        this.jsonSchemaFormat = jsonSchemaFormat;
    }

    /** The name in a header: {@code iri}, {@code integer}, ... */
    public String headerName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String jsonSchemaType() {
        return jsonSchemaType;
    }

    /** null when the type has no format */
    public String jsonSchemaFormat() {
        return jsonSchemaFormat;
    }

    static Optional<ColumnType> ofHeaderName(String name) {
        return Arrays.stream(values()).filter(t -> t.headerName().equals(name)).findFirst();
    }

    static String headerNames() {
        return String.join(", ", Arrays.stream(values()).map(ColumnType::headerName).toList());
    }
}
