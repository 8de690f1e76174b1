package cn.opencredit.gateway.evaluation;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

import cn.opencredit.gateway.record.RecordAudience;
import cn.opencredit.gateway.shared.problem.Verdict;

/** The rules of the evaluation's API and model workflow: pure functions of what is stored and who asks. */
final class EvaluationPolicies {

    private EvaluationPolicies() {
    }

    /**
     * Who sees the score and every contribution: the subject itself and departments (the audiences
     * that see more than public records); everyone else sees the grade. Banks and agencies will
     * with the subject's consent.
     */
    static EvaluationView.Detail detailPolicy(RecordAudience audience) {
        return audience == RecordAudience.PUBLIC ? EvaluationView.Detail.SUMMARY : EvaluationView.Detail.FULL;
    }

    /** Only drafts are backtested or published. */
    static Verdict draftPolicy(String version, String status) {
        return "DRAFT".equals(status) ? Verdict.ALLOWED
                : Verdict.rejected(EvaluationRejection.NOT_A_DRAFT, "Model " + version + " is " + status.toLowerCase(java.util.Locale.ROOT)
                        + "; only drafts are backtested and published. Store a new version to change the model");
    }

    /**
     * Draft → backtest → publish: a draft goes into force only after a backtest against the model
     * now in force has finished, so that whoever publishes has seen what it changes.
     */
    static Verdict backtestedPolicy(String version, Optional<String> inForce, boolean backtested) {
        return backtested ? Verdict.ALLOWED
                : Verdict.rejected(EvaluationRejection.BACKTEST_REQUIRED, "Model " + version + " has no finished backtest against "
                        + inForce.map(v -> "the model in force, " + v).orElse("the current state (no model is in force)")
                        + "; start one with POST /api/v1/admin/evaluation/models/" + version + "/backtests and publish once it has finished");
    }

    static Verdict newVersionPolicy(String version, boolean stored) {
        return stored ? Verdict.rejected(EvaluationRejection.VERSION_TAKEN, "Model " + version + " exists already; a version names one "
                + "document for good, so store the change as a new version") : Verdict.ALLOWED;
    }

    /**
     * A stored result still holds when it was made under the same model from the same inputs and
     * time has not changed it yet (its {@code validUntil} is still ahead): evaluating again would give
     * the same result. The results' statement applies the same test before it writes
     * ({@link EvaluationStore#STORE_RESULTS}); this one lets the evaluation skip the work before it.
     */
    static boolean storedResultHoldsPolicy(EvaluationStore.StoredResult stored, String modelVersion, byte[] fingerprint, LocalDate asOf) {
        return stored != null && stored.modelVersion().equals(modelVersion) && Arrays.equals(stored.inputsSha256(), fingerprint)
                && (stored.validUntil() == null || stored.validUntil().isAfter(asOf));
    }

    static Verdict inForcePolicy(boolean present) {
        return present ? Verdict.ALLOWED : Verdict.rejected(EvaluationRejection.NO_MODEL_IN_FORCE, "No scoring model is in force; publish one first");
    }
}
