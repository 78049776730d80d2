package nl.actiegraaf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The deployment examples in docs/deploy/ hold what the README promises. No container builder can run
 * here (no Docker daemon; hadolint is not in Debian; podman and buildah are, but no base image can be
 * pulled), so the Dockerfile is checked for the rules hadolint and a reviewer check first; the systemd
 * unit by systemd's own {@code systemd-analyze verify} where it is installed. The command lines both
 * start are parsed by the real command line, so an option that does not exist fails here.
 */
class DeployFilesTest {
    static final Path DEPLOY = Path.of("docs", "deploy");
    static final Path DOCKERFILE = DEPLOY.resolve("Dockerfile");
    static final Path UNIT = DEPLOY.resolve("actiegraaf.service");

    /** The Dockerfile's instructions, continuation lines joined, comments left out. */
    static List<String[]> instructions() throws Exception {
        List<String[]> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(DOCKERFILE)) {
            if (line.strip().startsWith("#") || (current.isEmpty() && line.isBlank())) {
                continue;
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            current.append(line);
            String text = current.toString().strip();
            current.setLength(0);
            int space = text.indexOf(' ');
            out.add(new String[] {text.substring(0, space).toUpperCase(), text.substring(space + 1).strip()});
        }
        return out;
    }

    static String[] jsonArray(String text) throws Exception {
        return new ObjectMapper().readValue(text, String[].class);
    }

    @Test
    void dockerfileIsMultiStageWithPinnedJava17Images() throws Exception {
        List<String> from = instructions().stream().filter(i -> i[0].equals("FROM")).map(i -> i[1]).toList();
        assertEquals(2, from.size(), "a build stage and a run stage: " + from);
        assertTrue(from.get(0).matches("maven:[\\w.-]*temurin-17\\S* AS build"), "build on a Maven JDK 17 image: " + from.get(0));
        assertTrue(from.get(1).matches("eclipse-temurin:17-jre\\S*"), "run on a JRE 17 image: " + from.get(1));
        from.forEach(image -> assertFalse(image.contains(":latest") || !image.contains(":"), "a pinned tag: " + image));
        assertTrue(instructions().stream().anyMatch(i -> i[0].equals("COPY") && i[1].startsWith("--from=build ")), "the jar comes from the build stage");
    }

    @Test
    void dockerfileRunsAsAUserWithAHealthCheckAndAVolume() throws Exception {
        List<String[]> all = instructions();
        int lastFrom = 0;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i)[0].equals("FROM")) {
                lastFrom = i;
            }
        }
        List<String[]> run = all.subList(lastFrom, all.size());
        String user = run.stream().filter(i -> i[0].equals("USER")).map(i -> i[1]).reduce((a, b) -> b).orElse("root");
        assertFalse(user.equals("root") || user.equals("0") || user.startsWith("0:"), "not root: USER " + user);
        String volume = run.stream().filter(i -> i[0].equals("VOLUME")).map(i -> i[1]).findFirst().orElseThrow();
        String healthcheck = run.stream().filter(i -> i[0].equals("HEALTHCHECK")).map(i -> i[1]).findFirst().orElseThrow();
        assertTrue(healthcheck.contains("/health"), healthcheck);
        String[] entrypoint = jsonArray(run.stream().filter(i -> i[0].equals("ENTRYPOINT")).map(i -> i[1]).findFirst().orElseThrow());
        String[] cmd = jsonArray(run.stream().filter(i -> i[0].equals("CMD")).map(i -> i[1]).findFirst().orElseThrow());
        assertEquals("java", entrypoint[0]);
        List<String> args = Arrays.asList(cmd);
        assertTrue(args.contains("--data") && args.get(args.indexOf("--data") + 1).equals(jsonArray(volume)[0]),
                "the store lives in the volume " + volume + ": " + args);
        String exposed = run.stream().filter(i -> i[0].equals("EXPOSE")).map(i -> i[1]).findFirst().orElseThrow();
        assertEquals(exposed, args.get(args.indexOf("--port") + 1), "EXPOSE the port serve listens on");
        assertTrue(healthcheck.contains("/" + exposed + " "), "the health check asks that port: " + healthcheck);
        assertParses(cmd);
    }

    @Test
    void everyCopiedPathExistsAtTheTopLevel() throws Exception {
        for (String[] copy : instructions().stream().filter(i -> i[0].equals("COPY") && !i[1].startsWith("--from")).toList()) {
            String[] parts = copy[1].split("\\s+");
            for (int i = 0; i < parts.length - 1; i++) {
                assertTrue(Files.exists(Path.of(parts[i])), "COPY " + parts[i] + ": not in the build context (the repository's top level)");
            }
        }
    }

    @Test
    void systemdUnitStartsServeWithOptionsThatExist() throws Exception {
        String unit = Files.readString(UNIT);
        Matcher exec = Pattern.compile("(?m)^ExecStart=(.*)$").matcher(unit);
        assertTrue(exec.find(), "ExecStart");
        List<String> words = Arrays.asList(exec.group(1).strip().split("\\s+"));
        assertTrue(words.get(0).endsWith("/java"), words.toString());
        assertParses(words.subList(words.indexOf("-jar") + 2, words.size()).toArray(String[]::new));
        assertTrue(unit.contains("StateDirectory=actiegraaf") && words.contains("/var/lib/actiegraaf/store"), "the store in the state directory");
        assertTrue(unit.contains("DynamicUser=yes") || unit.matches("(?s).*\\nUser=(?!root).*"), "not root");
    }

    @Test
    void systemdAcceptsTheUnit() throws Exception {
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        Assumptions.assumeTrue(Files.isExecutable(analyze), "systemd-analyze is not installed: the unit is not verified by systemd");
        Process verify = new ProcessBuilder(analyze.toString(), "verify", UNIT.toAbsolutePath().toString()).redirectErrorStream(true).start();
        assertTrue(verify.waitFor(60, TimeUnit.SECONDS));
        String said = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        // verify exits 0 on settings it ignores; each such line names the file, and there must be none.
        List<String> aboutUnit = said.lines().filter(l -> l.contains("actiegraaf.service")).toList();
        assertEquals(List.of(), aboutUnit, said);
        assertEquals(0, verify.exitValue(), said);
    }

    private static void assertParses(String[] args) {
        // The real command line, parsed only: an option serve does not have is an error here.
        new CommandLine(new Main()).parseArgs(args);
    }
}
