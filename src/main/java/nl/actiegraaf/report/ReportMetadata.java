package nl.actiegraaf.report;

import nl.actiegraaf.vocab.Slug;

import java.net.URI;
import java.time.LocalDate;

/**
 * What is known about a report beside its text, from the metadata file next to it.
 *
 * @param id        short stable name of this edition, used in the report's IRI ({@code id/rapport/{id}})
 * @param date      the report's date, or null when it must be inferred from the text
 * @param source    where the original document was published, or null
 * @param series    the series this report is an edition of ({@code id/reeks/{series}}): the metadata's
 *                  {@code series}, else the slug of the title, so reports with one title are one series
 */
public record ReportMetadata(String id, String title, String publisher, URI source, LocalDate date, String series) {

    /** Metadata whose series is the slug of its title. */
    public ReportMetadata(String id, String title, String publisher, URI source, LocalDate date) {
        this(id, title, publisher, source, date, nl.actiegraaf.vocab.Slug.of(title).isEmpty() ? id : nl.actiegraaf.vocab.Slug.of(title));
    }
}
