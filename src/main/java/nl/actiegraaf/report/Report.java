package nl.actiegraaf.report;

import java.nio.file.Path;
import java.util.List;

/** A parsed report: its metadata, its headings and its actions in table order. */
public record Report(Path file, ReportMetadata metadata, List<Theme> themes, List<ReportAction> actions) {
    public Report {
        themes = List.copyOf(themes);
        actions = List.copyOf(actions);
    }
}
