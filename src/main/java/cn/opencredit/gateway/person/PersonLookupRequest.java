package cn.opencredit.gateway.person;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A person asked for by identity number: in a body, so that the number never lands in a URL or an access log. */
@Schema(name = "PersonLookupRequest")
public record PersonLookupRequest(
        @Schema(required = true, maxLength = 30, examples = "659001199001011234") @NotBlank @Size(max = 30) String identityNumber) {
}
