package cn.opencredit.gateway.audit;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One look-up of the subject, as the subject sees it (查询记录). */
@Schema(name = "AccessLogEntry")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccessLogView(
        @Schema(examples = "918273") String id,
        OffsetDateTime occurredAt,
        @Schema(examples = "中国工商银行滑县支行") String consumerName,
        @Schema(description = "Consumer type code, or anonymous", examples = "bank") String consumerType,
        @Schema(examples = "subject.profile") String operation,
        @Schema(description = "The purpose of the consent the data was read under, else the one the consumer declared in X-Purpose",
                examples = "loan-application") String purpose,
        @Schema(description = "HTTP status the consumer was answered", examples = "200") int outcome,
        @Schema(description = "The consent (授权) the data was read under, if any", examples = "4711") String consentId,
        @Schema(description = "What of the subject's data went out under that consent: consent category codes",
                examples = "[\"profile\", \"evaluation\", \"tax\"]") List<String> disclosed) {
}
