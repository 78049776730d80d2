package nl.actiegraaf.report;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Properties;
import nl.actiegraaf.vocab.Slug;

/**
 * Reads what is known about a report from the small file beside it: for {@code report.txt} that is
 * {@code report.meta.properties} with the keys {@code id}, {@code title}, {@code publisher}, {@code source}
 * (a URL), {@code date} (yyyy-mm-dd) and {@code series} (the series it is an edition of, a slug), each
 * optional. Without the file, or for a missing key, the id
 * comes from the file name and the title from the report's first line.
 */
public final class ReportMetadataReader {
    private ReportMetadataReader() {
    }

    /** The metadata file that belongs to a report file. */
    public static Path metadataFileOf(Path reportFile) {
        String name = reportFile.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return reportFile.resolveSibling(base + ".meta.properties");
    }

    /** @param firstLine the report's first line of text, the title when none is given; may be null */
    public static ReportMetadata read(Path reportFile, String firstLine) {
        Path metaFile = metadataFileOf(reportFile);
        Properties properties = new Properties();
        if (Files.isRegularFile(metaFile)) {
            try (Reader in = Files.newBufferedReader(metaFile, StandardCharsets.UTF_8)) {
                properties.load(in);
            } catch (IOException | IllegalArgumentException e) {
                throw ReportException.in(metaFile, "cannot read the metadata: " + e.getMessage());
            }
        }
        String baseName = metaFile.getFileName().toString().replace(".meta.properties", "");
        String id = value(properties, "id", Slug.of(baseName));
        if (!Slug.of(id).equals(id) || id.isEmpty()) {
            throw ReportException.in(metaFile, "id \"" + id + "\" must be lower case letters, digits and hyphens");
        }
        String title = value(properties, "title", firstLine != null ? firstLine : baseName);
        String publisher = value(properties, "publisher", null);
        URI source = null;
        String sourceText = value(properties, "source", null);
        if (sourceText != null) {
            try {
                source = new URI(sourceText);
                if (!source.isAbsolute()) {
                    throw new URISyntaxException(sourceText, "not an absolute URL");
                }
            } catch (URISyntaxException e) {
                throw ReportException.in(metaFile, "source is not a URL: " + sourceText);
            }
        }
        LocalDate date = null;
        String dateText = value(properties, "date", null);
        if (dateText != null) {
            try {
                date = LocalDate.parse(dateText);
            } catch (DateTimeParseException e) {
                throw ReportException.in(metaFile, "date is not yyyy-mm-dd: " + dateText);
            }
        }
        String series = value(properties, "series", Slug.of(title).isEmpty() ? id : Slug.of(title));
        if (!Slug.isSlug(series)) {
            throw ReportException.in(metaFile, "series \"" + series + "\" must be lower case letters, digits and hyphens");
        }
        return new ReportMetadata(id, title, publisher, source, date, series);
    }

    private static String value(Properties properties, String key, String fallback) {
        String value = properties.getProperty(key);
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
