package cn.opencredit.gateway.webhook;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What changes of an endpoint; absent fields stay as they are. */
@Schema(name = "WebhookEndpointPatch")
public record EndpointPatchRequest(
        @Schema(maxLength = 2000, examples = "https://hooks.bank.example.cn/opencredit/v2") @Size(min = 1, max = 2000) String url,
        @Schema(maxLength = 200) @Size(max = 200) String description,
        @Schema(minItems = 1, maxItems = 3) @Size(min = 1, max = 3) List<@NotNull WebhookEventType> eventTypes,
        @Schema(enumeration = {"enabled", "disabled"}, description = "`enabled` also re-enables a failing endpoint: its waiting deliveries "
                + "get a new retry window") EndpointStatus status,
        @Schema(required = true, description = "The endpoint's version, from reading it", examples = "0") @NotNull @PositiveOrZero Integer version) {
}
