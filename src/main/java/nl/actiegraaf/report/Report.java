package nl.actiegraaf.report;

import java.nio.file.Path;
import java.util.List;

/**
 * A parsed report: its metadata, its introduction (the prose between title and table, "" when
 * none), its headings and its actions in table order.
 */
public record Report(Path file, ReportMetadata metadata, String introduction, List<Theme> themes, List<ReportAction> actions) {
    public Report {
        introduction = introduction == null ? "" : introduction;
        themes = List.copyOf(themes);
        actions = List.copyOf(actions);
    }
}
