package nl.actiegraaf.store;

import java.util.List;

/**
 * What a load did.
 *
 * @param replaced graphs whose content changed and was replaced
 * @param unchanged graphs whose content was already in the store (nothing written)
 * @param removed graphs removed (editions taken out of the store)
 */
public record LoadResult(List<String> replaced, List<String> unchanged, List<String> removed) {
    public LoadResult {
        replaced = List.copyOf(replaced);
        unchanged = List.copyOf(unchanged);
        removed = List.copyOf(removed);
    }

    public LoadResult(List<String> replaced, List<String> unchanged) {
        this(replaced, unchanged, List.of());
    }
}
