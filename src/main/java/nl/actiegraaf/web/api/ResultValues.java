package nl.actiegraaf.web.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.engine.binding.Binding;

/**
 * Rows as plain values, the shape a chart library wants: IRIs as strings, numbers as numbers,
 * booleans as booleans, any other literal as its lexical form, unbound as null.
 */
final class ResultValues {
    private ResultValues() {
    }

    static Map<String, Object> row(List<String> vars, Binding binding) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (String var : vars) {
            row.put(var, value(binding.get(var)));
        }
        return row;
    }

    static Object value(Node node) {
        if (node == null) {
            return null;
        }
        if (node.isURI()) {
            return node.getURI();
        }
        if (node.isBlank()) {
            return "_:" + node.getBlankNodeLabel();
        }
        if (!node.isLiteral()) {
            return node.toString();
        }
        String lexical = node.getLiteralLexicalForm();
        String datatype = node.getLiteralDatatypeURI();
        try {
            if (XSDDatatype.XSDboolean.getURI().equals(datatype)) {
                return Boolean.parseBoolean(lexical.strip()) || lexical.strip().equals("1");
            }
            if (isInteger(datatype)) {
                return new BigInteger(lexical.strip().replace("+", ""));
            }
            if (XSDDatatype.XSDdecimal.getURI().equals(datatype)) {
                return new BigDecimal(lexical.strip());
            }
            if (XSDDatatype.XSDdouble.getURI().equals(datatype) || XSDDatatype.XSDfloat.getURI().equals(datatype)) {
                double d = Double.parseDouble(lexical.strip());
                return Double.isFinite(d) ? d : lexical;
            }
        } catch (NumberFormatException e) {
            // An ill-typed literal stays text rather than failing the whole answer.
        }
        return lexical;
    }

    private static boolean isInteger(String datatype) {
        return datatype.equals(XSDDatatype.XSDinteger.getURI()) || datatype.equals(XSDDatatype.XSDint.getURI())
                || datatype.equals(XSDDatatype.XSDlong.getURI()) || datatype.equals(XSDDatatype.XSDshort.getURI())
                || datatype.equals(XSDDatatype.XSDnonNegativeInteger.getURI())
                || datatype.equals(XSDDatatype.XSDpositiveInteger.getURI());
    }
}
