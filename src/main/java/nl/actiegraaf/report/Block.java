package nl.actiegraaf.report;

/** One paragraph or list item of a cell, as clean text without markup. */
public record Block(Kind kind, String text) {
    public enum Kind { PARAGRAPH, LIST_ITEM }
}
