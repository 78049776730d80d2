package nl.actiegraaf.extract;

import java.util.List;

import nl.actiegraaf.report.ReportAction;

/** The facts read from one action, in the order they were found. */
public record ActionFacts(ReportAction action, List<Fact> facts) {
    public ActionFacts {
        facts = List.copyOf(facts);
    }

    public <T extends Fact> List<T> all(Class<T> kind) {
        return facts.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
