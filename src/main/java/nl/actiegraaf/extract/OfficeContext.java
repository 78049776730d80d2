package nl.actiegraaf.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import nl.actiegraaf.extract.Fact.CommitmentFact;

/**
 * "heeft de staatssecretaris toegezegd" names an office without its ministry. Where the same
 * action names that office with its ministry elsewhere ("de staatssecretaris van BZK") and with
 * only one, that is the office; otherwise it stays an office of unknown department: something
 * is known (a staatssecretaris, not a minister), and nothing is guessed.
 */
final class OfficeContext {
    private OfficeContext() {
    }

    static List<Fact> resolve(List<Fact> facts, List<Office> officesOfAction) {
        List<Fact> out = new ArrayList<>(facts.size());
        for (Fact fact : facts) {
            if (fact instanceof CommitmentFact c && c.byOffice() != null && c.byOffice().department() == null) {
                List<Organisation> departments = officesOfAction.stream()
                        .filter(o -> o.title().equals(c.byOffice().title())).map(Office::department)
                        .filter(Objects::nonNull).distinct().toList();
                Office office = departments.size() == 1 ? new Office(c.byOffice().title(), departments.get(0)) : c.byOffice();
                out.add(new CommitmentFact(c.deadline(), c.byOrganisation(), c.byPerson(), office, c.evidence()));
            } else {
                out.add(fact);
            }
        }
        return out;
    }
}
