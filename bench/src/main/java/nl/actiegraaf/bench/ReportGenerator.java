package nl.actiegraaf.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Synthetic reports in the seed's exact text layout, {@code scale} times the seed, the same for the
 * same random seed.
 *
 * <p>The seed text is first taken apart into its logical rows (themes, actions with their whole
 * description and status, footnotes) and the distributions a report shows: how many characters a page
 * holds, which motion references and organisation abbreviations occur how often, how often an action
 * cites a motion or carries a footnote. A synthetic report repeats the seed's theme structure
 * {@code scale} times; every action takes the description of one seed action and the status of another
 * (HTML, bullets and all), with motion references, organisation abbreviations and "actie N"
 * cross-references redrawn. It is then laid out as the PDF extraction lays out the seed: the title and
 * introduction, a page header on every page, rows cut at a page end in either column and continued
 * after the next header with an empty first column, a footnote at the bottom of its page.
 */
public final class ReportGenerator {
    static final String PAGE_HEADER = "Actie\tOmschrijving\tStand van Zaken";
    private static final Pattern ACTION_ROW = Pattern.compile("^(\\d+)\\.\t([^\t]*)\t?(.*)$");
    private static final Pattern MOTION_REF = Pattern.compile("\\s*\\((NR\\.?\\s*\\d+\\.?[^)]*(?:Motie|motie)[^)]*)\\)");
    private static final Pattern ORGANISATION = Pattern.compile(
            "\\b(BZK|SZW|JenV|J&V|OCW|VWS|Financiën|UWV|SVB|DUO|CAK|CJIB|LBIO|BD|UHT|IenW|EZK|VNG|AP|RvS)\\b");
    private static final Pattern CROSS_REF = Pattern.compile("\\b(actie|acties) (\\d+)\\b");
    private static final Pattern FOOTNOTE_LINE = Pattern.compile("^([¹²³⁴⁵⁶⁷⁸⁹])\\s+(.*)$");

    /** What the generator learnt from the seed. */
    record Model(List<String> preamble, List<Item> items, List<String> descriptions, List<String> statuses,
                 List<String> motionRefs, double motionRate, List<String> organisations, List<Integer> pageSizes,
                 List<String> footnotes, double footnoteRate, int actionCount) {
    }

    /** A logical row of the seed: a theme heading or an action slot. */
    record Item(String heading, boolean action) {
    }

    private final Model model;

    public ReportGenerator(Path seedReport) {
        try {
            this.model = learn(Files.readAllLines(seedReport, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int seedActions() {
        return model.actionCount();
    }

    static Model learn(List<String> lines) {
        List<String> preamble = new ArrayList<>();
        List<Item> items = new ArrayList<>();
        List<StringBuilder[]> actions = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        List<String> footnotes = new ArrayList<>();
        boolean inTable = false;
        int pageChars = 0;
        for (String line : lines) {
            if (line.equals(PAGE_HEADER)) {
                if (inTable && pageChars > 0) {
                    pageSizes.add(pageChars);
                }
                inTable = true;
                pageChars = 0;
                continue;
            }
            if (!inTable) {
                preamble.add(line);
                continue;
            }
            pageChars += height(line);
            Matcher row = ACTION_ROW.matcher(line);
            Matcher note = FOOTNOTE_LINE.matcher(line);
            if (line.isBlank()) {
                continue;
            } else if (row.matches()) {
                actions.add(new StringBuilder[] {new StringBuilder(row.group(2)), new StringBuilder(row.group(3))});
                items.add(new Item(null, true));
            } else if (line.startsWith("\t")) {
                String[] cols = line.substring(1).split("\t", -1);
                StringBuilder[] last = actions.get(actions.size() - 1);
                appendPart(last[0], cols[0]);
                appendPart(last[1], cols.length > 1 ? cols[1] : "");
            } else if (note.matches()) {
                footnotes.add(note.group(2));
            } else {
                items.add(new Item(line.replaceAll("\t+$", ""), false));
            }
        }
        List<String> descriptions = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        List<String> motionRefs = new ArrayList<>();
        List<String> organisations = new ArrayList<>();
        int withMotion = 0;
        for (StringBuilder[] a : actions) {
            String description = a[0].toString();
            Matcher m = MOTION_REF.matcher(description);
            boolean any = false;
            while (m.find()) {
                motionRefs.add(m.group(1));
                any = true;
            }
            withMotion += any ? 1 : 0;
            descriptions.add(m.replaceAll(""));
            statuses.add(a[1].toString().replace(" ¹ ", " "));
            Matcher o = ORGANISATION.matcher(a[0] + " " + a[1]);
            while (o.find()) {
                organisations.add(o.group(1));
            }
        }
        return new Model(preamble, items, descriptions, statuses, motionRefs,
                (double) withMotion / actions.size(), organisations, pageSizes, footnotes,
                (double) footnotes.size() / actions.size(), actions.size());
    }

    /** Characters per printed line in the description and status columns of the PDF's table. */
    static final int DESCRIPTION_WIDTH = 40;
    static final int STATUS_WIDTH = 95;

    /** Printed lines a text line takes on its page: the taller of its two columns. */
    static int height(String line) {
        if (line.isBlank()) {
            return 0;
        }
        String[] cols = line.split("\t", -1);
        if (cols.length < 3) {
            return 1;
        }
        return Math.max(1, Math.max(lines(cols[1], DESCRIPTION_WIDTH), lines(cols[2], STATUS_WIDTH)));
    }

    static int lines(String cell, int width) {
        return (cell.length() + width - 1) / width;
    }

    private static void appendPart(StringBuilder cell, String part) {
        if (part.isEmpty()) {
            return;
        }
        if (cell.length() > 0) {
            cell.append(' ');
        }
        cell.append(part);
    }

    /** What one generated report holds, for checking what a parser reads from it. */
    public record Generated(Path file, int actions, int firstNumber, int footnotes, long bytes) {
    }

    /**
     * Writes {@code scale} times the seed to {@code file} (and its {@code .meta.properties} with the
     * given report id), actions numbered from {@code firstNumber}.
     */
    public Generated write(Path file, String reportId, int scale, long randomSeed, int firstNumber) {
        Random random = new Random(randomSeed);
        Layout out = new Layout(random);
        for (String line : model.preamble()) {
            out.raw(line);
        }
        int total = scale * model.actionCount();
        int number = firstNumber;
        for (int copy = 0; copy < scale; copy++) {
            for (Item item : model.items()) {
                if (!item.action()) {
                    out.row(item.heading(), "", "", false);
                    continue;
                }
                String description = redraw(pick(random, model.descriptions()), random, firstNumber, total);
                if (random.nextDouble() < model.motionRate()) {
                    description = description + " (" + pick(random, model.motionRefs()) + ")";
                }
                String status = redraw(pick(random, model.statuses()), random, firstNumber, total);
                if (!model.footnotes().isEmpty() && random.nextDouble() < model.footnoteRate()
                        && out.withFootnote(pick(random, model.footnotes()))) {
                    status = markFirstSentence(status);
                }
                out.row(number + ".", description, status, true);
                number++;
            }
        }
        out.finish();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, out.text(), StandardCharsets.UTF_8);
            Path meta = nl.actiegraaf.report.ReportMetadataReader.metadataFileOf(file);
            Files.writeString(meta, "# Synthetic report: " + scale + "x the seed, random seed " + randomSeed + "\n"
                    + "id = " + reportId + "\n"
                    + "title = Stand van zaken vervolgacties (synthetisch, " + scale + "x)\n"
                    + "publisher = Actiegraaf benchmark\n", StandardCharsets.UTF_8);
            return new Generated(file, total, firstNumber, out.footnotes, Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Organisation abbreviations and cross-references redrawn from the seed's own distributions. */
    private String redraw(String text, Random random, int first, int total) {
        String orgs = ORGANISATION.matcher(text).replaceAll(m -> Matcher.quoteReplacement(pick(random, model.organisations())));
        return CROSS_REF.matcher(orgs).replaceAll(m -> m.group(1) + " " + (first + random.nextInt(total)));
    }

    /** The seed puts its marker as " ¹ " before the full stop of a sentence. */
    private static String markFirstSentence(String status) {
        int stop = status.indexOf(". ");
        if (stop < 0) {
            return status + " ¹ ";
        }
        return status.substring(0, stop) + " ¹ " + status.substring(stop);
    }

    private static <T> T pick(Random random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    /** Pages of text as the PDF extraction gives them: page size drawn from the seed's pages. */
    private final class Layout {
        private final StringBuilder text = new StringBuilder();
        private final Random random;
        private int room;
        private String footnote;
        private boolean footnoteUsed;
        int footnotes;

        Layout(Random random) {
            this.random = random;
        }

        void raw(String line) {
            text.append(line).append('\n');
        }

        /** Takes a footnote for the current page; false if the page has one already. */
        boolean withFootnote(String note) {
            if (footnote != null) {
                return false;
            }
            footnote = note;
            footnoteUsed = false;
            return true;
        }

        void row(String first, String description, String status, boolean action) {
            if (room <= 0) {
                newPage();
            }
            if (!action) {
                line(first, description, status);
                room -= 1;
                return;
            }
            String desc = description;
            String stat = status;
            String lead = first;
            while (true) {
                int need = Math.max(1, Math.max(lines(desc, DESCRIPTION_WIDTH), lines(stat, STATUS_WIDTH)));
                if (need <= room) {
                    line(lead, desc, stat);
                    room -= need;
                    return;
                }
                // The page ends inside this row: each column is cut where its own text reaches the
                // page end (at a space), so either column, or both, continue on the next page.
                int cutDesc = cutAt(desc, room * DESCRIPTION_WIDTH);
                int cutStat = cutAt(stat, room * STATUS_WIDTH);
                line(lead, desc.substring(0, cutDesc), stat.substring(0, cutStat));
                desc = desc.substring(cutDesc).stripLeading();
                stat = stat.substring(cutStat).stripLeading();
                lead = "";
                newPage();
                if (desc.isEmpty() && stat.isEmpty()) {
                    return;
                }
            }
        }

        private void line(String lead, String desc, String stat) {
            if (footnote != null && !footnoteUsed && stat.contains(" ¹ ")) {
                footnoteUsed = true;
            }
            text.append(lead).append('\t').append(desc).append('\t').append(stat).append('\n');
        }

        private int cutAt(String s, int at) {
            if (at >= s.length()) {
                return s.length();
            }
            int space = s.lastIndexOf(' ', Math.max(at, 0));
            return space <= 0 ? 0 : space;
        }

        private void newPage() {
            endPage();
            text.append('\n').append(PAGE_HEADER).append('\n');
            room = pick(random, model.pageSizes());
        }

        private void endPage() {
            if (footnote != null && footnoteUsed) {
                text.append('\n').append("¹ ").append(footnote).append('\n');
                footnotes++;
            }
            footnote = null;
        }

        void finish() {
            endPage();
        }

        String text() {
            return text.toString();
        }
    }
}
