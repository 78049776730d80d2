package nl.actiegraaf.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import nl.actiegraaf.extract.Fact.DeadlineFact;
import nl.actiegraaf.extract.Fact.EventFact;
import nl.actiegraaf.extract.Fact.FulfilmentFact;
import nl.actiegraaf.extract.Fact.MotionFact;
import nl.actiegraaf.extract.Fact.MotionStatusFact;
import nl.actiegraaf.extract.Fact.Status;
import nl.actiegraaf.extract.FactExtractor.SentenceFacts;

/**
 * What the status text says about each motion an action carries out, and which of the
 * description's deadlines it says were met. "Bij brief van 8 april is een plan van aanpak naar de
 * Tweede Kamer gezonden, waarmee deel 2 van motie Marijnissen, nr. 21, is afgedaan": part 2 of
 * motion 21 is done, and the description's "Voor 1 maart ... (NR. 21 Motie Marijnissen c.s.
 * deel 2)" was met on 8 April, late. "Met het uitvoeren van dit plan wordt tevens gevolg gegeven aan
 * deel 1 van motie Klaver c.s. nr 16": part 1 of motion 16 is under way.
 */
final class MotionProgress {
    /** The sentence says the motion (or the thing asked) is done. */
    private static final Pattern DONE = Pattern.compile(
            "\\b(?:is|zijn|werd|werden)\\s+(?:\\p{L}+\\s+){0,2}(?:afgedaan|uitgevoerd|afgerond)\\b|\\bafgedaan\\b");
    /** The sentence says the motion is being carried out. */
    private static final Pattern ONGOING = Pattern.compile(
            "\\b(?:wordt|worden)\\b[^.]{0,40}\\b(?:gevolg gegeven|uitvoering gegeven|uitgevoerd|uitgewerkt)\\b|\\bloopt\\b");

    private MotionProgress() {
    }

    static List<Fact> read(List<SentenceFacts> sentences) {
        List<Fact> out = new ArrayList<>();
        for (SentenceFacts s : sentences) {
            if (s.sentence().column() != Column.STAND_VAN_ZAKEN || s.motions().isEmpty()) {
                continue;
            }
            String text = s.sentence().text();
            Status status = DONE.matcher(text).find() ? Status.AFGEROND
                    : ONGOING.matcher(text).find() ? Status.LOPEND : null;
            if (status == null) {
                continue;
            }
            for (MotionFact m : s.motions()) {
                out.add(new MotionStatusFact(m.motion(), status, s.sentence().evidence()));
            }
            if (status == Status.AFGEROND && !s.events().isEmpty()) {
                EventFact event = s.events().get(0);
                for (DeadlineFact deadline : askedFor(sentences, s.motions())) {
                    out.add(new FulfilmentFact(deadline, event, s.sentence().evidence()));
                }
            }
        }
        return out;
    }

    /** The description's deadlines set in a sentence that names one of these motions (same number and part). */
    private static List<DeadlineFact> askedFor(List<SentenceFacts> sentences, List<MotionFact> done) {
        List<String> keys = done.stream().map(f -> key(f.motion())).filter(Objects::nonNull).toList();
        List<DeadlineFact> out = new ArrayList<>();
        for (SentenceFacts s : sentences) {
            if (s.sentence().column() == Column.OMSCHRIJVING
                    && s.motions().stream().map(f -> key(f.motion())).anyMatch(keys::contains)) {
                out.addAll(s.deadlines());
            }
        }
        return out;
    }

    private static String key(Motion motion) {
        return motion.paper() == null ? null : motion.paper().key() + "#" + motion.part();
    }
}
