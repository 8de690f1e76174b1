package cn.opencredit.gateway.person;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A person's consent as recorded: revoked through the consents endpoint by its id, like any other. */
@Schema(name = "PersonConsent")
public record PersonConsentView(
        @Schema(examples = "42") String consentId,
        PersonView person,
        UUID granteeId,
        @Schema(examples = "incentive") String purpose,
        LocalDate validUntil) {
}
