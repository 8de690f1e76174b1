package cn.opencredit.gateway.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.ProblemType;

/** Model documents are read whole or refused with every problem named by its path. */
class ModelDocumentsTests {

    private static final String BUNDLED = EvaluationWorker.bundledModel();

    private static List<String> problems(String yaml) {
        ProblemException refused = assertThrows(ProblemException.class, () -> ModelDocuments.read(yaml));
        assertEquals(ProblemType.VALIDATION_FAILED, refused.type());
        return refused.errors().stream().map(e -> e.field() + " " + e.code()).toList();
    }

    @Test
    void shouldReadTheBundledModel() {
        EvaluationModel model = ModelDocuments.read(BUNDLED);
        assertEquals("2026.1", model.version());
        assertEquals(List.of(Grade.A, Grade.B, Grade.C, Grade.D), model.grades().stream().map(EvaluationModel.GradeBand::grade).toList());
        assertEquals(0.30, model.samplingRatios().get(Grade.D));
        assertEquals(Grade.D, model.lists().get(cn.opencredit.gateway.creditlist.ListType.BLACK).gradeCeiling());
    }

    @Test
    void shouldNameEveryProblemOfABrokenModelAtOnce() {
        String broken = BUNDLED
                .replace("{ grade: C, minScore: 500, supervision: focused }", "{ grade: C, minScore: 700, supervision: focused }")
                .replace("{ grade: D, minScore: 0, supervision: strict }", "{ grade: D, minScore: 100, supervision: strict }")
                .replace("D: 0.30", "D: 1.30")
                .replace("{ category: coercion,", "{ category: fine,")
                .replace("{ type: watch, points: -100, dimension: lists }", "{ type: watch, points: -100, dimension: shame }");
        List<String> problems = problems(broken);
        assertTrue(problems.containsAll(List.of("grades[2].minScore overlapping", "grades[3].minScore gap", "samplingRatios.D out-of-range",
                "records[3].category unknown-value", "lists[2].dimension unknown-dimension")), problems.toString());
    }

    @Test
    void shouldRefuseAModelWithAGradeMissing() {
        String missing = BUNDLED.replace("  - { grade: B, minScore: 650, supervision: general }\n", "");
        assertTrue(problems(missing).contains("grades missing-grade"));
    }

    @Test
    void shouldRefuseUnknownFieldsAndWhatIsNotYaml() {
        assertEquals(List.of("colour unknown-field"), problems(BUNDLED + "colour: red\n"));
        assertEquals(List.of("document not-yaml"), problems("version: \"2026.1\nbase: 700\n"));
        assertEquals(List.of("document not-yaml"), problems("grades: ["));
        assertEquals(List.of("base wrong-type"), problems(BUNDLED.replace("base: 700", "base: lots")));
    }

    @Test
    void shouldRefuseDecayThatGrowsWithAge() {
        assertTrue(problems(BUNDLED.replace("{ fromMonths: 24, factor: 0.3 }", "{ fromMonths: 24, factor: 0.9 }")).contains("decay[2].factor order"));
    }

    @Test
    void shouldRefuseARuleForRatingsUnderRecords() {
        String rated = BUNDLED.replace("  - { category: commitment,", "  - { category: tax-credit-grade, points: 5, dimension: ratings }\n"
                + "  - { category: commitment,");
        assertTrue(problems(rated).contains("records[7].category not-allowed"), problems(rated).toString());
    }

    @Test
    void shouldRefuseAFieldNamedTwice() {
        List<FieldError> errors = assertThrows(ProblemException.class, () -> ModelDocuments.read("version: a\nversion: b\n")).errors();
        assertEquals("not-yaml", errors.getFirst().code());
    }
}
