package cn.opencredit.gateway.creditcheck;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.opencredit.gateway.creditlist.ListType;
import cn.opencredit.gateway.evaluation.Grade;
import cn.opencredit.gateway.record.RecordCategory;
import cn.opencredit.gateway.record.Severity;
import cn.opencredit.gateway.shared.problem.FieldError;

/** A credit check as it was answered: per subject its grade, the measures that apply in the scenario with what triggers each, and a receipt. */
@Schema(name = "CreditCheck")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreditCheckView(
        @Schema(required = true, examples = "4711") String id,
        @Schema(required = true) CheckScenario scenario,
        @Schema(required = true, examples = "政府采购") String scenarioName,
        @Schema(required = true, examples = "石财采〔2026〕88号") String caseReference,
        @Schema(required = true, examples = "政府采购供应商资格审查") String purpose,
        @Schema(required = true) Checker checkedBy,
        @Schema(required = true) OffsetDateTime checkedAt,
        @Schema(required = true) Summary summary,
        @Schema(required = true, description = "One result per subject asked, in the order asked") List<SubjectResult> subjects) {

    /** Who checked: the consumer, and the department the check counts for (absent for an operator's own check). */
    @Schema(name = "CreditCheckChecker")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Checker(@Schema(required = true, examples = "石河子市财政局") String name, @Schema(examples = "11659001MB0000019Q") String departmentUscc) {
    }

    @Schema(name = "CreditCheckSummary")
    public record Summary(@Schema(required = true, examples = "1") int subjects, @Schema(required = true, examples = "1") int checked,
            @Schema(required = true, description = "Checked subjects with at least one punishment", examples = "1") int punished,
            @Schema(required = true, description = "Checked subjects with at least one incentive", examples = "0") int rewarded) {
    }

    /** What the check found for one subject; {@code status} says whether it could be checked at all. */
    @Schema(name = "CreditCheckSubject")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SubjectResult(
            @Schema(required = true, description = "The USCC as sent", examples = "91659001MA00000152") String uscc,
            @Schema(required = true, enumeration = {"checked", "invalid-uscc", "not-found"}) String status,
            @Schema(examples = "石河子恒通物流有限公司") String name,
            @Schema(description = "The public credit grade; absent while the subject has none") Grade grade,
            @Schema(examples = "差") String gradeName,
            @Schema(description = "Quote it when reporting the measures applied", examples = "4711-0001") String receiptId,
            @Schema(description = "The measures that apply in the scenario; empty when none does") List<AppliedMeasure> measures,
            @Schema(description = "invalid-uscc: what is wrong with the code") List<FieldError> errors) {
    }

    /** A measure that applies, with its legal basis and what of the subject's data triggers it. */
    @Schema(name = "CreditCheckMeasure")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AppliedMeasure(@Schema(required = true, examples = "P-DEBTOR-PROCUREMENT") String code,
            @Schema(required = true, examples = "限制参与政府采购活动") String name, @Schema(required = true) MeasureKind kind,
            @Schema(required = true) MeasureView.Basis basis,
            @Schema(required = true, examples = "[\"财政局\"]") List<String> departments,
            @Schema(required = true) Triggered triggeredBy) {
    }

    /** The list entries, grade and records that trigger a measure. */
    @Schema(name = "CreditCheckTriggers")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Triggered(@Schema(required = true) List<ListBasis> listEntries, Grade grade, @Schema(required = true) List<RecordBasis> records) {
    }

    @Schema(name = "CreditCheckListBasis")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ListBasis(@Schema(required = true, examples = "2048") String id, @Schema(required = true) ListType type,
            @Schema(required = true, examples = "石河子市人民法院") String authority, @Schema(required = true) OffsetDateTime includedAt,
            OffsetDateTime expiresAt, @Schema(required = true, examples = "有履行能力而拒不履行生效法律文书确定义务") String reason) {
    }

    @Schema(name = "CreditCheckRecordBasis")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RecordBasis(@Schema(required = true, examples = "1048576") String id, @Schema(required = true) RecordCategory category,
            @Schema(required = true, examples = "行政处罚决定书") String title, @Schema(examples = "石市监罚〔2026〕118号") String decisionNumber,
            @Schema(required = true) LocalDate decisionDate, @Schema(required = true) Severity severity,
            @Schema(required = true, examples = "石河子市市场监督管理局") String sourceDepartment,
            @Schema(description = "Publication ends after this day") LocalDate publishedUntil) {
    }
}
