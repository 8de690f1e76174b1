package cn.opencredit.gateway.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
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

/** What a bank did with a demand it received: the loan granted, or refused. Reported once, never changed. */
@Entity
@Table(name = "finance_loan_outcome")
class Outcome {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "demand_id", nullable = false)
    long demandId;

    @Column(name = "subject_id", nullable = false)
    long subjectId;

    @Column(name = "bank_consumer_id", nullable = false)
    UUID bankConsumerId;

    @Column(nullable = false)
    boolean granted;

    BigDecimal amount;

    @Column(name = "term_months")
    Integer termMonths;

    @Column(name = "rate_from")
    BigDecimal rateFrom;

    @Column(name = "rate_to")
    BigDecimal rateTo;

    @Enumerated(EnumType.STRING)
    @Column(name = "guarantee_type")
    DemandGuarantee guaranteeType;

    @Column(name = "decided_on", nullable = false)
    LocalDate decidedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "refusal_reason")
    DemandRefusalReason refusalReason;

    /** The subject's region when reported: statistics by region keep it as it was. */
    @Column(name = "region_code", nullable = false)
    String regionCode;

    @Column(name = "reported_at", nullable = false)
    OffsetDateTime reportedAt;
}
