package cn.opencredit.gateway.person;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.opencredit.gateway.shared.web.SaneDate;

/** What a person authorised an app to (purpose incentive), as the operator who saw the person records it. */
@Schema(name = "PersonConsentRequest")
public record PersonConsentRequest(
        @Schema(required = true, description = "The app the person authorises") @NotNull UUID granteeId,
        @Schema(required = true, format = "date", description = "The last day it holds (Beijing time); at most a year ahead", examples = "2027-06-30")
        @NotNull @SaneDate LocalDate validUntil,
        @Schema(maxLength = 100, description = "The counter receipt or the like", examples = "XYB-2026-0001") @Size(max = 100) String reference) {
}
