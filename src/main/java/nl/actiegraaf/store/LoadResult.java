package nl.actiegraaf.store;

import java.util.List;

/**
 * What a load did.
 *
 * @param replaced graphs whose content changed and was replaced
 * @param unchanged graphs whose content was already in the store (nothing written)
 */
public record LoadResult(List<String> replaced, List<String> unchanged) {
    public LoadResult {
        replaced = List.copyOf(replaced);
        unchanged = List.copyOf(unchanged);
    }
}
