package nl.actiegraaf.querylimits;


/**
 * A string as the regular-expression engine reads it, that ends the match once the query is cancelled.
 * Java's backtracking matcher reads its input through {@link #charAt}; a pattern such as
 * {@code ^(a|a){1,40}$} reads it exponentially often, so a check there ends even a catastrophic match
 * within microseconds of the query's {@link Deadline} (ARQ itself only checks between rows).
 */
final class CancellableText implements CharSequence {
    /** Reads between two looks at the (volatile) signal: cheap, and still well under a millisecond. */
    private static final int CHECK_EVERY = 1 << 12;

    private final String text;
    private final Deadline deadline;
    private int untilCheck = CHECK_EVERY;

    CancellableText(String text, Deadline deadline) {
        this.text = text;
        this.deadline = deadline;
    }

    @Override
    public char charAt(int index) {
        if (--untilCheck <= 0) {
            untilCheck = CHECK_EVERY;
            deadline.check();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new CancellableText(text.substring(start, end), deadline);
    }

    @Override
    public String toString() {
        return text;
    }

}
