package nl.actiegraaf.report;

/**
 * A section heading of the table. An all-capitals heading is a theme; a mixed-case heading is a
 * sub-theme of the theme above it ({@code broader}).
 */
public record Theme(String label, String slug, Theme broader) {
}
