package cn.opencredit.gateway.finance;

import java.math.BigDecimal;
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

/** A financing demand (融资需求) an enterprise posts to the banks it chooses, or to all participating banks. */
@Entity
@Table(name = "finance_demand")
class Demand {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "subject_id", nullable = false)
    long subjectId;

    @Column(name = "requested_by", nullable = false)
    UUID requestedBy;

    @Column(nullable = false)
    BigDecimal amount;

    @Column(nullable = false)
    String currency;

    @Column(name = "term_months", nullable = false)
    int termMonths;

    @Column(nullable = false)
    String purpose;

    @Enumerated(EnumType.STRING)
    @Column(name = "guarantee_type", nullable = false)
    DemandGuarantee guaranteeType;

    /** No bank named: every active bank consumer receives it, including banks that join later. */
    @Column(name = "to_all_banks", nullable = false)
    boolean toAllBanks;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    DemandState state;

    @Column(name = "accepted_offer_id")
    Long acceptedOfferId;

    @Column(name = "created_at", nullable = false)
    OffsetDateTime createdAt;

    @Column(name = "closed_at")
    OffsetDateTime closedAt;

    @Column(name = "idempotency_key")
    String idempotencyKey;

    @Column(name = "request_sha256")
    byte[] requestSha256;

    @Version
    int version;
}
