package cn.opencredit.gateway.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import cn.opencredit.gateway.access.AccessFixtures;
import cn.opencredit.gateway.access.ConsumerType;
import cn.opencredit.gateway.subject.SubjectFixtures;

/**
 * The quick starts and the README run as written: every {@code bash} block of a page, in order, as
 * one script against the gateway on its random port; and every Java block is, word for word, the
 * code {@link ClientBankFlowTests} and {@link QuickstartClientTests} run.
 */
@QuarkusTest
class QuickstartDocsTests {

    private static final Path QUICKSTARTS = Path.of("docs/quickstart");
    /** An opening fence and its info string: {@code ```bash}, {@code ```bash no-test}, {@code ```java}. */
    private static final Pattern FENCE = Pattern.compile("^```(\\S+)(.*)$");
    private static final Pattern SNIPPET = Pattern.compile("^<!-- snippet: (\\S+)#(\\S+) -->$");
    private static final long TIMEOUT_SECONDS = 120;

    @TestHTTPResource("")
    URL root;

    private final SubjectFixtures subjects;

    QuickstartDocsTests(SubjectFixtures subjects) {
        this.subjects = subjects;
    }

    private record Block(String language, boolean tested, String snippet, String text) {
    }

    /** The top-level README and every page of docs/quickstart/. */
    static Stream<String> pages() throws IOException {
        try (Stream<Path> files = Files.list(QUICKSTARTS)) {
            return Stream.concat(Stream.of("README.md"), files.map(Path::toString).filter(p -> p.endsWith(".md")).sorted().toList().stream());
        }
    }

    @ParameterizedTest
    @MethodSource("pages")
    void everyShellBlockOfThePageRuns(String page) throws IOException, InterruptedException {
        subjects.ensureLoaded();
        List<String> shell = blocks(Path.of(page)).stream().filter(b -> b.language().equals("bash") && b.tested()).map(Block::text).toList();
        assertFalse(shell.isEmpty(), page + " has no bash block to run");

        Path dir = Files.createDirectories(Path.of("target/quickstart"));
        String name = page.replace('/', '_').replace(".md", "");
        Path script = dir.resolve(name + ".sh");
        Files.writeString(script, "set -euo pipefail\n" + String.join("\n", shell) + "\n");
        Path log = dir.resolve(name + ".log");
        ProcessBuilder bash = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        bash.environment().put("API", root.toString().replaceAll("/$", "") + "/api/v1");
        bash.environment().put("OPERATOR_KEY", AccessFixtures.OPERATOR_KEY);
        Process run = bash.start();
        boolean ended = run.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!ended) {
            run.destroyForcibly();
        }
        String output = Files.readString(log);
        assertTrue(ended, page + " did not finish within " + TIMEOUT_SECONDS + " s:\n" + output);
        assertEquals(0, run.exitValue(), page + " failed (script " + script + "):\n" + output);
    }

    @Test
    void everyConsumerTypeHasItsQuickstart() {
        for (ConsumerType type : ConsumerType.values()) {
            assertTrue(Files.isRegularFile(QUICKSTARTS.resolve(type.code() + ".md")), "docs/quickstart/" + type.code() + ".md");
        }
    }

    @Test
    void everyJavaBlockIsTheCodeTheTestsRun() throws IOException {
        int compared = 0;
        try (Stream<Path> files = Files.list(QUICKSTARTS)) {
            for (Path page : files.filter(p -> p.toString().endsWith(".md")).toList()) {
                for (Block block : blocks(page)) {
                    if (!block.language().equals("java")) {
                        continue;
                    }
                    assertTrue(block.snippet() != null, page + ": a java block without <!-- snippet: path#region --> above it:\n" + block.text());
                    String[] source = block.snippet().split("#", 2);
                    assertEquals(region(Path.of(source[0]), source[1]), block.text(), page + ": the block of " + block.snippet());
                    compared++;
                }
            }
        }
        assertTrue(compared >= 6, "java blocks compared: " + compared);
    }

    /** The fenced blocks of a page, each with the snippet comment right above it, if any. */
    private static List<Block> blocks(Path page) throws IOException {
        List<Block> found = new ArrayList<>();
        List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
        String snippet = null;
        for (int i = 0; i < lines.size(); i++) {
            Matcher comment = SNIPPET.matcher(lines.get(i));
            if (comment.matches()) {
                snippet = comment.group(1) + "#" + comment.group(2);
                continue;
            }
            Matcher fence = FENCE.matcher(lines.get(i));
            if (!fence.matches()) {
                if (!lines.get(i).isBlank()) {
                    snippet = null;
                }
                continue;
            }
            StringBuilder text = new StringBuilder();
            for (i++; i < lines.size() && !lines.get(i).equals("```"); i++) {
                text.append(lines.get(i)).append('\n');
            }
            found.add(new Block(fence.group(1), !fence.group(2).contains("no-test"), snippet, text.toString()));
            snippet = null;
        }
        return found;
    }

    /** The lines between {@code // quickstart:begin name} and {@code // quickstart:end name}, without their common indentation. */
    private static String region(Path source, String name) throws IOException {
        List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        int begin = indexOf(lines, "// quickstart:begin " + name, source);
        int end = indexOf(lines, "// quickstart:end " + name, source);
        List<String> body = lines.subList(begin + 1, end);
        int indent = body.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return body.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).collect(Collectors.joining("\n", "", "\n"));
    }

    private static int indexOf(List<String> lines, String marker, Path source) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(marker)) {
                return i;
            }
        }
        throw new AssertionError(source + " has no line " + marker);
    }
}
