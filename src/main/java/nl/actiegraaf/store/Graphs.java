package nl.actiegraaf.store;

/** The names of the named graphs in the store (agreed by all branches; queries may rely on them). */
public final class Graphs {
    public static final String BASE = "https://w3id.org/actiegraaf/graph/";
    public static final String ONTOLOGIE = BASE + "ontologie";
    public static final String ORGANISATIES = BASE + "organisaties";
    public static final String KAMERLEDEN = BASE + "kamerleden";
    /** What the store knows about its own loads: per graph a content digest and when it was loaded. */
    public static final String META = BASE + "meta";
    /**
     * What is computed from all the other graphs at load time so it is not computed per request (the
     * VoID statistics); not report data: written and replaced by the load itself ({@code DerivedData}).
     */
    public static final String AFGELEID = BASE + "afgeleid";

    private Graphs() {
    }

    /** The graph of one report, {@code graph/rapport/{id}}. */
    public static String rapport(String reportId) {
        return BASE + "rapport/" + reportId;
    }

    /** The graph for an RDF file loaded without an explicit graph: {@code graph/{file name without extension}}. */
    public static String forFileName(String fileName) {
        String base = fileName.replaceFirst("\\.[^.]*$", "");
        String slug = java.text.Normalizer.normalize(base, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
        return BASE + (slug.isEmpty() ? "bestand" : slug);
    }
}
