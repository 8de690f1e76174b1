package cn.opencredit.gateway.consent;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subject's consent to one consumer. */
@Schema(name = "ConsentRequest")
public record ConsentRequest(
        @Schema(required = true, description = "The consenting subject: the caller's own USCC", examples = "91659001MA00000152")
        @NotNull String subjectUscc,
        @Schema(required = true, description = "The consumer (a bank, an app) the subject authorises") @NotNull UUID granteeId,
        @Schema(required = true) @NotNull ConsentPurpose purpose,
        @Schema(required = true, minItems = 1, maxItems = 9, description = "What the grantee may read")
        @NotEmpty @Size(max = 9) List<@NotNull ConsentCategory> categories,
        @Schema(required = true, format = "date", description = "The last day it holds (Beijing time); at most a year ahead",
                examples = "2027-06-30") @NotNull LocalDate validUntil,
        @Schema(maxLength = 100, description = "The loan application number or the like", examples = "HXB-2026-000812") @Size(max = 100)
        String reference) {
}
