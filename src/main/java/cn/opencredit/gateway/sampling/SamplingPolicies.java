package cn.opencredit.gateway.sampling;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import cn.opencredit.gateway.evaluation.Grade;
import cn.opencredit.gateway.ingestion.IngestionReportView;
import cn.opencredit.gateway.shared.problem.Verdict;
import cn.opencredit.gateway.shared.security.ApiClient;

/** The rules of 双随机 plans and their results: pure functions of the request, the caller and the day. */
final class SamplingPolicies {

    /** Central authorities' USCCs carry 100000 (全国) as their region: their scope is the whole country. */
    static final String NATIONWIDE = "100000";

    private SamplingPolicies() {
    }

    /** Who draws or reports: the caller's consumer type and the USCC it is bound to. */
    record Caller(String type, String boundUscc) {

        boolean operator() {
            return ApiClient.OPERATOR_TYPE.equals(type);
        }
    }

    /** Operators draw for any department; a department only when bound to its USCC; nobody else. */
    static Verdict drawerPolicy(Caller caller) {
        if (caller.operator()) {
            return Verdict.ALLOWED;
        }
        if (!ApiClient.DEPARTMENT_TYPE.equals(caller.type())) {
            return Verdict.rejected(SamplingRejection.NOT_A_DEPARTMENT, "Only department consumers and operators draw inspection samples "
                    + "and report their results");
        }
        if (caller.boundUscc() == null) {
            return Verdict.rejected(SamplingRejection.NOT_BOUND, "This department consumer is not bound to its department's USCC, so it has "
                    + "no region to draw from; an operator must bind it (boundUscc) first");
        }
        return Verdict.ALLOWED;
    }

    /**
     * A department's scope: the region code of its USCC (positions 3–8) without trailing "00"
     * pairs (650000 → 65, 659000 → 6590, 659001 → 659001); empty, the whole country, for central
     * authorities (100000).
     */
    static String scopeOf(String departmentUscc) {
        String region = departmentUscc.substring(2, 8);
        if (NATIONWIDE.equals(region)) {
            return "";
        }
        while (region.endsWith("00")) {
            region = region.substring(0, region.length() - 2);
        }
        return region;
    }

    /** A department draws, and reports, for itself. */
    static Verdict departmentPolicy(Caller caller, String departmentUscc) {
        if (caller.operator() || caller.boundUscc().equals(departmentUscc)) {
            return Verdict.ALLOWED;
        }
        return Verdict.rejected(SamplingRejection.OTHER_DEPARTMENT, "departmentUscc", "this consumer draws for department "
                + caller.boundUscc() + " only, not for " + departmentUscc, caller.boundUscc());
    }

    /** The region a plan draws from: the one named, else a department's own scope; operators may leave it open. */
    static Optional<String> regionOf(Caller caller, Optional<String> named) {
        if (named.isPresent() || caller.operator()) {
            return named;
        }
        String scope = scopeOf(caller.boundUscc());
        return scope.isEmpty() ? Optional.empty() : Optional.of(scope);
    }

    /** A department draws only within its scope: the plan's region starts with it. Operators draw anywhere. */
    static Verdict scopePolicy(Caller caller, Optional<String> region) {
        if (caller.operator()) {
            return Verdict.ALLOWED;
        }
        String scope = scopeOf(caller.boundUscc());
        if (scope.isEmpty() || region.map(r -> r.startsWith(scope)).orElse(false)) {
            return Verdict.ALLOWED;
        }
        return Verdict.rejected(SamplingRejection.OTHER_SCOPE, "region", "region " + region.orElse("(everywhere)")
                + " is outside this department's scope " + scope + ": a department draws from its own region only", scope + "…");
    }

    /** 非请勿扰: A-grade subjects are left alone, except in the four key sectors. */
    static boolean trustedExemptPolicy(Sector sector, Grade grade) {
        return grade == Grade.A && !sector.key();
    }

    /** Whether a plan in this sector leaves A-grade subjects out. */
    static boolean exemptsTrusted(Sector sector) {
        return trustedExemptPolicy(sector, Grade.A);
    }

    /** Inspections decided on or after this day keep a subject out of a plan drawn {@code today}; empty for 0 months. */
    static Optional<LocalDate> inspectedSincePolicy(LocalDate today, int months) {
        return months == 0 ? Optional.empty() : Optional.of(today.minusMonths(months));
    }

    /** A grade the plan does not size takes the model's sampling ratio, so a model must be in force unless the plan sizes every grade. */
    static Verdict modelPolicy(Map<Grade, PlanSpec.Sizing> sizes, boolean modelInForce) {
        if (modelInForce || sizes.size() == Grade.values().length) {
            return Verdict.ALLOWED;
        }
        return Verdict.rejected(SamplingRejection.NO_MODEL_IN_FORCE, "No scoring model is in force to give the sampling ratios of the "
                + "grades this plan does not size; size every grade in perGrade, or publish a model first");
    }

    /** A plan's results come from its department, or an operator. */
    static Verdict reporterPolicy(Caller caller, long planId, String planDepartment) {
        if (caller.operator() || planDepartment.equals(caller.boundUscc())) {
            return Verdict.ALLOWED;
        }
        return Verdict.rejected(SamplingRejection.NOT_YOUR_PLAN, "Plan " + planId + " is department " + planDepartment
                + "'s: only it, or an operator, reports its results");
    }

    /** Results only for subjects the plan drew. */
    static Verdict inSamplePolicy(PlanSpec.ResultRow row, boolean sampled, long planId) {
        return sampled ? Verdict.ALLOWED : Verdict.rejected(SamplingRejection.NOT_IN_SAMPLE, "rows[" + row.index() + "].uscc",
                row.uscc() + " is not in the sample of plan " + planId + "; only sampled subjects are reported");
    }

    /** Each sampled subject's result is reported once; a correction goes through the record's own channels. */
    static Verdict reportedOncePolicy(PlanSpec.ResultRow row, boolean reported, long planId) {
        return reported ? Verdict.rejected(SamplingRejection.REPORTED_ALREADY, "rows[" + row.index() + "].uscc", "the result of "
                + row.uscc() + " in plan " + planId + " was reported already; a result is reported once") : Verdict.ALLOWED;
    }

    /**
     * Every result's record was taken by ingestion. Our own checks should have refused whatever it
     * refuses; if one slips through, the request is refused whole, naming the rows and why.
     */
    static Verdict recordsTakenPolicy(IngestionReportView report) {
        List<Verdict> verdicts = new ArrayList<>();
        for (IngestionReportView.Row row : report.rows()) {
            if (row.outcome() == IngestionReportView.Outcome.REFUSED) {
                String field = "rows[" + (row.row() - 1) + "]";
                String reasons = row.errors().stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
                verdicts.add(Verdict.rejected(SamplingRejection.RECORD_REFUSED, field, "the inspection record of " + field
                        + " was refused: " + reasons));
            }
        }
        return Verdict.all(verdicts);
    }
}
