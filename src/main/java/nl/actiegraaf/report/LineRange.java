package nl.actiegraaf.report;

/** Lines of the source file (1-based, inclusive) that a piece of the report was read from. */
public record LineRange(int first, int last) {
    public LineRange {
        if (first < 1 || last < first) {
            throw new IllegalArgumentException("bad line range " + first + "-" + last);
        }
    }

    /** The smallest range covering this one and {@code other}. */
    public LineRange span(LineRange other) {
        return new LineRange(Math.min(first, other.first), Math.max(last, other.last));
    }
}
