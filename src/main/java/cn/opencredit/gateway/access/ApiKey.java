package cn.opencredit.gateway.access;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One key of a consumer. Only the hash of the secret is kept; the secret is shown once. */
@Entity
@Table(name = "access_key")
class ApiKey {

    @Id
    UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "consumer_id")
    Consumer consumer;

    @Column(nullable = false)
    String prefix;

    @Column(name = "key_hash", nullable = false)
    byte[] keyHash;

    @Column(name = "created_at", nullable = false)
    OffsetDateTime createdAt;

    @Column(name = "expires_at")
    OffsetDateTime expiresAt;

    @Column(name = "revoked_at")
    OffsetDateTime revokedAt;

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKey that && id != null && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return ApiKey.class.hashCode();
    }
}
