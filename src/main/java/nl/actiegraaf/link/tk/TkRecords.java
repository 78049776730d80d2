package nl.actiegraaf.link.tk;

import java.util.List;

/**
 * The parts of the Tweede Kamer's gegevensmagazijn records (OData v4) that the linkset uses, as read
 * from a page of {@code Document} with its navigation properties expanded. Field names follow the
 * API's (Dutch) names so a reader can check them against the API's documentation. Absent or null
 * values are null here; lists are never null.
 */
public final class TkRecords {
    private TkRecords() {
    }

    /** A Document with its versions' external ids ("kst-35510-21"), its dossiers and its Zaken. */
    public record Document(String id, String odataId, String soort, String documentNummer, Integer volgnummer,
                           String datum, List<String> externeIdentifiers, List<Dossier> dossiers,
                           List<Zaak> zaken, String origin) {
    }

    /** A Kamerstukdossier: {@code 35510}, or {@code 35000} with Toevoeging {@code IX}. */
    public record Dossier(Integer nummer, String toevoeging) {
        /** "35510" or "35000-IX": how the graph and officielebekendmakingen write it. */
        public String key() {
            return toevoeging == null || toevoeging.isBlank() ? String.valueOf(nummer) : nummer + "-" + toevoeging.strip();
        }
    }

    /** A Zaak ("Motie", "2021Z01234") with its submitters and decisions. */
    public record Zaak(String id, String odataId, String nummer, String soort, String gestartOp,
                       String kabinetsappreciatie, List<Actor> actoren, List<Besluit> besluiten) {
    }

    /** A ZaakActor: Relatie "Indiener" or "Medeindiener", with the member and the party. */
    public record Actor(String relatie, String actorNaam, String actorFractie, Persoon persoon, Fractie fractie) {
    }

    /**
     * A Besluit on the Zaak: the vote is the one with a BesluitSoort "Stemmen - ..." (or a
     * StemmingsSoort) and Status "Besluit"; the date comes from its Agendapunt's Activiteit.
     */
    public record Besluit(String id, String odataId, String besluitSoort, String besluitTekst,
                          String stemmingsSoort, String status, String datum, List<Stemming> stemmingen) {
        public boolean isVote() {
            return besluitSoort != null && besluitSoort.strip().toLowerCase(java.util.Locale.ROOT).startsWith("stemmen")
                    || stemmingsSoort != null && !stemmingsSoort.isBlank();
        }

        public boolean isFinal() {
            return "Besluit".equalsIgnoreCase(status == null ? "" : status.strip());
        }
    }

    /** One row of a vote: a party's seats (FractieGrootte), or one member's vote in a roll call (Persoon). */
    public record Stemming(String soort, Integer fractieGrootte, String actorNaam, String actorFractie,
                           boolean vergissing, Persoon persoon, Fractie fractie) {
    }

    /** A member of the Kamer as the API names them. */
    public record Persoon(String id, String odataId, String roepnaam, String voornamen, String tussenvoegsel,
                          String achternaam) {
        /** "Lilian Marijnissen", "Chris van Dam": call name, infix, surname. */
        public String naam() {
            return join(roepnaam, tussenvoegsel, achternaam);
        }

        /** The same with the given names, for registers that list them ("Femke Merel van Kooten-Arissen"). */
        public String volledigeNaam() {
            return join(voornamen, tussenvoegsel, achternaam);
        }

        private static String join(String... parts) {
            StringBuilder name = new StringBuilder();
            for (String part : parts) {
                if (part != null && !part.isBlank()) {
                    name.append(name.isEmpty() ? "" : " ").append(part.strip());
                }
            }
            return name.toString();
        }
    }

    /** A parliamentary party (fractie). */
    public record Fractie(String id, String odataId, String afkorting, String naam) {
    }
}
