package cn.opencredit.gateway.shared.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** docs/problems.md is the catalogue clients switch on: every problem type is in its table, as the code answers it. */
class ProblemCatalogueTests {

    private static final Pattern ROW = Pattern.compile("^\\| `([a-z-]+)` \\| (\\d{3}) \\| ([^|]+) \\|", Pattern.MULTILINE);

    @Test
    void shouldListEveryProblemTypeWithItsStatusAndTitle() throws IOException {
        String catalogue = Files.readString(Path.of("docs/problems.md"));
        List<String> documented = ROW.matcher(catalogue).results().map(ProblemCatalogueTests::row).sorted().toList();
        List<String> answered = Arrays.stream(ProblemType.values()).map(t -> t.code() + " " + t.status() + " " + t.title()).sorted().toList();
        assertEquals(answered, documented);
    }

    private static String row(java.util.regex.MatchResult match) {
        return match.group(1) + " " + match.group(2) + " " + match.group(3).strip();
    }
}
