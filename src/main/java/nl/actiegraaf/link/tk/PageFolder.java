package nl.actiegraaf.link.tk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A folder of OData JSON pages as the API returns them (downloaded by hand, or the fetch cache):
 * every {@code *.json} in it and below, in name order. A page that cannot be read is reported and
 * skipped; the others still count.
 */
public final class PageFolder {
    /** Bigger is no page of the API (it sends at most 250 entities per page). */
    static final long MAX_PAGE_BYTES = 64L * 1024 * 1024;

    private PageFolder() {
    }

    public static List<TkPage> read(Path folder, List<Finding> findings) {
        if (!Files.isDirectory(folder)) {
            throw new TkPageException(folder + ": no such folder");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder, 8)) {
            files = walk.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new TkPageException(folder + ": cannot list: " + e.getMessage());
        }
        List<TkPage> pages = new ArrayList<>();
        for (Path file : files) {
            String origin = folder.relativize(file).toString();
            try {
                if (Files.size(file) > MAX_PAGE_BYTES) {
                    findings.add(new Finding(Finding.Kind.FAILED, origin, "larger than 64 MiB: no page of the API; skipped"));
                    continue;
                }
                pages.add(TkPageReader.read(Files.readAllBytes(file), origin));
            } catch (IOException e) {
                findings.add(new Finding(Finding.Kind.FAILED, origin, "cannot read: " + e.getMessage()));
            } catch (TkPageException e) {
                findings.add(new Finding(Finding.Kind.FAILED, origin, e.getMessage()));
            }
        }
        return pages;
    }
}
