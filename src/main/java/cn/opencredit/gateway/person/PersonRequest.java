package cn.opencredit.gateway.person;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A natural person a department or operator registers: a resident identity card number, the name, the occupational group. */
@Schema(name = "PersonRequest")
public record PersonRequest(
        @Schema(required = true, maxLength = 30, description = "Resident identity card number (18 characters); hashed and encrypted on arrival",
                examples = "659001199001011234") @NotBlank @Size(max = 30) String identityNumber,
        @Schema(required = true, maxLength = 50, examples = "张三") @NotBlank @Size(max = 50) String name,
        @Schema(nullable = true, examples = "teacher") OccupationalGroup occupation) {
}
