package nl.actiegraaf.report;

/** A footnote of the report: its marker as printed (for example "¹"), its text and where it stood. */
public record Footnote(String marker, String text, LineRange lines) {
}
