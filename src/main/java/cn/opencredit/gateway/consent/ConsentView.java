package cn.opencredit.gateway.consent;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.opencredit.gateway.timeline.TimelineView;

/** A consent with its state: active, expired or revoked. */
@Schema(name = "Consent")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConsentView(
        @Schema(required = true, examples = "77") String id,
        @Schema(description = "The consenting subject; absent for a natural person's consent (persons have no USCC)",
                examples = "91659001MA00000152") String subjectUscc,
        @Schema(required = true) UUID granteeId,
        @Schema(required = true, examples = "bank") String granteeType,
        @Schema(required = true) ConsentPurpose purpose,
        @Schema(required = true) List<ConsentCategory> categories,
        @Schema(examples = "HXB-2026-000812") String reference,
        @Schema(required = true) OffsetDateTime validFrom,
        @Schema(required = true) OffsetDateTime validUntil,
        @Schema(required = true, enumeration = {"active", "expired", "revoked"}) String state,
        OffsetDateTime revokedAt,
        String revocationReason,
        @Schema(required = true, examples = "0") int version,
        @Schema(description = "Grant, revocation and expiry; only when one consent is read") List<TimelineView> events) {
}
