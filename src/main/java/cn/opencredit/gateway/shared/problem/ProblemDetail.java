package cn.opencredit.gateway.shared.problem;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The RFC 9457 body of every error answer. */
@Schema(name = "Problem", description = "RFC 9457 problem details. `type` is stable per kind of error; `errors` names each bad input.")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ProblemDetail(
        @Schema(description = "Stable per kind of error; `https://api.opencredit.cn/problems/<code>` is documented, with its cause and "
                + "fix, in the section `<code>` of docs/problems.md", examples = "https://api.opencredit.cn/problems/invalid-uscc") URI type,
        @Schema(examples = "Invalid unified social credit code") String title,
        @Schema(examples = "400") int status,
        @Schema(examples = "USCC 914403001922038217: check character (position 18) is '7', expected '6'") String detail,
        @Schema(description = "The request path that failed", examples = "/api/v1/subjects/914403001922038217") String instance,
        @Schema(description = "Identifier of this request in the gateway's logs, for support") String requestId,
        List<FieldError> errors,
        @Schema(description = "The first day on which the refused request could succeed, where the gateway can tell (a credit repair "
                + "applied for before its shortest publication period ended)", examples = "2027-02-20") LocalDate eligibleFrom) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static ProblemDetail of(ProblemType type, String detail, String instance, String requestId, List<FieldError> errors) {
        return of(type, detail, instance, requestId, errors, null);
    }

    public static ProblemDetail of(ProblemType type, String detail, String instance, String requestId, List<FieldError> errors,
            LocalDate eligibleFrom) {
        return new ProblemDetail(type.uri(), type.title(), type.status(), detail, instance, requestId, errors, eligibleFrom);
    }
}
