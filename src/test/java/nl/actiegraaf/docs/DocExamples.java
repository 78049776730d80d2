package nl.actiegraaf.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runnable examples of a Markdown file: each fenced block that follows a marker comment
 * {@code <!-- example: DATA -->} (DATA names the data the example was run on, e.g. {@code seed} or
 * {@code editions}). A {@code sparql} block is a query for {@code /sparql} whose printed answer is the next
 * fenced block (CSV); a {@code sh} block is a shell session: each {@code $ } line (with its continuation
 * lines while a quote is open or the line ends in a backslash) a command, the lines up to the next one
 * its printed output.
 */
public final class DocExamples {
    private static final Pattern MARKER = Pattern.compile("^<!--\\s*example:\\s*([a-z-]+)\\s*-->\\s*$");
    private static final Pattern FENCE = Pattern.compile("^```\\s*([a-z]*)\\s*$");

    /** One example: its data, the text to run, its kind, the printed output (null: none printed), where it is. */
    public record Example(String data, Kind kind, String run, String printed, String where) {
        @Override
        public String toString() {
            return where + " (" + data + "): " + run.lines().filter(l -> !l.isBlank() && !l.startsWith("PREFIX"))
                    .findFirst().orElse("").strip();
        }
    }

    public enum Kind { SPARQL, SHELL }

    private DocExamples() {
    }

    public static List<Example> read(String file, String markdown) {
        List<String> lines = markdown.lines().toList();
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher marker = MARKER.matcher(lines.get(i));
            if (!marker.matches()) {
                continue;
            }
            String data = marker.group(1);
            int open = nextFence(lines, i + 1, file);
            String lang = fenceLang(lines.get(open));
            int close = closingFence(lines, open, file);
            List<String> body = lines.subList(open + 1, close);
            String where = file + ":" + (open + 1);
            switch (lang) {
                case "sparql" -> {
                    int outOpen = nextFence(lines, close + 1, file);
                    if (outOpen != close + 1) {
                        throw new IllegalArgumentException(file + ":" + (close + 2) + ": the printed answer must follow the query's block directly");
                    }
                    int outClose = closingFence(lines, outOpen, file);
                    examples.add(new Example(data, Kind.SPARQL, String.join("\n", body),
                            String.join("\n", lines.subList(outOpen + 1, outClose)), where));
                    i = outClose;
                }
                case "sh" -> {
                    examples.addAll(session(data, body, file, open + 2));
                    i = close;
                }
                default -> throw new IllegalArgumentException(where + ": an example block is sparql or sh, not '" + lang + "'");
            }
        }
        return examples;
    }

    /** Commands and their printed output. */
    static List<Example> session(String data, List<String> body, String file, int firstLine) {
        List<Example> examples = new ArrayList<>();
        int i = 0;
        while (i < body.size()) {
            if (!body.get(i).startsWith("$ ")) {
                throw new IllegalArgumentException(file + ":" + (firstLine + i) + ": output without a command before it");
            }
            int start = i;
            StringBuilder command = new StringBuilder(body.get(i).substring(2));
            while (open(command.toString()) && i + 1 < body.size()) {
                command.append('\n').append(body.get(++i));
            }
            i++;
            List<String> output = new ArrayList<>();
            while (i < body.size() && !body.get(i).startsWith("$ ")) {
                output.add(body.get(i++));
            }
            examples.add(new Example(data, Kind.SHELL, command.toString(), String.join("\n", output),
                    file + ":" + (firstLine + start)));
        }
        return examples;
    }

    /** Whether the command goes on: an unclosed single or double quote, or a trailing backslash. */
    private static boolean open(String command) {
        boolean single = false;
        boolean dbl = false;
        for (int k = 0; k < command.length(); k++) {
            char c = command.charAt(k);
            if (c == '\'' && !dbl) {
                single = !single;
            } else if (c == '"' && !single) {
                dbl = !dbl;
            } else if (c == '#' && !single && !dbl && (k == 0 || Character.isWhitespace(command.charAt(k - 1)))) {
                // a comment runs to the end of its line
                int eol = command.indexOf('\n', k);
                if (eol < 0) {
                    return false;
                }
                k = eol;
            }
        }
        return single || dbl || command.endsWith("\\");
    }

    /**
     * Whether {@code actual} is what {@code printed} shows: compared without whitespace (line breaks and
     * indentation are layout), {@code ...} stands for any text (a cut), and printed lines starting with
     * {@code # } are commentary.
     */
    public static boolean matches(String printed, String actual) {
        StringBuilder regex = new StringBuilder();
        String shown = String.join("", printed.lines().filter(l -> !l.startsWith("# ")).map(DocExamples::squeeze).toList());
        int from = 0;
        for (int cut = shown.indexOf("..."); cut >= 0; cut = shown.indexOf("...", from)) {
            regex.append(Pattern.quote(shown.substring(from, cut))).append(".*?");
            from = cut + 3;
        }
        regex.append(Pattern.quote(shown.substring(from)));
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(squeeze(actual)).matches();
    }

    private static String squeeze(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static int nextFence(List<String> lines, int from, String file) {
        for (int k = from; k < lines.size(); k++) {
            if (FENCE.matcher(lines.get(k)).matches()) {
                return k;
            }
            if (!lines.get(k).isBlank() && k > from) {
                break;
            }
            if (!lines.get(k).isBlank()) {
                break;
            }
        }
        throw new IllegalArgumentException(file + ":" + from + ": an example marker must be followed by a fenced block");
    }

    private static int closingFence(List<String> lines, int open, String file) {
        for (int k = open + 1; k < lines.size(); k++) {
            if (lines.get(k).strip().equals("```")) {
                return k;
            }
        }
        throw new IllegalArgumentException(file + ":" + (open + 1) + ": unclosed block");
    }

    private static String fenceLang(String fence) {
        Matcher m = FENCE.matcher(fence);
        m.matches();
        return m.group(1);
    }
}
