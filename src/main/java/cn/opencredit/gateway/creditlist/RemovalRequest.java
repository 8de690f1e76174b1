package cn.opencredit.gateway.creditlist;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The including authority's decision to take a subject off a list. */
@Schema(name = "ListEntryRemovalRequest")
public record RemovalRequest(
        @NotNull @Schema(required = true) RemovalReason reason,
        @NotBlank @Size(max = CreditListPolicies.MAX_TEXT_LENGTH)
        @Schema(required = true, description = "The decision behind the removal, e.g. the repair decision's number",
                examples = "滑市监信修〔2026〕12号：已履行行政处罚决定并作出信用承诺") String note) {
}
