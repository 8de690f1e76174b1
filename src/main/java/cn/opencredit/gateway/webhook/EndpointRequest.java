package cn.opencredit.gateway.webhook;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook endpoint a consumer registers. */
@Schema(name = "WebhookEndpointRequest")
public record EndpointRequest(
        @Schema(required = true, maxLength = 2000, description = "HTTPS URL that resolves to public addresses only",
                examples = "https://hooks.bank.example.cn/opencredit") @NotBlank @Size(max = 2000) String url,
        @Schema(maxLength = 200, examples = "贷后监测：石河子支行") @Size(max = 200) String description,
        @Schema(required = true, minItems = 1, maxItems = 3, description = "The events it receives")
        @NotNull @Size(min = 1, max = 3) List<@NotNull WebhookEventType> eventTypes) {
}
