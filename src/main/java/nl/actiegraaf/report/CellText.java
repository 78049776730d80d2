package nl.actiegraaf.report;

import java.util.List;
import java.util.stream.Collectors;

/** The cleaned content of one table cell: its paragraphs and list items in reading order. */
public record CellText(List<Block> blocks) {
    public static final CellText EMPTY = new CellText(List.of());

    public CellText {
        blocks = List.copyOf(blocks);
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    /**
     * Plain text for a literal: paragraphs separated by a blank line, list items as "- item" lines,
     * so the structure survives in a single string.
     */
    public String plain() {
        StringBuilder out = new StringBuilder();
        Block.Kind previous = null;
        for (Block block : blocks) {
            if (previous != null) {
                out.append(previous == Block.Kind.LIST_ITEM && block.kind() == Block.Kind.LIST_ITEM ? "\n" : "\n\n");
            }
            out.append(block.kind() == Block.Kind.LIST_ITEM ? "- " + block.text() : block.text());
            previous = block.kind();
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return blocks.stream().map(Block::text).collect(Collectors.joining(" | "));
    }
}
