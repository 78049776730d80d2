package nl.actiegraaf.extract;

/** A parliamentary paper: dossier ("35510") and number within it (7). */
public record Kamerstuk(String dossier, int number) {
    public String key() {
        return dossier + "-" + number;
    }
}
