package nl.actiegraaf.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code loadtest}: mixed traffic from many concurrent clients against the real
 * {@code java -jar target/actiegraaf.jar serve} (or {@code --url}, which must be on 127.0.0.0/8), for a
 * bounded time. The facade caps running queries per client address, so each client binds its socket to
 * its own loopback source address (127.0.0.2, 127.0.0.3, ...; the whole 127/8 is loopback on Linux) and
 * speaks plain HTTP/1.1 over it. A 429/503 with {@code Retry-After} is waited out and retried (counted as
 * refused); a failure is any other 5xx, a broken connection or a body that is not the expected answer.
 * The server's heap is sampled with {@code jcmd} while it runs, and measured after a full GC before and after.
 */
final class LoadTest {
    private static final Pattern FACADE = Pattern.compile("Facade: (http://127\\.0\\.0\\.1:\\d+)/");
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");
    private static final String AG = "PREFIX ag: <https://w3id.org/actiegraaf/def#> ";
    private static final int MAX_RETRIES = 20;
    /** The seed's actions, as the store names them since editions came in: one series, {@code pok}. */
    private static final String ACTION = "/id/actie/pok/";

    private LoadTest() {
    }

    /** One kind of request: how to build the i-th one, and how to tell its answer is right. */
    record Kind(String name, IntFunction<String> path, String accept, Predicate<String> bodyOk) {
    }

    /** The mix: every kind equally often, in random order per client. Numbers 1..86 are the seed's actions. */
    static final List<Kind> MIX = List.of(
            new Kind("sparql SELECT json", i -> sparql(AG + "SELECT (COUNT(?a) AS ?n) WHERE { ?a a ag:Actie }"),
                    "application/sparql-results+json", b -> b.contains("\"n\"") && b.contains("\"86\"")),
            new Kind("sparql SELECT csv", i -> sparql("SELECT ?p ?o WHERE { <https://w3id.org/actiegraaf" + ACTION + action(i) + "> ?p ?o }"),
                    "text/csv", b -> b.startsWith("p,o\r\n") && b.contains("actiegraaf/def#")),
            new Kind("sparql CONSTRUCT turtle", i -> sparql("CONSTRUCT { ?s ?p ?o } WHERE { BIND(<https://w3id.org/actiegraaf" + ACTION
                    + action(i) + "> AS ?s) ?s ?p ?o }"), "text/turtle", b -> b.contains("actie/")),
            new Kind("sparql ASK xml", i -> sparql(AG + "ASK { <https://w3id.org/actiegraaf" + ACTION + action(i) + "> a ag:Actie }"),
                    "application/sparql-results+xml", b -> b.contains("<boolean>true</boolean>")),
            new Kind("api actie", i -> "/api/queries/actie?nummer=" + action(i), "application/json", LoadTest::jsonWithRows),
            new Kind("api moties", i -> "/api/queries/moties?motie=35510-21", "application/json", LoadTest::jsonWithRows),
            new Kind("api acties-per-thema", i -> "/api/queries/acties-per-thema?thema=hersteloperatie", "application/json", LoadTest::jsonWithRows),
            new Kind("api deadlines", i -> "/api/queries/deadlines?van=2021-01-01", "application/json", LoadTest::jsonWithRows),
            new Kind("page html", i -> ACTION + action(i), "text/html", b -> b.contains("<h1>Actie ")),
            new Kind("page turtle", i -> ACTION + action(i), "text/turtle", b -> b.contains("omschrijving")),
            new Kind("health", i -> "/health", "application/json", b -> b.contains("\"ok\"")));

    static String sparql(String query) {
        return "/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    static int action(int i) {
        return 1 + Math.floorMod(i, 86);
    }

    static boolean jsonWithRows(String body) {
        String b = body.strip();
        return (b.startsWith("{") || b.startsWith("[")) && b.length() > 20;
    }

    /** Per kind: answered, refused-then-retried, failed, and latencies of the answered ones. */
    static final class Stats {
        final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        final AtomicLong refused = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
    }

    static void run(Bench.Options options) throws Exception {
        int clients = options.integer("clients", 64);
        int seconds = options.integer("seconds", 60);
        String url = options.get("url", null);
        String loadBefore = Bench.load();
        Path dir = null;
        Process server = null;
        try {
            if (url == null) {
                dir = Files.createTempDirectory("actiegraaf-bench-load-");
                server = new ProcessBuilder(Startup.java(), "-Xmx" + options.get("xmx", "512m"), "-jar", Startup.JAR.toString(),
                        "serve", "--port", "0", "--data", dir.resolve("data").toString()).redirectErrorStream(true).start();
                url = ServeLog.await(server, FACADE).get(0).group(1);
            }
            URI base = URI.create(url);
            if (!InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
                throw new IllegalArgumentException("--url must be on 127.0.0.0/8, not " + base.getHost());
            }
            awaitHealthy(base);
            Map<String, Stats> stats = new LinkedHashMap<>();
            for (Kind kind : MIX) { // each kind answers, and rightly, before the load begins (also warms up)
                stats.put(kind.name(), new Stats());
                LoopbackHttp.Response r = LoopbackHttp.get("127.0.0.1", base, kind.path().apply(12), kind.accept());
                if (r.status() != 200 || !kind.bodyOk().test(r.body())) {
                    throw new IllegalStateException(kind.name() + ": HTTP " + r.status() + " " + abbreviate(r.body()));
                }
            }
            long pid = server == null ? options.integer("pid", -1) : server.pid();
            Long heapStart = pid < 0 ? null : heapAfterGc(pid);
            List<Long> samples = Collections.synchronizedList(new ArrayList<>());
            Thread sampler = null;
            if (pid >= 0) {
                sampler = new Thread(() -> {
                    try {
                        while (!Thread.currentThread().isInterrupted()) {
                            samples.add(heapUsedKiB(pid, false));
                            Thread.sleep(5000);
                        }
                    } catch (InterruptedException | IOException e) {
                        // stopped
                    }
                });
                sampler.setDaemon(true);
                sampler.start();
            }
            int slowReaders = options.integer("slow-readers", 0);
            // Side by side needs both phases on a warm server: the first run of 60 s was a JIT warm-up too, and
            // measured 33 req/s alone against 64 beside the slow readers. Not counted.
            int warmup = options.integer("warmup", slowReaders > 0 ? 20 : 0);
            if (warmup > 0) {
                Map<String, Stats> ignored = new LinkedHashMap<>();
                MIX.forEach(kind -> ignored.put(kind.name(), new Stats()));
                long warmEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmup);
                List<Thread> warming = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    String source = "127.0.0." + (2 + c % 240);
                    URI target = base;
                    Thread t = new Thread(() -> client(source, target, warmEnd, ignored, new AtomicReference<>()), "warmup-" + source);
                    warming.add(t);
                    t.start();
                }
                for (Thread t : warming) {
                    t.join(TimeUnit.SECONDS.toMillis(warmup + 120));
                }
                System.out.println("Warm-up: " + warmup + " s of the same load, not counted ("
                        + ignored.values().stream().mapToLong(st -> st.failed.get()).sum() + " failed in it)");
            }
            long failed = 0;
            double[] throughput = new double[2];
            double[] p99 = new double[2];
            // With --slow-readers: the same load twice, side by side, first alone, then with the slow readers.
            for (int phase = slowReaders > 0 ? 0 : 1; phase < 2; phase++) {
                int readers = phase == 0 ? 0 : slowReaders;
                if (phase == 1) {
                    samples.clear(); // the heap line of this phase shows this phase's samples only
                }
                Map<String, Stats> phaseStats = new LinkedHashMap<>();
                MIX.forEach(kind -> phaseStats.put(kind.name(), new Stats()));
                AtomicReference<String> firstFailure = new AtomicReference<>();
                long start = System.nanoTime();
                long end = start + TimeUnit.SECONDS.toNanos(seconds);
                List<Thread> threads = new ArrayList<>();
                SlowReaders silent = new SlowReaders(base, end);
                for (int r = 0; r < readers; r++) {
                    threads.add(silent.start("127.0.0." + (250 + r % 4)));
                }
                for (int c = 0; c < clients; c++) {
                    String source = "127.0.0." + (2 + c % 240);
                    URI target = base;
                    Thread t = new Thread(() -> client(source, target, end, phaseStats, firstFailure), "client-" + source);
                    threads.add(t);
                    t.start();
                }
                for (Thread t : threads) {
                    t.join(TimeUnit.SECONDS.toMillis(seconds + 120));
                }
                double elapsed = (System.nanoTime() - start) / 1e9;
                Long heapEnd = pid < 0 || phase == 0 ? null : heapAfterGc(pid);
                if (phase == 1 && sampler != null) {
                    sampler.interrupt();
                }
                if (readers > 0) {
                    System.out.println();
                    System.out.println("With " + readers + " slow readers beside the clients (4 addresses, 127.0.0.250-253): "
                            + silent.summary());
                }
                report(clients, seconds, elapsed, phaseStats, firstFailure.get(), loadBefore, phase == 0 ? null : heapStart,
                        heapEnd, samples);
                failed += phaseStats.values().stream().mapToLong(s -> s.failed.get()).sum();
                List<Long> all = new ArrayList<>();
                phaseStats.values().forEach(s -> all.addAll(s.nanos));
                throughput[phase] = all.size() / elapsed;
                p99[phase] = Queries.percentile(all, 99);
            }
            if (slowReaders > 0) {
                System.out.println();
                System.out.printf(Locale.ROOT, "Side by side: with %d slow readers / without: throughput %.2f (%.1f / %.1f req/s),"
                                + " p99 %.2f (%s / %s ms)%n", slowReaders, throughput[1] / throughput[0], throughput[1], throughput[0],
                        p99[1] / p99[0], Bench.fmt(p99[1]), Bench.fmt(p99[0]));
            }
            if (failed > 0) {
                System.exit(1);
            }
        } finally {
            if (server != null) {
                server.destroy();
                if (!server.waitFor(60, TimeUnit.SECONDS)) {
                    server.destroyForcibly().waitFor();
                }
            }
            if (dir != null) {
                Loading.delete(dir);
            }
        }
    }

    /** One client: one request at a time, kinds in random order, until the end time; never past it by more than one request. */
    static void client(String source, URI base, long end, Map<String, Stats> stats, AtomicReference<String> firstFailure) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (System.nanoTime() < end) {
            Kind kind = MIX.get(random.nextInt(MIX.size()));
            Stats s = stats.get(kind.name());
            String path = kind.path().apply(random.nextInt(1000));
            for (int attempt = 0; ; attempt++) {
                long t = System.nanoTime();
                String failure;
                try {
                    LoopbackHttp.Response r = LoopbackHttp.get(source, base, path, kind.accept());
                    String retryAfter = r.headers().get("retry-after");
                    if ((r.status() == 429 || r.status() == 503) && retryAfter != null && attempt < MAX_RETRIES) {
                        s.refused.incrementAndGet();
                        Thread.sleep(TimeUnit.SECONDS.toMillis(Long.parseLong(retryAfter.strip())));
                        if (System.nanoTime() >= end) {
                            break; // told to come back after the run ends: not a failure, not an answer
                        }
                        continue;
                    }
                    if (r.status() == 200 && kind.bodyOk().test(r.body())) {
                        s.nanos.add(System.nanoTime() - t);
                        break;
                    }
                    failure = "HTTP " + r.status() + " " + abbreviate(r.body());
                } catch (IOException | RuntimeException e) {
                    failure = e.toString();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                s.failed.incrementAndGet();
                firstFailure.compareAndSet(null, kind.name() + " " + path + " from " + source + ": " + failure);
                break;
            }
        }
    }

    private static void awaitHealthy(URI base) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            try {
                if (LoopbackHttp.get("127.0.0.1", base, "/health", "application/json").status() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(base + "/health did not answer 200 within 5 minutes");
    }

    private static long heapAfterGc(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        return heapUsedKiB(pid, true);
    }

    private static long heapUsedKiB(long pid, boolean strict) throws IOException, InterruptedException {
        Matcher m = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
        if (m.find()) {
            return Long.parseLong(m.group(1));
        }
        if (strict) {
            throw new IOException("jcmd GC.heap_info gave no 'used' figure");
        }
        return -1;
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(Files.exists(jcmd) ? jcmd.toString() : "jcmd", Long.toString(pid), command)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    private static void report(int clients, int seconds, double elapsed, Map<String, Stats> stats, String firstFailure,
            String loadBefore, Long heapStart, Long heapEnd, List<Long> samples) {
        long answered = 0;
        long refused = 0;
        long failed = 0;
        List<Long> all = new ArrayList<>();
        StringBuilder rows = new StringBuilder();
        for (Map.Entry<String, Stats> e : stats.entrySet()) {
            Stats s = e.getValue();
            List<Long> nanos = new ArrayList<>(s.nanos);
            all.addAll(nanos);
            answered += nanos.size();
            refused += s.refused.get();
            failed += s.failed.get();
            rows.append("| ").append(e.getKey()).append(" | ").append(nanos.size()).append(" | ").append(s.refused.get())
                    .append(" | ").append(s.failed.get()).append(" | ").append(Bench.fmt(Queries.percentile(nanos, 50)))
                    .append(" | ").append(Bench.fmt(Queries.percentile(nanos, 99))).append(" |\n");
        }
        rows.append("| **all** | **").append(answered).append("** | ").append(refused).append(" | **").append(failed)
                .append("** | ").append(Bench.fmt(Queries.percentile(all, 50))).append(" | ")
                .append(Bench.fmt(Queries.percentile(all, 99))).append(" |\n");
        System.out.println();
        System.out.println("### Load test: " + clients + " clients (source addresses 127.0.0.2-127.0.0." + (1 + Math.min(clients, 250))
                + ") for " + seconds + " s, mixed traffic (" + Bench.machine() + "; " + loadBefore + " before, " + Bench.load() + " after)");
        System.out.println();
        System.out.println("| kind | answered | refused (429/503 + Retry-After, retried) | failed | p50 ms | p99 ms |");
        System.out.println("|---|---|---|---|---|---|");
        System.out.print(rows);
        System.out.println();
        System.out.printf(Locale.ROOT, "Throughput: %d answered in %.1f s = %.1f req/s; failed %d%s%n", answered, elapsed,
                answered / elapsed, failed, firstFailure == null ? "" : " (first: " + firstFailure + ")");
        if (heapStart != null) {
            List<Long> copy = new ArrayList<>(samples);
            System.out.printf(Locale.ROOT, "Server heap used: %d MiB after GC before the load, %d MiB after GC after it"
                            + " (%+d MiB); sampled every 5 s during it (no GC forced): %s MiB%n",
                    heapStart / 1024, heapEnd / 1024, (heapEnd - heapStart) / 1024,
                    copy.stream().map(k -> Long.toString(k / 1024)).toList());
        }
    }

    /**
     * Clients that ask for a big answer and never read it (issue 17's attack): each sends
     * {@code SELECT * { ?s ?p ?o . ?a ?b ?c }} with a 4 KiB receive window, reads its status line and
     * nothing more, and after the server's query limit plus 2 s closes and asks again, until the end time.
     */
    static final class SlowReaders {
        private static final String BIG = "SELECT * { ?s ?p ?o . ?a ?b ?c }";
        private static final long HOLD_MILLIS = 12_000; // the default 10 s limit + 2 s
        private final URI base;
        private final long end;
        private final AtomicLong sent = new AtomicLong();
        private final AtomicLong errors = new AtomicLong();
        private final Map<String, Long> statuses = new java.util.concurrent.ConcurrentSkipListMap<>();

        SlowReaders(URI base, long end) {
            this.base = base;
            this.end = end;
        }

        Thread start(String source) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    try (java.net.Socket socket = new java.net.Socket()) {
                        socket.setReceiveBufferSize(4096);
                        socket.bind(new java.net.InetSocketAddress(source, 0));
                        socket.connect(new java.net.InetSocketAddress(base.getHost(), base.getPort()), 5000);
                        socket.getOutputStream().write(("GET " + sparql(BIG) + " HTTP/1.1\r\nHost: " + base.getHost()
                                + "\r\nAccept: text/tab-separated-values\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                        socket.getOutputStream().flush();
                        sent.incrementAndGet();
                        long hold = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(
                                Math.min(HOLD_MILLIS, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
                        // Only the status line (12 bytes of a 4 KiB window: the server's writes still block), to
                        // count what such a client gets: 200 (an answer it then leaves unread), 429/503, 504.
                        socket.setSoTimeout((int) Math.max(1, (hold - System.nanoTime()) / 1_000_000));
                        String status;
                        try {
                            byte[] line = socket.getInputStream().readNBytes(12);
                            status = line.length == 12 ? new String(line, 9, 3, StandardCharsets.US_ASCII) : "closed";
                        } catch (java.net.SocketTimeoutException e) {
                            status = "no status before it hung up (12 s, or the run's end)";
                        } catch (IOException e) {
                            status = "reset";
                        }
                        statuses.merge(status, 1L, Long::sum);
                        Thread.sleep(Math.max(0, (hold - System.nanoTime()) / 1_000_000));
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "slow-reader-" + source);
            t.start();
            return t;
        }

        String summary() {
            return sent.get() + " big queries sent and never read (status lines: " + statuses + "), " + errors.get()
                    + " connection errors";
        }
    }

    private static String abbreviate(String body) {
        String oneLine = body.replaceAll("\\s+", " ");
        return oneLine.length() > 160 ? oneLine.substring(0, 160) + "..." : oneLine;
    }
}
