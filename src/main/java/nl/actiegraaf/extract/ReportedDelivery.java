package nl.actiegraaf.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import nl.actiegraaf.extract.Fact.FulfilmentFact;
import nl.actiegraaf.extract.Fact.Status;
import nl.actiegraaf.extract.FactExtractor.SentenceFacts;

/**
 * An action the report calls done whose status text dates the delivery met the description's
 * deadline by that delivery, on time or late, even without the words "afgedaan" or "uitgevoerd"
 * that {@link MotionProgress} needs. Action 72: "Generiek actieplan informatiehuishouding ... dat op
 * 1 april klaar is" (Afgerond) and "Op 6 april 2021 is het generieke actieplan ... naar de Tweede
 * Kamer gezonden": the deadline of 1 April was met on 6 April, five days late.
 *
 * <p>Only the first dated delivery counts (a later sentence may date something else), and only
 * when the action is done: a dated letter in an ongoing action is a step, not the thing asked.
 */
final class ReportedDelivery {
    /** "is ... naar de Tweede Kamer gezonden", "zijn ... opgeleverd": told as delivered, in the past tense. */
    private static final Pattern DELIVERED = Pattern.compile(
            "\\b(?:is|zijn|werd|werden)\\b[^.;]*\\b(?:gezonden|verzonden|gestuurd|aangeboden|opgeleverd|gepubliceerd|vastgesteld)\\b");

    private ReportedDelivery() {
    }

    static List<FulfilmentFact> read(Status status, List<SentenceFacts> sentences, List<Fact> alreadyRead) {
        if (status != Status.AFGEROND || alreadyRead.stream().anyMatch(f -> f instanceof FulfilmentFact)) {
            return List.of();
        }
        SentenceFacts delivery = sentences.stream()
                .filter(s -> s.sentence().column() == Column.STAND_VAN_ZAKEN && !s.events().isEmpty()
                        && DELIVERED.matcher(s.sentence().text()).find())
                .findFirst().orElse(null);
        if (delivery == null) {
            return List.of();
        }
        List<FulfilmentFact> out = new ArrayList<>();
        for (SentenceFacts s : sentences) {
            if (s.sentence().column() == Column.OMSCHRIJVING) {
                // An anchored deadline ("binnen één week" after the debate) asked for something else than
                // the delivery dated here; only a dated deadline of the description is met by it.
                s.deadlines().stream().filter(d -> d.anchor() == null)
                        .forEach(d -> out.add(new FulfilmentFact(d, delivery.events().get(0), delivery.sentence().evidence())));
            }
        }
        return out;
    }
}
