package cn.opencredit.gateway.shared.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * docs/problems.md documents every problem type the gateway can answer with: a section anchored by
 * the type's code, so that the type URI {@code …/problems/<code>} names {@code problems.md#<code>},
 * with the cause and the fix; and the catalogue's table links each code to its section.
 */
class ProblemCatalogueTests {

    private static final Path CATALOGUE = Path.of("docs/problems.md");
    private static final Pattern SECTION = Pattern.compile("^### ([a-z0-9-]+)$");
    /** A cause or fix of a few words is not one; the shortest written so far has more than 20 characters. */
    private static final int MEANINGFUL = 20;

    /** The sections under "Each type", by heading, with their text. */
    private static Map<String, String> sections() throws IOException {
        Map<String, String> sections = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(CATALOGUE, StandardCharsets.UTF_8);
        String current = null;
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            Matcher heading = SECTION.matcher(line);
            if (heading.matches() || line.startsWith("## ")) {
                if (current != null) {
                    sections.put(current, text.toString());
                }
                current = heading.matches() ? heading.group(1) : null;
                text.setLength(0);
            } else if (current != null) {
                text.append(line).append('\n');
            }
        }
        if (current != null) {
            sections.put(current, text.toString());
        }
        return sections;
    }

    @Test
    void everyTypeHasASectionWithItsUriCauseAndFix() throws IOException {
        Map<String, String> sections = sections();
        for (ProblemType type : ProblemType.values()) {
            String section = sections.get(type.code());
            assertTrue(section != null, "docs/problems.md has no section ### " + type.code());
            assertTrue(section.contains("`" + type.status() + "` · `" + type.uri() + "`"), type.code() + ": status and type URI");
            assertTrue(sentence(section, "**Cause.**").length() > MEANINGFUL, type.code() + ": a cause");
            assertTrue(sentence(section, "**Fix.**").length() > MEANINGFUL, type.code() + ": a fix");
        }
    }

    @Test
    void everySectionIsATypeTheGatewayHas() throws IOException {
        Set<String> codes = Arrays.stream(ProblemType.values()).map(ProblemType::code).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(codes, new TreeSet<>(sections().keySet()));
    }

    @Test
    void theTableLinksEveryTypeToItsSection() throws IOException {
        String catalogue = Files.readString(CATALOGUE, StandardCharsets.UTF_8);
        for (ProblemType type : ProblemType.values()) {
            assertTrue(catalogue.contains("| [`" + type.code() + "`](#" + type.code() + ") | " + type.status() + " | " + type.title() + " |"),
                    type.code() + ": its row in the table, linked, with status and title");
        }
    }

    private static String sentence(String section, String label) {
        int at = section.indexOf(label);
        if (at < 0) {
            return "";
        }
        int end = section.indexOf("\n\n", at);
        return section.substring(at + label.length(), end < 0 ? section.length() : end).strip();
    }
}
