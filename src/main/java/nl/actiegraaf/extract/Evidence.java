package nl.actiegraaf.extract;

/**
 * Where a fact was read: the exact phrase or sentence of the report and the column it stands in.
 * Every fact carries one, so the graph can say why it holds.
 */
public record Evidence(String text, Column column) {
    public Evidence {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("evidence needs the source text");
        }
    }
}
