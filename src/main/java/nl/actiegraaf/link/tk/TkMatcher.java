package nl.actiegraaf.link.tk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The join, as the API's own users make it: a Document belongs to Kamerstuk {@code 35510-21} when one
 * of its versions has ExterneIdentifier {@code kst-35510-21}, or else when it is in dossier 35510
 * (without a Toevoeging, or with the one the Kamerstuk has) with Volgnummer 21. From the Document the
 * Zaak of Soort "Motie"; from the Zaak the Besluit that is the vote: a voting Besluit ("Stemmen - ...")
 * with Status "Besluit" (a Zaak also carries procedural ones: "aangehouden", "uitstel").
 */
public final class TkMatcher {
    private static final Pattern OFFICIAL_ID = Pattern.compile("(?i)^kst-(\\d+)(?:-([a-z][a-z0-9]*))?-(\\d+)$");

    private TkMatcher() {
    }

    /** The matches in the order of {@code papers}; what cannot be matched goes to {@code findings}. */
    public static List<TkMatch> match(List<KamerstukRef> papers, List<TkRecords.Document> documents, List<Finding> findings) {
        Map<String, Set<TkRecords.Document>> byOfficialId = new LinkedHashMap<>();
        Map<String, Set<TkRecords.Document>> byDossierNumber = new LinkedHashMap<>();
        Map<String, TkRecords.Document> unique = new LinkedHashMap<>();
        documents.forEach(d -> unique.putIfAbsent(d.id(), d)); // the same Document on several pages is one
        for (TkRecords.Document document : unique.values()) {
            for (String external : document.externeIdentifiers()) {
                Matcher m = OFFICIAL_ID.matcher(external);
                if (m.matches()) {
                    String dossier = m.group(2) == null ? m.group(1) : m.group(1) + "-" + m.group(2).toUpperCase(java.util.Locale.ROOT);
                    byOfficialId.computeIfAbsent(dossier + "-" + Integer.parseInt(m.group(3)), k -> new LinkedHashSet<>()).add(document);
                }
            }
            if (document.volgnummer() != null) {
                for (TkRecords.Dossier dossier : document.dossiers()) {
                    byDossierNumber.computeIfAbsent(dossier.key() + "-" + document.volgnummer(), k -> new LinkedHashSet<>()).add(document);
                }
            }
        }
        List<TkMatch> matches = new ArrayList<>();
        for (KamerstukRef paper : papers) {
            Set<TkRecords.Document> candidates = byOfficialId.getOrDefault(paper.key(), Set.of());
            if (candidates.isEmpty()) {
                candidates = byDossierNumber.getOrDefault(paper.key(), Set.of());
            }
            if (candidates.isEmpty()) {
                findings.add(new Finding(Finding.Kind.UNMATCHED, paper.key(), notFoundReason(paper, unique.values())));
                continue;
            }
            TkRecords.Document document = pick(paper, candidates, findings);
            TkRecords.Zaak zaak = zaak(paper, document, findings);
            if (zaak == null && paper.motion()) {
                continue;
            }
            TkRecords.Besluit vote = zaak == null ? null : vote(paper, zaak, findings);
            matches.add(new TkMatch(paper, document, zaak, vote));
        }
        return matches;
    }

    /** Why nothing matched; a Document of the same number in a dossier with a Toevoeging is named, as it is the usual trap. */
    private static String notFoundReason(KamerstukRef paper, Iterable<TkRecords.Document> documents) {
        for (TkRecords.Document document : documents) {
            if (document.volgnummer() != null && document.volgnummer() == paper.number()) {
                for (TkRecords.Dossier dossier : document.dossiers()) {
                    if (paper.dossier().equals(String.valueOf(dossier.nummer())) && !dossier.key().equals(paper.dossier())) {
                        return "only Document " + document.documentNummer() + " of dossier " + dossier.key()
                                + " nr. " + paper.number() + " (another Toevoeging) in the TK records";
                    }
                }
            }
        }
        return "no TK Document with ExterneIdentifier kst-" + paper.key() + " or dossier " + paper.dossier()
                + " Volgnummer " + paper.number() + " in the pages read";
    }

    private static TkRecords.Document pick(KamerstukRef paper, Set<TkRecords.Document> candidates, List<Finding> findings) {
        List<TkRecords.Document> sorted = candidates.stream()
                .sorted(Comparator.comparing((TkRecords.Document d) -> !(paper.motion() && "Motie".equalsIgnoreCase(d.soort())))
                        .thenComparing(d -> d.id()))
                .toList();
        if (sorted.size() > 1) {
            findings.add(new Finding(Finding.Kind.NOTE, paper.key(), sorted.size() + " TK Documents carry this number; linked "
                    + sorted.get(0).documentNummer() + " (" + sorted.get(0).soort() + ")"));
        }
        return sorted.get(0);
    }

    private static TkRecords.Zaak zaak(KamerstukRef paper, TkRecords.Document document, List<Finding> findings) {
        List<TkRecords.Zaak> zaken = paper.motion()
                ? document.zaken().stream().filter(z -> "Motie".equalsIgnoreCase(z.soort())).toList()
                : document.zaken();
        if (zaken.isEmpty()) {
            if (paper.motion()) {
                findings.add(new Finding(Finding.Kind.UNMATCHED, paper.key(), "Document " + document.documentNummer()
                        + " has no Zaak of Soort Motie" + (document.zaken().isEmpty() ? " (no Zaak expanded)" : "")));
            }
            return null;
        }
        if (zaken.size() > 1) {
            findings.add(new Finding(Finding.Kind.NOTE, paper.key(), zaken.size() + " Zaken on Document "
                    + document.documentNummer() + "; linked " + zaken.get(0).nummer()));
        }
        return zaken.get(0);
    }

    private static TkRecords.Besluit vote(KamerstukRef paper, TkRecords.Zaak zaak, List<Finding> findings) {
        List<TkRecords.Besluit> votes = zaak.besluiten().stream().filter(b -> b.isVote() && b.isFinal())
                .sorted(Comparator.comparing((TkRecords.Besluit b) -> b.datum() == null ? "" : b.datum()).reversed())
                .toList();
        if (votes.isEmpty()) {
            boolean draft = zaak.besluiten().stream().anyMatch(TkRecords.Besluit::isVote);
            if (paper.motion()) {
                findings.add(new Finding(Finding.Kind.NOTE, paper.key(), draft
                        ? "Zaak " + zaak.nummer() + ": its vote has no Besluit with Status \"Besluit\" yet"
                        : "Zaak " + zaak.nummer() + ": no vote published yet (" + zaak.besluiten().size() + " other Besluit(en))"));
            }
            return null;
        }
        if (votes.size() > 1) {
            findings.add(new Finding(Finding.Kind.NOTE, paper.key(), votes.size()
                    + " voting Besluiten with Status \"Besluit\"; the latest (" + votes.get(0).datum() + ") is the result"));
        }
        return votes.get(0);
    }
}
