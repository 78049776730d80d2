package nl.actiegraaf.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.actiegraaf.rdf.ActionFactsWriter;
import nl.actiegraaf.rdf.ReportConverter;
import nl.actiegraaf.report.ReportMetadataReader;
import nl.actiegraaf.store.ReportSource;

/** The one place where the report converter is plugged into loading. */
final class ReportConversion {
    private ReportConversion() {
    }

    static ReportSource.Converter converter() {
        return ReportConverter.standard()::convert;
    }

    /** A report as a graph source, with the registers it reads and the converter version in its source digest. */
    static ReportSource source(Path file) {
        // Everything the converter reads besides the report: its metadata file and the registers.
        List<Path> inputs = new ArrayList<>();
        inputs.add(ReportMetadataReader.metadataFileOf(file));
        inputs.addAll(ActionFactsWriter.registerFilesFor(file));
        return new ReportSource(file, converter(), ReportConverter.VERSION, inputs);
    }
}
