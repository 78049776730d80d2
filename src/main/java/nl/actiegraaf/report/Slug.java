package nl.actiegraaf.report;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The last part of a resource IRI made from a name: lower case ASCII words joined by hyphens
 * ("Informatiehuishouding: basis op orde" becomes {@code informatiehuishouding-basis-op-orde},
 * "Financiën" becomes {@code financien}).
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
}
