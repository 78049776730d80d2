package nl.actiegraaf.extract;

/** The table column a fact was read from; {@link #label()} is the value of {@code ag:kolom}. */
public enum Column {
    OMSCHRIJVING("omschrijving"),
    STAND_VAN_ZAKEN("standVanZaken"),
    VOETNOOT("voetnoot");

    private final String label;

    Column(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
