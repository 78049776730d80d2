package nl.actiegraaf.report;

import java.util.List;

/**
 * One action of the report, reassembled across page breaks and cleaned.
 *
 * @param number      the action's number in the report (1..86 in the seed)
 * @param theme       the most specific heading above it, or null when it precedes every heading
 * @param description the Omschrijving column
 * @param status      the Stand van Zaken column; {@link CellText#EMPTY} when the report left it blank
 * @param footnotes   footnotes whose markers appear in this action's text
 * @param lines       the source lines the action was read from, continuations included
 */
public record ReportAction(int number, Theme theme, CellText description, CellText status,
                           List<Footnote> footnotes, LineRange lines) {
    public ReportAction {
        footnotes = List.copyOf(footnotes);
    }
}
