package cn.opencredit.gateway.creditcheck;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.opencredit.gateway.creditlist.ListType;
import cn.opencredit.gateway.evaluation.Grade;
import cn.opencredit.gateway.record.RecordCategory;
import cn.opencredit.gateway.record.Severity;

/** One joint incentive or punishment measure (联合奖惩措施) of the catalogue, with what triggers it and where it applies. */
@Schema(name = "CreditMeasure")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MeasureView(
        @Schema(required = true, examples = "P-DEBTOR-PROCUREMENT") String code,
        @Schema(required = true, examples = "限制参与政府采购活动") String name,
        @Schema(required = true) MeasureKind kind,
        @Schema(required = true) Basis basis,
        @Schema(required = true) Triggers triggers,
        @Schema(required = true) List<CheckScenario> scenarios,
        @Schema(required = true, description = "The departments that implement it", examples = "[\"财政局\"]") List<String> departments,
        @Schema(required = true, examples = "2016-01-20") LocalDate validFrom,
        @Schema(description = "The last day it applies; absent while open-ended") LocalDate validUntil,
        @Schema(required = true, description = "Send it back with a change; a stale one is 409", examples = "0") int version) {

    /** The memorandum or rule that binds the departments to the measure, and its clause. */
    @Schema(name = "CreditMeasureBasis")
    public record Basis(@Schema(required = true, examples = "《关于对失信被执行人实施联合惩戒的合作备忘录》（发改财金〔2016〕141号）") String document,
            @Schema(required = true, examples = "二、联合惩戒措施（二）") String clause) {
    }

    /**
     * Any one suffices: a current membership of one of the lists, one of the grades, or a published
     * failing record of one of the categories at least {@code minSeverity}. Repaired, revoked and
     * expired records and removed or expired list entries never trigger.
     */
    @Schema(name = "CreditMeasureTriggers")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Triggers(@Schema(required = true) List<ListType> listTypes, @Schema(required = true) List<Grade> grades,
            @Schema(required = true) List<RecordCategory> recordCategories, Severity minSeverity) {
    }
}
