package nl.actiegraaf.link.tk;

/**
 * A Kamerstuk of the graph joined to its TK records: the Document, its Zaak (of Soort Motie for a
 * motion; null when the Document has none) and the vote that decided it (null when none is published).
 */
public record TkMatch(KamerstukRef paper, TkRecords.Document document, TkRecords.Zaak zaak, TkRecords.Besluit vote) {
}
