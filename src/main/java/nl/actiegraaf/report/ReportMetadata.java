package nl.actiegraaf.report;

import java.net.URI;
import java.time.LocalDate;
import java.util.Set;

/**
 * What is known about a report beside its text, from the metadata file next to it.
 *
 * @param id        short stable name, used in the report's IRI ({@code id/rapport/{id}})
 * @param date      the report's date, or null when it must be inferred from the text
 * @param source    where the original document was published, or null
 */
public record ReportMetadata(String id, String title, String publisher, URI source, LocalDate date, Set<String> given) {
    /** The fields the metadata file itself gives (id, title, publisher, source, date); the others were derived. */
    public ReportMetadata {
        given = given == null ? Set.of() : Set.copyOf(given);
    }

    /** Metadata whose every non-null field was given. */
    public ReportMetadata(String id, String title, String publisher, URI source, LocalDate date) {
        this(id, title, publisher, source, date, givenFields(id, title, publisher, source, date));
    }

    private static Set<String> givenFields(String id, String title, String publisher, URI source, LocalDate date) {
        Set<String> given = new java.util.HashSet<>();
        if (id != null) given.add("id");
        if (title != null) given.add("title");
        if (publisher != null) given.add("publisher");
        if (source != null) given.add("source");
        if (date != null) given.add("date");
        return given;
    }
}
