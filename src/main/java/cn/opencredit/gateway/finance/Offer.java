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

/** One bank's answer to one demand: an offer (amount, rate band, term) or a decline with its reason. */
@Entity
@Table(name = "finance_offer")
class Offer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "demand_id", nullable = false)
    long demandId;

    @Column(name = "bank_consumer_id", nullable = false)
    UUID bankConsumerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    OfferDecision kind;

    BigDecimal amount;

    /** % per year, the band's lower end. */
    @Column(name = "rate_from")
    BigDecimal rateFrom;

    @Column(name = "rate_to")
    BigDecimal rateTo;

    @Column(name = "term_months")
    Integer termMonths;

    @Enumerated(EnumType.STRING)
    @Column(name = "decline_reason")
    DemandRefusalReason declineReason;

    String note;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    OfferState state;

    @Column(name = "created_at", nullable = false)
    OffsetDateTime createdAt;
}
