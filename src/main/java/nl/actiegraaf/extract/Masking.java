package nl.actiegraaf.extract;

import java.util.Collection;

/** Blanks out phrases another extractor already read, keeping every other offset in place. */
final class Masking {
    private Masking() {
    }

    static String mask(String text, Collection<String> phrases) {
        String out = text;
        for (String phrase : phrases) {
            int at = out.indexOf(phrase);
            while (at >= 0) {
                out = out.substring(0, at) + " ".repeat(phrase.length()) + out.substring(at + phrase.length());
                at = out.indexOf(phrase, at + phrase.length());
            }
        }
        return out;
    }
}
