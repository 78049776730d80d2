package nl.actiegraaf.link.tk;

/**
 * A Kamerstuk of the graph the linkset looks up: its IRI, dossier ("35510", or "35000-IX") and number.
 *
 * @param motion whether the graph knows it as a motion (ag:Motie), so its Zaak must be a Motie
 */
public record KamerstukRef(String iri, String dossier, int number, boolean motion) {
    /** "35510-21": as officielebekendmakingen writes it after "kst-". */
    public String key() {
        return dossier + "-" + number;
    }
}
