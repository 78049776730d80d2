package nl.actiegraaf.web;

/**
 * The Levenshtein distance (insertions, deletions, substitutions) between two short strings, for every
 * "did you mean" of the facade: the closest known resources of a mistyped API parameter, the corrected
 * words of a search. Written here because no string-distance library is on the class path (commons-text
 * does not come with Jena 5, Lucene's spell checker is not among jena-text's modules).
 */
public final class EditDistance {
    private EditDistance() {
    }

    /** The number of single-character edits that turn {@code a} into {@code b}; case counts. */
    public static int between(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
