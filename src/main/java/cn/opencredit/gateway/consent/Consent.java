package cn.opencredit.gateway.consent;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A subject's authorisation of one consumer, for one purpose, some categories and a period. */
@Entity
@Table(name = "consent")
class Consent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "subject_id", nullable = false)
    long subjectId;

    @Column(name = "grantor_consumer_id", nullable = false)
    UUID grantorConsumerId;

    @Column(name = "grantee_consumer_id", nullable = false)
    UUID granteeConsumerId;

    @Column(name = "grantee_type", nullable = false)
    String granteeType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    ConsentPurpose purpose;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    String[] categories;

    String reference;

    @Column(name = "valid_from", nullable = false)
    OffsetDateTime validFrom;

    @Column(name = "valid_until", nullable = false)
    OffsetDateTime validUntil;

    @Column(name = "revoked_at")
    OffsetDateTime revokedAt;

    @Column(name = "revoked_by")
    UUID revokedBy;

    @Column(name = "revocation_reason")
    String revocationReason;

    @Column(name = "expired_at")
    OffsetDateTime expiredAt;

    @Column(name = "created_at", nullable = false)
    OffsetDateTime createdAt;

    @Column(name = "idempotency_key")
    String idempotencyKey;

    @Column(name = "request_sha256")
    byte[] requestSha256;

    @Version
    int version;
}
