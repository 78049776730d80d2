package nl.actiegraaf.vocab;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one rule that turns a name into the last part of an IRI: lower case ASCII words joined by
 * hyphens ("Informatiehuishouding: basis op orde" becomes {@code informatiehuishouding-basis-op-orde},
 * "Financiën" {@code financien}, "Van Kooten-Arissen" {@code van-kooten-arissen}). Themes, persons,
 * series, report ids and file graphs all use it, so the same name always gives the same IRI.
 */
public final class Slug {
    private Slug() {
    }

    public static String of(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return ascii.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
    }

    /** Whether {@code text} is already a slug (non-empty, its own slug). */
    public static boolean isSlug(String text) {
        return text != null && !text.isEmpty() && of(text).equals(text);
    }
}
