package cn.opencredit.gateway.evaluation;

import java.time.LocalDate;
import java.util.List;

/**
 * What the evaluator made of one subject's inputs under one model on one day.
 *
 * @param score         0–1000, null when the subject gets no grade
 * @param notEvaluated  why there is no grade (the subject's status code), else null
 * @param inputsSha256  SHA-256 over the model version and the inputs in canonical order (not the day: see {@link InputsFingerprint})
 * @param validUntil    the first day on which time alone changes the result, null if it never does
 */
public record EvaluationResult(long subjectId, String modelVersion, LocalDate asOf, Integer score, Grade grade,
        SupervisionClass supervision, String notEvaluated, List<Contribution> contributions, byte[] inputsSha256, LocalDate validUntil) {

    /** Whether this result differs from a stored one in what it tells (score, grade, model). */
    boolean differsFrom(Integer otherScore, String otherGrade, String otherModel) {
        return !java.util.Objects.equals(score, otherScore) || !java.util.Objects.equals(grade == null ? null : grade.name(), otherGrade)
                || !modelVersion.equals(otherModel);
    }
}
