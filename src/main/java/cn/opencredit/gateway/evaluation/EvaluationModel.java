package cn.opencredit.gateway.evaluation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.opencredit.gateway.creditlist.ListType;
import cn.opencredit.gateway.record.RecordCategory;
import cn.opencredit.gateway.record.Severity;
import cn.opencredit.gateway.subject.SubjectStatus;

/**
 * A scoring model, read and checked from its document ({@link ModelDocuments}): what every
 * contribution is worth, how points decay, the caps of each dimension, the grade thresholds and
 * their supervision classes. Immutable; the evaluator is a pure function of it and the inputs.
 */
public record EvaluationModel(String version, String nameZh, int base, List<GradeBand> grades, Map<Grade, Double> samplingRatios,
        Map<String, Dimension> dimensions, List<DecayStep> decay, List<RecordRule> records, Map<ListType, ListRule> lists,
        LevelRule taxGrades, LevelRule industryRatings, Map<FactKind, FactRule> facts, String operatingYearsDimension,
        List<YearsStep> operatingYears, Set<SubjectStatus> notEvaluated) {

    public static final int MIN_SCORE = 0;
    public static final int MAX_SCORE = 1000;

    /** A grade from {@code minScore} up to the next band's; bands run best first and the last starts at 0. */
    public record GradeBand(Grade grade, int minScore, SupervisionClass supervision) {
    }

    /** Points of a dimension are kept within {@code min} to {@code max} in total. */
    public record Dimension(String code, String nameZh, int min, int max) {
    }

    /** From {@code fromMonths} after the decision, a decaying record counts {@code factor} of its points. */
    public record DecayStep(int fromMonths, double factor) {
    }

    /** Points for a record of a category (and, for penalties, a severity). */
    public record RecordRule(RecordCategory category, Severity severity, int points, String dimension, boolean decays) {

        String code() {
            return "record:" + category.code() + (severity == null ? "" : ":" + severity.code());
        }
    }

    /** Points while a subject is on a list; a ceiling caps the grade whatever the score. */
    public record ListRule(ListType type, int points, String dimension, Grade gradeCeiling) {

        String code() {
            return "list:" + type.code();
        }
    }

    /** Points by the level of the latest rating of a kind. */
    public record LevelRule(String dimension, Map<String, Integer> points) {
    }

    public record FactRule(FactKind kind, int points, String dimension) {

        String code() {
            return "fact:" + kind.code();
        }
    }

    /** From {@code fromYears} after registration, the subject gets {@code points}. */
    public record YearsStep(int fromYears, int points) {
    }

    /** The band a score falls in. */
    GradeBand band(int score) {
        for (GradeBand band : grades) {
            if (score >= band.minScore()) {
                return band;
            }
        }
        return grades.getLast();
    }

    GradeBand band(Grade grade) {
        return grades.stream().filter(b -> b.grade() == grade).findFirst().orElseThrow();
    }

    /** The rule for a record, the category-and-severity one before the category one. */
    Optional<RecordRule> ruleFor(RecordCategory category, Severity severity) {
        Optional<RecordRule> exact = records.stream().filter(r -> r.category() == category && r.severity() != null && r.severity() == severity)
                .findFirst();
        return exact.isPresent() ? exact : records.stream().filter(r -> r.category() == category && r.severity() == null).findFirst();
    }
}
