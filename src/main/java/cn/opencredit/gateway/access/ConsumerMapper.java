package cn.opencredit.gateway.access;

import java.time.OffsetDateTime;
import java.util.List;

/** Consumer entities → admin views; key hashes never leave this package. */
final class ConsumerMapper {

    private ConsumerMapper() {
    }

    static ConsumerView toView(Consumer consumer, OffsetDateTime now, boolean withKeys) {
        List<ConsumerView.KeyView> keys = withKeys ? consumer.keys.stream().map(key -> toView(key, now)).toList() : null;
        return new ConsumerView(consumer.id, consumer.name, consumer.type, List.of(consumer.scopes), consumer.plan, consumer.boundUscc,
                consumer.status, consumer.createdAt, consumer.updatedAt, keys);
    }

    static ConsumerView.KeyView toView(ApiKey key, OffsetDateTime now) {
        return new ConsumerView.KeyView(key.id, key.prefix, key.createdAt, key.expiresAt, key.revokedAt,
                AccessPolicies.usableKeyPolicy(key.expiresAt, key.revokedAt, now));
    }
}
