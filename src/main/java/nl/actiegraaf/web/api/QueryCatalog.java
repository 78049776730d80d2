package nl.actiegraaf.web.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** All curated queries of a folder, read and checked once at start, in file-name order. */
public final class QueryCatalog {
    private final Map<String, CuratedQuery> queries;

    private QueryCatalog(Map<String, CuratedQuery> queries) {
        this.queries = queries;
    }

    /**
     * Reads every {@code *.rq} file of a folder.
     *
     * @throws QueryFileException "file:line: problem" for the first file that cannot be served
     */
    public static QueryCatalog load(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new QueryFileException(folder, 0, "not a folder of curated queries");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(f -> f.getFileName().toString().endsWith(".rq") && Files.isRegularFile(f))
                    .sorted().toList();
        } catch (IOException e) {
            throw new QueryFileException(folder, 0, "cannot list: " + e.getMessage());
        }
        Map<String, CuratedQuery> queries = new LinkedHashMap<>();
        for (Path file : files) {
            CuratedQuery query = QueryFileReader.read(file);
            queries.put(query.name(), query);
        }
        return new QueryCatalog(queries);
    }

    /** No curated queries: the facade was started without a queries folder. */
    public static QueryCatalog empty() {
        return new QueryCatalog(Map.of());
    }

    public Optional<CuratedQuery> get(String name) {
        return Optional.ofNullable(queries.get(name));
    }

    public Collection<CuratedQuery> all() {
        return queries.values();
    }
}
