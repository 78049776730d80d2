package nl.actiegraaf.cli;

import nl.actiegraaf.rdf.ReportConverter;
import nl.actiegraaf.store.ReportSource;

/** The one place where the report converter is plugged into loading. */
final class ReportConversion {
    private ReportConversion() {
    }

    static ReportSource.Converter converter() {
        return ReportConverter.standard()::convert;
    }
}
