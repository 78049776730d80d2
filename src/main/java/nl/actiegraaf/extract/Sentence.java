package nl.actiegraaf.extract;

/** One sentence of a cell of an action, in reading order. */
public record Sentence(String text, Column column) {
    public Evidence evidence() {
        return new Evidence(text, column);
    }

    /** Evidence that quotes only {@code phrase}, a part of this sentence. */
    public Evidence phrase(String phrase) {
        return new Evidence(phrase, column);
    }
}
