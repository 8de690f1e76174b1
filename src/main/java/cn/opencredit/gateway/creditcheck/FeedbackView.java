package cn.opencredit.gateway.creditcheck;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The measures reported as applied after one check. */
@Schema(name = "CreditCheckFeedback")
public record FeedbackView(@Schema(required = true, examples = "4711") String checkId, @Schema(required = true) List<Applied> items) {

    @Schema(name = "CreditCheckAppliedMeasure")
    public record Applied(@Schema(required = true, examples = "88") String id, @Schema(required = true, examples = "4711-0001") String receiptId,
            @Schema(required = true, examples = "91659001MA00000152") String subjectUscc,
            @Schema(required = true, examples = "P-DEBTOR-PROCUREMENT") String measureCode,
            @Schema(required = true, examples = "石财采〔2026〕88号") String caseReference, @Schema(required = true) LocalDate appliedOn,
            @Schema(required = true, examples = "取消其本次政府采购投标资格") String result, @Schema(required = true) OffsetDateTime reportedAt) {
    }
}
