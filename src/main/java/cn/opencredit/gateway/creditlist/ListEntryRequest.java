package cn.opencredit.gateway.creditlist;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A department's decision to put a subject on a list. The list type comes from the path. Blank
 * optional texts count as absent. The codes are plain strings here so that a wrong one is reported
 * under its own field name with every failing part (the service validates both at once).
 */
@Schema(name = "ListEntryRequest")
public record ListEntryRequest(
        @NotBlank @Size(max = CreditListPolicies.MAX_CODE_LENGTH)
        @Schema(required = true, description = "USCC of a registered subject", examples = "91410526MA9GQWXK0J") String subjectUscc,
        @Size(max = CreditListPolicies.MAX_NAME_LENGTH)
        @Schema(description = "Cross-check against a wrong code (重错码): when given, it must be the registered name "
                + "(full-width and half-width forms count as equal)", examples = "滑县恒信农业发展有限公司") String subjectName,
        @NotBlank @Size(max = CreditListPolicies.MAX_NAME_LENGTH) @Schema(required = true, examples = "滑县市场监督管理局") String authority,
        @NotBlank @Size(max = CreditListPolicies.MAX_CODE_LENGTH)
        @Schema(required = true, description = "USCC of the including authority, a government body (11…); a department may only name its own",
                examples = "11410526MB1C37623U") String authorityUscc,
        @NotBlank @Size(max = CreditListPolicies.MAX_TEXT_LENGTH) @Schema(required = true, examples = "拒不履行行政处罚决定，情节严重") String reason,
        @NotBlank @Size(max = CreditListPolicies.MAX_TEXT_LENGTH)
        @Schema(required = true, examples = "《市场监督管理严重违法失信名单管理办法》第二条") String legalBasis,
        @Schema(description = "When the inclusion took effect; defaults to now, at most a minute ahead of the gateway's clock")
        OffsetDateTime includedAt,
        @Schema(description = "The entry leaves the list by itself at this instant; after includedAt; absent when open-ended")
        OffsetDateTime expiresAt,
        @Size(max = CreditListPolicies.MAX_PERSON_NAME_LENGTH)
        @Schema(description = "Black list only (责任追究): the enterprise's legal representative; defaults to the registered one",
                examples = "王建国") String legalRepresentative) {
}
