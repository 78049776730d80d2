package nl.actiegraaf.cli;

import nl.actiegraaf.store.LoadException;
import nl.actiegraaf.store.ReportSource;

/**
 * The one place where the report converter (parser branch: {@code nl.actiegraaf.rdf.ReportConverter})
 * is plugged into loading.
 */
final class ReportConversion {
    private ReportConversion() {
    }

    static ReportSource.Converter converter() {
        // TODO(lead): until the parser branch is merged there is no converter; then this becomes
        // `return new ReportConverter()::convert;` (or ReportConverter::convert if it is static).
        return (file, out) -> {
            throw new LoadException(file + ": reports cannot be converted in this build (no ReportConverter yet)");
        };
    }
}
