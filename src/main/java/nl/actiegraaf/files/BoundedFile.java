package nl.actiegraaf.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a whole input file that a user names, within a size limit. Only regular files: a FIFO would
 * block the reader until some writer comes (forever), and devices such as {@code /dev/zero} report
 * size 0 while they never end. The limit is counted on the bytes actually read, not taken from the
 * size the file system reports, which {@code /proc} files and growing files get wrong.
 */
public final class BoundedFile {
    private BoundedFile() {
    }

    /** A file that is not read, and why, in words for the one-line error after the file name. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String reason) {
            super(reason);
        }
    }

    public static byte[] read(Path file, long maxBytes) throws IOException, Refused {
        requireRegular(file);
        int limit = (int) Math.min(maxBytes, Integer.MAX_VALUE - 16);
        try (InputStream in = Files.newInputStream(file)) {
            // One byte more than allowed tells "exactly at the limit" from "over it" without reading on.
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw new Refused("over the limit of " + limit + " bytes");
            }
            return bytes;
        }
    }

    /** Refuses directories, devices, pipes and sockets before they are opened (opening a FIFO blocks). */
    public static void requireRegular(Path file) throws IOException, Refused {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (attributes.isDirectory()) {
            throw new Refused("is a directory, not a file");
        }
        if (!attributes.isRegularFile()) {
            throw new Refused("not a regular file (a device, pipe or socket); give a file");
        }
    }
}
