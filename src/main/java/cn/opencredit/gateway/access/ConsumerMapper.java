package cn.opencredit.gateway.access;

import java.time.OffsetDateTime;
import java.util.List;

import cn.opencredit.gateway.shared.time.ChinaTime;

/** Consumer entities → admin views; key hashes never leave this package. */
final class ConsumerMapper {

    private ConsumerMapper() {
    }

    static ConsumerView toView(Consumer consumer, OffsetDateTime now, boolean withKeys) {
        List<ConsumerView.KeyView> keys = withKeys ? consumer.keys.stream().map(key -> toView(key, now)).toList() : null;
        return new ConsumerView(consumer.id, consumer.name, consumer.type, List.of(consumer.scopes), consumer.plan, consumer.boundUscc,
                consumer.status, china(consumer.createdAt), china(consumer.updatedAt), keys);
    }

    /** Instants are shown in China Standard Time whichever zone the JVM or the database session uses. */
    static OffsetDateTime china(OffsetDateTime instant) {
        return instant == null ? null : instant.atZoneSameInstant(ChinaTime.ZONE).toOffsetDateTime();
    }

    static ConsumerView.KeyView toView(ApiKey key, OffsetDateTime now) {
        return new ConsumerView.KeyView(key.id, key.prefix, china(key.createdAt), china(key.expiresAt), china(key.revokedAt),
                AccessPolicies.usableKeyPolicy(key.expiresAt, key.revokedAt, now));
    }
}
