package nl.actiegraaf.extract;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.actiegraaf.extract.Fact.Status;
import nl.actiegraaf.extract.Fact.StatusFact;

/**
 * Decides an action's status from its status text and keeps the deciding sentence.
 * <ul>
 * <li>empty text: {@code Onbekend};</li>
 * <li>the first sentence says work has not begun ("Planning ... moet nog worden opgesteld"): {@code NietGestart};</li>
 * <li>every sentence only announces what will happen ("Deze brede doorlichting zal bij de
 *     Staatscommissie ... worden betrokken") or leaves the next step to others ("Het is aan formerende
 *     partijen om het verzoek ... te doen"): nothing has been done yet, {@code NietGestart};</li>
 * <li>the first sentence reports that the very thing the action asks for was sent ("Op 6 april 2021
 *     is het generieke actieplan informatiehuishouding ... naar de Tweede Kamer gezonden" for "Opstellen
 *     van een Generiek actieplan informatiehuishouding"): {@code Afgerond}, whatever follow-up later
 *     sentences announce;</li>
 * <li>the first or last sentence reports completion (a letter was sent, "Afgerond op ...", "wordt
 *     sinds ... openbaar gemaakt") and no sentence announces further work: {@code Afgerond};</li>
 * <li>otherwise {@code Lopend}, decided by the first sentence.</li>
 * </ul>
 */
public final class StatusClassifier {
    // Each pattern carries its cues, the words it cannot match without (CuedPattern): it is run over
    // every status sentence, and most sentences hold none of them.
    private static final CuedPattern NOT_STARTED = CuedPattern.of(Pattern.compile(
            "\\bmoet nog (?:worden|nader worden) opgesteld\\b|\\bnog niet (?:gestart|begonnen)\\b|\\bis nog niet gestart\\b"),
            "opgesteld", "nog niet");
    private static final CuedPattern DONE = CuedPattern.of(Pattern.compile(
            "^Afgerond\\b|\\b(?:is|zijn|heeft|hebben)\\b.*\\b(?:gestuurd|gezonden|verzonden|verstuurd|gedeeld|afgerond|afgedaan)\\b(?!\\s+(?:worden|wordt))"
                    + "|\\bis\\b.*\\bge[iï]nformeerd met\\b|\\bsinds\\b.*\\bopenbaar gemaakt\\b"),
            "Afgerond", "gestuurd", "gezonden", "verzonden", "verstuurd", "gedeeld", "afgerond", "afgedaan", "nformeerd met",
            "openbaar gemaakt");
    private static final CuedPattern MORE_TO_DO = CuedPattern.of(Pattern.compile(
            "\\b(?:zal|zullen|streven|[Ss]treven|verwacht|verwachting|voorzien|volgt|loopt|momenteel|in ontwikkeling"
                    + "|wordt (?:verder |hard )?gewerkt|[Ii]nzet is|bezig|nog niet|nog nader|wordt nu|komende)\\b"),
            "zal", "zullen", "treven", "verwacht", "voorzien", "volgt", "loopt", "momenteel", "in ontwikkeling", "gewerkt",
            "nzet is", "bezig", "nog niet", "nog nader", "wordt nu", "komende");

    /** A sentence about the future: "zal ... worden betrokken". */
    private static final CuedPattern FUTURE = CuedPattern.of(Pattern.compile("\\b(?:zal|zullen)\\b"), "zal", "zullen");
    /**
     * A finite verb of the present or past that reports a state or a deed ("is opgenomen", "heeft
     * ... gezonden", "wordt gewerkt"): a sentence with one is no mere announcement. "worden" is
     * left out: beside "zal" it is the infinitive of a future passive ("zal ... worden betrokken").
     */
    private static final Pattern REPORTS_SOMETHING = Pattern.compile(
            "\\b(?:is|zijn|heeft|hebben|wordt|werd|werden|was|waren|vindt|vinden|loopt|lopen)\\b");
    /** The next step lies with others: "Het is aan formerende partijen om ... te doen". */
    private static final CuedPattern UP_TO_OTHERS = CuedPattern.of(Pattern.compile("^Het is aan\\b.*\\bom\\b.*\\bte\\b"),
            "Het is aan");

    /**
     * "is/zijn/heeft ... gezonden": what lies between the auxiliary and the participle is what was
     * delivered ("de verkenning naar een Nationaal Coördinator ... naar de Tweede Kamer").
     */
    private static final CuedPattern DELIVERED = CuedPattern.of(Pattern.compile(
            "\\b(?:is|zijn|heeft|hebben)\\b(.*?)\\b(?:gestuurd|gezonden|verzonden|verstuurd|aangeboden|opgeleverd)\\b(?!\\s+(?:worden|wordt))"),
            "gestuurd", "gezonden", "verzonden", "verstuurd", "aangeboden", "opgeleverd");
    /** Words of a delivery sentence that name the sender, recipient or vehicle, not the deliverable. */
    private static final Set<String> NOT_A_DELIVERABLE = Set.of("tweede", "eerste", "kamer", "kamers", "minister",
            "ministerie", "staatssecretaris", "kabinet", "brief", "kamerbrief", "kamerstukken", "kamerstuk");

    /** Status from the status text alone. */
    public StatusFact classify(List<Sentence> statusSentences) {
        return classify(List.of(), statusSentences);
    }

    /** Status from the status text, read against the description of what the action asks for. */
    public StatusFact classify(List<Sentence> descriptionSentences, List<Sentence> statusSentences) {
        if (statusSentences.isEmpty()) {
            return new StatusFact(Status.ONBEKEND, null);
        }
        Sentence first = statusSentences.get(0);
        Sentence last = statusSentences.get(statusSentences.size() - 1);
        if (NOT_STARTED.find(first.text())) {
            return new StatusFact(Status.NIET_GESTART, first.evidence());
        }
        if (statusSentences.stream().allMatch(StatusClassifier::onlyAnnounces)) {
            return new StatusFact(Status.NIET_GESTART, first.evidence());
        }
        if (deliversWhatIsAsked(first.text(), descriptionSentences)) {
            return new StatusFact(Status.AFGEROND, first.evidence());
        }
        boolean moreToDo = statusSentences.stream().anyMatch(s -> MORE_TO_DO.find(s.text()));
        if (!moreToDo) {
            if (DONE.find(first.text())) {
                return new StatusFact(Status.AFGEROND, first.evidence());
            }
            if (DONE.find(last.text())) {
                return new StatusFact(Status.AFGEROND, last.evidence());
            }
        }
        return new StatusFact(Status.LOPEND, first.evidence());
    }

    /** The sentence announces work or leaves it to others, and reports nothing done or going on. */
    private static boolean onlyAnnounces(Sentence sentence) {
        String text = sentence.text();
        if (UP_TO_OTHERS.find(text)) {
            return true;
        }
        return FUTURE.find(text) && !REPORTS_SOMETHING.matcher(text).find();
    }

    /**
     * The first status sentence says the action's deliverable was sent: a content word of what was
     * delivered also names the action in its description. Later sentences then describe follow-up
     * ("De minister van BZK zal ... starten met de wervingsprocedure"), not the action itself.
     */
    static boolean deliversWhatIsAsked(String statusSentence, List<Sentence> description) {
        Matcher m = DELIVERED.matcher(statusSentence);
        if (description.isEmpty() || !m.find() || MORE_TO_DO.find(statusSentence.substring(0, m.end()))) {
            return false;
        }
        Set<String> delivered = contentWords(m.group(1));
        Set<String> asked = new HashSet<>();
        description.forEach(s -> asked.addAll(contentWords(s.text())));
        return delivered.stream().anyMatch(d -> asked.stream().anyMatch(a -> sameWord(a, d)));
    }

    private static Set<String> contentWords(String text) {
        Set<String> words = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (w.length() >= 6 && !NOT_A_DELIVERABLE.contains(w)) {
                words.add(w);
            }
        }
        return words;
    }

    /** "generieke" and "generiek", "actieplannen" and "actieplan": one word, inflected. */
    private static boolean sameWord(String a, String b) {
        int common = 0;
        while (common < Math.min(a.length(), b.length()) && a.charAt(common) == b.charAt(common)) {
            common++;
        }
        return common >= Math.min(a.length(), b.length()) && Math.abs(a.length() - b.length()) <= 2;
    }
}
