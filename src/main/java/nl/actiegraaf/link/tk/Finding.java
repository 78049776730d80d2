package nl.actiegraaf.link.tk;

/**
 * Something the command tells its user about one Kamerstuk or record: that it could not be matched
 * (with the reason), or a note on what was (left) out.
 *
 * @param subject what it is about: "35510-21", or a page
 */
public record Finding(Kind kind, String subject, String reason) {
    public enum Kind {
        /** A request or page that could not be read; what it held is missing from the linkset. */
        FAILED("failed"),
        /** Not linked at all. */
        UNMATCHED("not linked"),
        /** Linked, but part of its TK data was left out or is not there yet. */
        NOTE("note");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    public String line() {
        return String.format("%-10s %-12s %s", kind.label, subject, reason);
    }
}
