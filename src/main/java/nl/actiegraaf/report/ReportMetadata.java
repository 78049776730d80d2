package nl.actiegraaf.report;

import java.net.URI;
import java.time.LocalDate;

/**
 * What is known about a report beside its text, from the metadata file next to it.
 *
 * @param id        short stable name, used in the report's IRI ({@code id/rapport/{id}})
 * @param date      the report's date, or null when it must be inferred from the text
 * @param source    where the original document was published, or null
 */
public record ReportMetadata(String id, String title, String publisher, URI source, LocalDate date) {
}
