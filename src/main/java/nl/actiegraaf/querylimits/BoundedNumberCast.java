package nl.actiegraaf.querylimits;

import java.util.List;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.expr.E_StrDatatype;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.CastXSD;

/**
 * A cast to a numeric XSD type ({@code xsd:integer(...)}, {@code xsd:decimal}, {@code xsd:double}, the
 * derived integer types) that refuses a text of more than {@link #MAX_LEXICAL} characters before it parses it:
 * Java parses a decimal string of a million digits into a {@code BigInteger} in time quadratic in its length
 * (minutes inside one expression, where no time limit reaches), and writing it back ({@code STR()}) again.
 * The same bound as a number made by multiplication ({@link BoundedMultiply}): {@link QueryLimits#MAX_NUMBER_DIGITS}
 * digits, with room for a sign, a point and an exponent.
 */
final class BoundedNumberCast extends ExprFunctionN {
    /** The longest numeric text a cast parses. */
    static final int MAX_LEXICAL = QueryLimits.MAX_NUMBER_DIGITS + 32;

    static final Set<String> NUMERIC_TYPES = Set.of(XSDDatatype.XSDinteger, XSDDatatype.XSDdecimal, XSDDatatype.XSDdouble,
            XSDDatatype.XSDfloat, XSDDatatype.XSDlong, XSDDatatype.XSDint, XSDDatatype.XSDshort, XSDDatatype.XSDbyte,
            XSDDatatype.XSDnonPositiveInteger, XSDDatatype.XSDnegativeInteger, XSDDatatype.XSDnonNegativeInteger,
            XSDDatatype.XSDpositiveInteger, XSDDatatype.XSDunsignedLong, XSDDatatype.XSDunsignedInt,
            XSDDatatype.XSDunsignedShort, XSDDatatype.XSDunsignedByte).stream().map(XSDDatatype::getURI)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private final String datatypeIri;

    BoundedNumberCast(String datatypeIri, ExprList args) {
        super(datatypeIri, args);
        this.datatypeIri = datatypeIri;
    }

    @Override
    public NodeValue eval(List<NodeValue> args) {
        if (args.size() != 1) {
            throw new ExprEvalException("a cast takes one argument");
        }
        checkLength(args.get(0).asNode(), datatypeIri);
        return CastXSD.cast(args.get(0), (XSDDatatype) org.apache.jena.datatypes.TypeMapper.getInstance()
                .getSafeTypeByName(datatypeIri));
    }

    @Override
    public Expr copy(ExprList newArgs) {
        return new BoundedNumberCast(datatypeIri, newArgs);
    }

    static void checkLength(Node value, String datatypeIri) {
        if (value.isLiteral() && value.getLiteralLexicalForm().length() > MAX_LEXICAL) {
            throw QueryLimitException.tooLarge("A number of " + value.getLiteralLexicalForm().length()
                    + " characters (to " + shortName(datatypeIri) + ") is longer than the " + MAX_LEXICAL
                    + " a value may have");
        }
    }

    private static String shortName(String iri) {
        return "xsd:" + iri.substring(iri.indexOf('#') + 1);
    }

    /** {@code STRDT(text, xsd:integer)}: the same bound, since the literal it makes is parsed as a number. */
    static final class BoundedStrDatatype extends E_StrDatatype {
        BoundedStrDatatype(Expr text, Expr datatype) {
            super(text, datatype);
        }

        @Override
        public NodeValue eval(NodeValue text, NodeValue datatype) {
            if (datatype.isIRI() && NUMERIC_TYPES.contains(datatype.asNode().getURI())) {
                checkLength(text.asNode(), datatype.asNode().getURI());
            }
            return super.eval(text, datatype);
        }

        @Override
        public Expr copy(Expr text, Expr datatype) {
            return new BoundedStrDatatype(text, datatype);
        }
    }
}
