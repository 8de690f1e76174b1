package cn.opencredit.gateway.access;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Options of a new key. */
@Schema(name = "KeyRequest")
public record KeyRequest(@Schema(description = "The key stops working at this instant; absent: until revoked",
        examples = "2027-06-30T23:59:59+08:00") OffsetDateTime expiresAt) {
}
