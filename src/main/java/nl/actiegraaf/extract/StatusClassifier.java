package nl.actiegraaf.extract;

import java.util.List;
import java.util.regex.Pattern;

import nl.actiegraaf.extract.Fact.Status;
import nl.actiegraaf.extract.Fact.StatusFact;

/**
 * Decides an action's status from its status text and keeps the deciding sentence.
 * <ul>
 * <li>empty text: {@code Onbekend};</li>
 * <li>the first sentence says work has not begun ("Planning ... moet nog worden opgesteld"): {@code NietGestart};</li>
 * <li>the first or last sentence reports completion (a letter was sent, "Afgerond op ...", "wordt
 *     sinds ... openbaar gemaakt") and no sentence announces further work: {@code Afgerond};</li>
 * <li>otherwise {@code Lopend}, decided by the first sentence.</li>
 * </ul>
 */
public final class StatusClassifier {
    private static final Pattern NOT_STARTED = Pattern.compile(
            "\\bmoet nog (?:worden|nader worden) opgesteld\\b|\\bnog niet (?:gestart|begonnen)\\b|\\bis nog niet gestart\\b");
    private static final Pattern DONE = Pattern.compile(
            "^Afgerond\\b|\\b(?:is|zijn|heeft|hebben)\\b.*\\b(?:gestuurd|gezonden|verzonden|verstuurd|gedeeld|afgerond|afgedaan)\\b(?!\\s+(?:worden|wordt))"
                    + "|\\bis\\b.*\\bge[iï]nformeerd met\\b|\\bsinds\\b.*\\bopenbaar gemaakt\\b");
    private static final Pattern MORE_TO_DO = Pattern.compile(
            "\\b(?:zal|zullen|streven|[Ss]treven|verwacht|verwachting|voorzien|volgt|loopt|momenteel|in ontwikkeling"
                    + "|wordt (?:verder |hard )?gewerkt|[Ii]nzet is|bezig|nog niet|nog nader|wordt nu|komende)\\b");

    public StatusFact classify(List<Sentence> statusSentences) {
        if (statusSentences.isEmpty()) {
            return new StatusFact(Status.ONBEKEND, null);
        }
        Sentence first = statusSentences.get(0);
        Sentence last = statusSentences.get(statusSentences.size() - 1);
        if (NOT_STARTED.matcher(first.text()).find()) {
            return new StatusFact(Status.NIET_GESTART, first.evidence());
        }
        boolean moreToDo = statusSentences.stream().anyMatch(s -> MORE_TO_DO.matcher(s.text()).find());
        if (!moreToDo) {
            if (DONE.matcher(first.text()).find()) {
                return new StatusFact(Status.AFGEROND, first.evidence());
            }
            if (DONE.matcher(last.text()).find()) {
                return new StatusFact(Status.AFGEROND, last.evidence());
            }
        }
        return new StatusFact(Status.LOPEND, first.evidence());
    }
}
