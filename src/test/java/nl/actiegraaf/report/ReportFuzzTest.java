package nl.actiegraaf.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import nl.actiegraaf.rdf.ReportConverter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.irix.IRIx;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sys.JenaSystem;

/**
 * Fuzzing the report reader and the converter with hostile input: random bytes, damaged seed lines,
 * huge cells, deep HTML, endless continuation rows, odd encodings, random tabs. Whatever comes in, the
 * converter ends within a time bound with triples or with a {@link ReportException} whose message is one
 * line naming the file: no other exception, no hang.
 *
 * <p>The CI run is bounded by {@code jqwik.tries.default} in {@code junit-platform.properties}; a longer
 * run raises it: {@code mvn -q -Dtest=ReportFuzzTest -Djqwik.tries.default=3000 test}. The four properties
 * of huge inputs (megabytes each) keep their fixed 20 tries. jqwik prints the seed of a failing run, so
 * it can be replayed.
 */
class ReportFuzzTest {
    /**
     * Only a guard against a hang (an endless loop ends the try as a failure), not a timing claim: unit tests
     * assert no times on this shared machine (20 s failed at load 20 for a 0.7 MB cell that takes ~2 s on a
     * quiet one). How fast conversion is, and that it stays linear, is the conversion bench's to say.
     */
    private static final long TIME_LIMIT_SECONDS = 180;

    private static final List<String> SEED_LINES = Seed.text().lines().toList();
    private static final List<String> TOKENS = List.of("\t", "\t\t", "<p>", "</p>", "<ul style=\"x\">", "</ul>",
            "<li>", "</li>", "<div>", "<br/>", "<!--", "-->", "<", ">", "&", "&amp;", "&#0;", "&#x110000;",
            "&#9999999;", "&eacute;", " - ", "- ", "\u2022 ", "(", ")", "¹", "²", "³", "\u2070", "^", "^e", "1^e",
            ".", ";", ":", "?", "\"", "\u00A0", "\u200B", "\uFEFF", "\u00AD", "\r", "\n", "\f", "1.", "99999.",
            "0.", "007", "Actie", "Omschrijving", "Stand van Zaken", "HERSTELOPERATIE", "ΑΒΓΔ", "ÆØÅ", "ß", "İ",
            "\uD83D\uDE00", "e\u0301", "x", " ", "Stand van zaken vervolgacties");
    private static final List<Charset> CHARSETS = Stream.of("UTF-16LE", "UTF-16BE", "UTF-16", "UTF-32",
            "UTF-32LE", "ISO-8859-1", "windows-1252", "IBM037", "GB18030", "Shift_JIS", "x-UTF-16LE-BOM",
            "UTF-8").map(Charset::forName).toList();

    private static Path dir;
    private static ExecutorService worker;
    private static final AtomicLong TRIES = new AtomicLong();
    private static final AtomicLong REFUSED = new AtomicLong();
    private static final AtomicLong SLOWEST_MS = new AtomicLong();

    @BeforeContainer
    static void setUp() throws IOException {
        JenaSystem.init(); // on this thread: Jena's class initialisation must not start inside a vocabulary class
        dir = Files.createTempDirectory("report-fuzz");
        worker = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fuzz-worker");
            t.setDaemon(true); // a hung parse must not keep the test JVM alive
            return t;
        });
    }

    @AfterContainer
    static void tearDown() throws IOException {
        worker.shutdownNow();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        System.out.printf("ReportFuzzTest: %d inputs, %d refused with a one-line error, slowest %d ms%n",
                TRIES.get(), REFUSED.get(), SLOWEST_MS.get());
    }

    // ---- the properties --------------------------------------------------------------------------

    @Property
    void randomBytes(@ForAll("bytes") byte[] bytes) {
        assertConvertsOrRefuses(bytes);
    }

    @Property
    void randomText(@ForAll("text") String text) {
        assertConvertsOrRefuses(text.getBytes(StandardCharsets.UTF_8));
    }

    @Property
    void damagedSeed(@ForAll("damagedSeed") String text) {
        assertConvertsOrRefuses(text.getBytes(StandardCharsets.UTF_8));
    }

    @Property
    void randomTabsAndLineBreaks(@ForAll("seedWindow") String text, @ForAll("positions") List<Integer> positions,
            @ForAll("breaks") List<String> inserted) {
        StringBuilder out = new StringBuilder(text);
        for (int i = 0; i < Math.min(positions.size(), inserted.size()); i++) {
            out.insert(positions.get(i) % (out.length() + 1), inserted.get(i));
        }
        assertConvertsOrRefuses(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Property
    void oddEncodings(@ForAll("seedWindow") String text, @ForAll("charsets") Charset charset, @ForAll boolean cutOdd) {
        byte[] bytes = text.getBytes(charset);
        if (cutOdd && bytes.length > 1) {
            bytes = java.util.Arrays.copyOf(bytes, bytes.length - 1 - (bytes.length % 2 == 0 ? 0 : 1));
        }
        assertConvertsOrRefuses(bytes);
    }

    @Property(tries = 20)
    void hugeCells(@ForAll("hugeCell") String text) {
        assertConvertsOrRefuses(text.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 20)
    void deepHtml(@ForAll("deepHtml") String text) {
        assertConvertsOrRefuses(text.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 20)
    void endlessContinuationRows(@ForAll("continuations") String text) {
        assertConvertsOrRefuses(text.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 20)
    void manyFootnotes(@ForAll("footnotes") String text) {
        assertConvertsOrRefuses(text.getBytes(StandardCharsets.UTF_8));
    }

    // ---- the generators --------------------------------------------------------------------------

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(3000);
    }

    @Provide
    Arbitrary<String> text() {
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(400);
        Arbitrary<String> token = Arbitraries.of(TOKENS);
        return Arbitraries.oneOf(any, token).list().ofMaxSize(80).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<String> seedWindow() {
        return Combinators.combine(Arbitraries.integers().between(0, SEED_LINES.size() - 1),
                        Arbitraries.integers().between(1, 60))
                .as((from, count) -> String.join("\n", SEED_LINES.subList(from, Math.min(SEED_LINES.size(), from + count))));
    }

    @Provide
    Arbitrary<String> damagedSeed() {
        Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.of(MutationKind.class),
                        Arbitraries.integers().between(0, Integer.MAX_VALUE),
                        Arbitraries.integers().between(0, Integer.MAX_VALUE),
                        Arbitraries.oneOf(Arbitraries.of(TOKENS), Arbitraries.strings().ofMaxLength(30)))
                .as(Mutation::new);
        return Combinators.combine(Arbitraries.integers().between(0, SEED_LINES.size() - 1),
                        Arbitraries.integers().between(1, SEED_LINES.size()), mutation.list().ofMaxSize(25))
                .as((from, count, mutations) -> {
                    List<String> lines = new ArrayList<>(SEED_LINES.subList(from, Math.min(SEED_LINES.size(), from + count)));
                    mutations.forEach(m -> m.apply(lines));
                    return String.join("\n", lines);
                });
    }

    @Provide
    Arbitrary<List<Integer>> positions() {
        return Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofMaxSize(60);
    }

    @Provide
    Arbitrary<List<String>> breaks() {
        return Arbitraries.of("\t", "\t\t", "\n", "\r", "\r\n", "\n\t", "\t\n", "\f", "\n\n").list().ofMaxSize(60);
    }

    @Provide
    Arbitrary<Charset> charsets() {
        return Arbitraries.of(CHARSETS);
    }

    /** One action whose description or status is one token repeated up to hundreds of thousands of times. */
    @Provide
    Arbitrary<String> hugeCell() {
        return Combinators.combine(Arbitraries.of(TOKENS).list().ofMinSize(1).ofMaxSize(4),
                        Arbitraries.integers().between(1_000, 300_000), Arbitraries.of(true, false))
                .as((tokens, times, inStatus) -> {
                    String unit = String.join("", tokens).replace("\n", " ").replace("\r", " ");
                    String cell = unit.repeat(Math.max(1, times / Math.max(1, unit.length() / 4 + 1)));
                    return "Titel\nActie\tOmschrijving\tStand van Zaken\n1.\t"
                            + (inStatus ? "Korte omschrijving\t" + cell : cell + "\tKort") + "\n";
                });
    }

    /** Markup nested or left open tens of thousands of levels deep. */
    @Provide
    Arbitrary<String> deepHtml() {
        return Combinators.combine(Arbitraries.of("<div>", "<ul>", "<p>", "<li>", "<ul style=\"", "<!--", "<a href=\"",
                                "<", "<b><i>", "(", "<p>- "),
                        Arbitraries.of("", "</div>", "</ul>", "</p>", "-->", ">", ")", "x"),
                        Arbitraries.integers().between(100, 60_000))
                .as((open, close, depth) -> "Titel\nActie\tOmschrijving\tStand van Zaken\n1.\tTekst "
                        + open.repeat(depth) + "midden" + close.repeat(depth / 2) + "\t" + open.repeat(depth) + "\n");
    }

    /** One action row followed by up to a hundred thousand continuation rows, with page breaks between. */
    @Provide
    Arbitrary<String> continuations() {
        return Combinators.combine(Arbitraries.integers().between(10, 100_000),
                        Arbitraries.of("\tdoorlopende tekst\t", "\t\tstatus gaat door", "\t<p>tekst</p>\t - punt",
                                "\t- item\t(april - okt", "\tzin.\t", "\t\t\t\t\tx"),
                        Arbitraries.integers().between(0, 50))
                .as((rows, row, pageEvery) -> {
                    StringBuilder out = new StringBuilder("Titel\nActie\tOmschrijving\tStand van Zaken\n1.\tBegin\tBegin\n");
                    for (int i = 0; i < rows; i++) {
                        if (pageEvery > 0 && i % pageEvery == 0) {
                            out.append("\nActie\tOmschrijving\tStand van Zaken\n");
                        }
                        out.append(row).append('\n');
                    }
                    return out.toString();
                });
    }

    /** Thousands of footnote markers and footnotes, numbered anyhow. */
    @Provide
    Arbitrary<String> footnotes() {
        return Combinators.combine(Arbitraries.integers().between(1, 3_000), Arbitraries.integers().between(1, 20),
                        Arbitraries.of("¹", "²", "³", "¹²", "\u2070\u2074"))
                .as((actions, notesPerAction, marker) -> {
                    StringBuilder out = new StringBuilder("Titel\nActie\tOmschrijving\tStand van Zaken\n");
                    for (int a = 1; a <= actions; a++) {
                        out.append(a).append(".\tTekst").append(marker.repeat(notesPerAction)).append(" en ")
                                .append(marker).append("\tStand").append(marker).append('\n');
                        for (int n = 0; n < notesPerAction; n++) {
                            out.append(marker).append(" Voetnoot ").append(n).append('\n');
                        }
                    }
                    return out.toString();
                });
    }

    enum MutationKind { DELETE, DUPLICATE, MOVE, INSERT_TOKEN, REPLACE_LINE, CUT_LINE, TAB_SPLIT, BLANK }

    record Mutation(MutationKind kind, int a, int b, String token) {
        void apply(List<String> lines) {
            if (lines.isEmpty()) {
                lines.add(token);
                return;
            }
            int i = a % lines.size();
            String line = lines.get(i);
            int at = line.isEmpty() ? 0 : b % (line.length() + 1);
            switch (kind) {
                case DELETE -> lines.remove(i);
                case DUPLICATE -> lines.add(b % lines.size(), line);
                case MOVE -> lines.add(b % lines.size(), lines.remove(i));
                case INSERT_TOKEN -> lines.set(i, line.substring(0, at) + token + line.substring(at));
                case REPLACE_LINE -> lines.set(i, token);
                case CUT_LINE -> lines.set(i, line.substring(0, at));
                case TAB_SPLIT -> lines.set(i, line.substring(0, at) + "\t" + line.substring(at));
                case BLANK -> lines.add(i, "");
            }
        }
    }

    // ---- the check -------------------------------------------------------------------------------

    /** Converts the bytes as a report file: triples, or a one-line error naming the file, within the time limit. */
    static void assertConvertsOrRefuses(byte[] bytes) {
        Path file;
        try {
            file = Files.createTempFile(dir, "fuzz", ".txt");
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long start = System.nanoTime();
        Future<Throwable> outcome = worker.submit(() -> {
            try {
                IriChecker sink = new IriChecker();
                ReportConverter.standard().convert(file, sink);
                assertTrue(sink.triples > 0, "a report without triples");
                return null;
            } catch (ReportException e) {
                return e;
            } catch (Throwable e) {
                return new AssertionError("crashed with " + e, e);
            }
        });
        try {
            Throwable result = outcome.get(TIME_LIMIT_SECONDS, TimeUnit.SECONDS);
            TRIES.incrementAndGet();
            SLOWEST_MS.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
            if (result instanceof ReportException e) {
                REFUSED.incrementAndGet();
                String message = e.getMessage();
                assertTrue(message.startsWith(file + ":") || message.startsWith(file.toString().replace(".txt", ".meta.properties")),
                        "the message names the file: " + message);
                assertFalse(message.contains("\n") || message.contains("\r"), "one line: " + message);
                assertTrue(message.length() < 500, "a short message: " + message.length() + " characters");
            } else if (result instanceof AssertionError e) {
                throw e;
            } else if (result != null) {
                fail(result);
            }
        } catch (TimeoutException e) {
            outcome.cancel(true);
            fail("no answer within " + TIME_LIMIT_SECONDS + " s for " + bytes.length + " bytes: " + preview(bytes));
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError(e);
        } finally {
            file.toFile().delete();
        }
    }

    private static String preview(byte[] bytes) {
        String text = new String(bytes, 0, Math.min(bytes.length, 300), StandardCharsets.UTF_8);
        return text.replace("\n", "\\n").replace("\t", "\\t");
    }

    /** Counts the triples and checks every IRI the converter mints is a valid IRI that names something. */
    private static final class IriChecker extends StreamRDFBase {
        int triples;

        @Override
        public void triple(Triple triple) {
            triples++;
            check(triple.getSubject());
            check(triple.getObject());
        }

        private static void check(Node node) {
            if (node.isURI()) {
                IRIx iri = IRIx.create(node.getURI()); // throws on an invalid IRI
                assertFalse(node.getURI().endsWith("/"), "an IRI with an empty last segment: " + iri);
            }
        }
    }
}
