package cn.opencredit.gateway.sandbox;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.opencredit.gateway.access.ConsumerView;
import cn.opencredit.gateway.access.IssuedKeyView;

/** The consumer made, and its test key: shown this once. */
@Schema(name = "SandboxConsumer")
public record SandboxConsumerView(ConsumerView consumer, IssuedKeyView key) {
}
