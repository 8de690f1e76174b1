package cn.opencredit.gateway.creditcheck;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.opencredit.gateway.shared.web.SaneDate;

/** The measures a department applied after a check (联合奖惩案例), each against a subject's receipt. */
@Schema(name = "CreditCheckFeedbackRequest")
public record FeedbackRequest(@NotEmpty @Size(max = 1000) @Valid @Schema(required = true) List<@NotNull Item> items) {

    @Schema(name = "CreditCheckFeedbackItem")
    public record Item(@NotBlank @Schema(required = true, examples = "4711-0001") String receiptId,
            @NotBlank @Schema(required = true, examples = "P-DEBTOR-PROCUREMENT") String measureCode,
            @NotBlank @Size(max = 100) @Schema(required = true, examples = "石财采〔2026〕88号") String caseReference,
            @NotNull @SaneDate @Schema(required = true, examples = "2026-12-04") LocalDate appliedOn,
            @NotBlank @Size(max = 500) @Schema(required = true, description = "What was done (the 联合奖惩案例)",
                    examples = "该供应商为失信被执行人，取消其本次政府采购投标资格") String result) {
    }
}
