package nl.actiegraaf.report;

import nl.actiegraaf.vocab.Slug;

import java.net.URI;
import java.time.LocalDate;
import java.util.Set;

/**
 * What is known about a report beside its text, from the metadata file next to it.
 *
 * @param id        short stable name of this edition, used in the report's IRI ({@code id/rapport/{id}})
 * @param date      the report's date, or null when it must be inferred from the text
 * @param source    where the original document was published, or null
 * @param series    the series this report is an edition of ({@code id/reeks/{series}}): the metadata's
 *                  {@code series}, else the slug of the title, so reports with one title are one series
 */
public record ReportMetadata(String id, String title, String publisher, URI source, LocalDate date, String series,
        Set<String> given) {
    /** The fields the metadata file itself gives (id, title, publisher, source, date, series); the others were derived. */
    public ReportMetadata {
        given = given == null ? Set.of() : Set.copyOf(given);
    }

    /** Metadata whose every non-null field was given. */
    public ReportMetadata(String id, String title, String publisher, URI source, LocalDate date, String series) {
        this(id, title, publisher, source, date, series, givenFields(id, title, publisher, source, date, series));
    }

    /** Metadata whose series is the slug of its title, and whose every non-null field was given. */
    public ReportMetadata(String id, String title, String publisher, URI source, LocalDate date) {
        this(id, title, publisher, source, date, Slug.of(title).isEmpty() ? id : Slug.of(title),
                givenFields(id, title, publisher, source, date, null));
    }

    private static Set<String> givenFields(String id, String title, String publisher, URI source, LocalDate date, String series) {
        Set<String> given = new java.util.HashSet<>();
        if (id != null) given.add("id");
        if (title != null) given.add("title");
        if (publisher != null) given.add("publisher");
        if (source != null) given.add("source");
        if (date != null) given.add("date");
        if (series != null) given.add("series");
        return given;
    }
}
