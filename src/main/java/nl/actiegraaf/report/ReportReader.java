package nl.actiegraaf.report;

import java.io.IOException;
import nl.actiegraaf.files.BoundedFile;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a report file into a {@link Report}: bytes to lines ({@link ReportDecoder}), lines to table
 * ({@link ReportParser}), and the metadata file beside it ({@link ReportMetadataReader}).
 * Every problem is a {@link ReportException} with a one-line message naming the file.
 */
public final class ReportReader {
    /** Larger than any report of this kind by far; refuses to read a disk image by mistake. */
    private static final long MAX_BYTES = 64L * 1024 * 1024;

    /** Reads with the standard error policy ({@link ReportErrors.Policy#TOLERATE_CUT_END}). */
    public Report read(Path file) {
        return read(file, ReportErrors.standard());
    }

    /** Reads with {@code errors}' policy; the errors of the table it let pass are in {@code errors} afterwards. */
    public Report read(Path file, ReportErrors errors) {
        byte[] bytes = readBytes(file);
        ReportDecoder.DecodedText text = ReportDecoder.decode(file, bytes);
        ReportParser.ParsedTable table = ReportParser.parse(file, text, errors);
        ReportMetadata metadata = ReportMetadataReader.read(file, table.firstLine());
        return new Report(file, metadata, table.introduction(), table.themes(), table.actions());
    }

    private static byte[] readBytes(Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw ReportException.in(file, "is a directory, not a report file");
            }
            return BoundedFile.read(file, MAX_BYTES);
        } catch (BoundedFile.Refused e) {
            throw ReportException.in(file, e.getMessage());
        } catch (NoSuchFileException e) {
            throw ReportException.in(file, "no such file");
        } catch (AccessDeniedException e) {
            throw ReportException.in(file, "permission denied");
        } catch (IOException e) {
            throw ReportException.in(file, "cannot read: " + e.getMessage());
        }
    }
}
