package nl.actiegraaf.web.search;

import java.util.List;

/**
 * The answer of {@code GET /api/zoek}, as JSON (field names are the contract the page codes against):
 * the entities the text names, then the actions, best first, each with why it was found.
 *
 * @param q the text searched, as given
 * @param entities actions, motions, organisations, persons and themes the text names
 * @param acties the actions found, best first (at most {@code limit})
 * @param melding a message for the reader when the text could not be read or found nothing, else null
 * @param suggestie a text to search instead ("did you mean"), else null
 */
public record SearchAnswer(String q, List<Entity> entities, List<ActionHit> acties, String melding, String suggestie) {

    /**
     * @param type {@code Actie}, {@code Motie}, {@code Organisatie}, {@code Persoon} or {@code Thema}
     * @param page its page on this server ({@code /id/...})
     * @param acties the numbers of the actions it leads to, ascending
     */
    public record Entity(String iri, String type, String label, String page, List<Integer> acties) {
    }

    /**
     * @param omschrijving the description's first paragraph, shortened
     * @param status the status's local name ({@code Afgerond}, {@code Lopend}, {@code NietGestart}, {@code Onbekend}), or null
     * @param statusLabel the status in the asked language
     * @param snippet the sentence that matched, HTML-escaped, matching words in {@code <mark>}
     * @param score 0..1: 1 for what a named entity leads to directly, less for full-text hits
     * @param via {@code nummer}, {@code motie}, {@code organisatie}, {@code persoon}, {@code thema} or {@code tekst}
     */
    public record ActionHit(int nummer, String iri, String page, String omschrijving, String status, String statusLabel,
                     String snippet, double score, String via) {
    }
}
