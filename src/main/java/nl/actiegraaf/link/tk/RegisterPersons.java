package nl.actiegraaf.link.tk;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The persons the graph already knows (the register seeds/kamerleden.ttl), to link a TK Persoon to by
 * name: "Lilian Marijnissen" is Roepnaam + Achternaam, "Chris van Dam" has the Tussenvoegsel between,
 * and a register may use the given names (Voornamen). Only a full name matches: a surname alone is
 * not enough (two members may share one).
 */
public final class RegisterPersons {
    private final Map<String, String> byName = new HashMap<>();
    private final Set<String> iris = new HashSet<>();

    public void add(String iri, String label) {
        iris.add(iri);
        String key = normal(label);
        // A name two register entries share identifies neither.
        byName.merge(key, iri, (a, b) -> a.equals(b) ? a : "");
    }

    public Optional<String> find(TkRecords.Persoon persoon) {
        for (String name : new String[] {persoon.naam(), persoon.volledigeNaam()}) {
            String iri = byName.get(normal(name));
            if (iri != null && !iri.isEmpty()) {
                return Optional.of(iri);
            }
        }
        return Optional.empty();
    }

    public boolean known(String iri) {
        return iris.contains(iri);
    }

    static String normal(String name) {
        String ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }
}
