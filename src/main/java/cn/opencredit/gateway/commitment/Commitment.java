package cn.opencredit.gateway.commitment;

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
import jakarta.persistence.Version;

/** One credit commitment a department took in one of its procedures, from its report to its outcome. */
@Entity
@Table(name = "commitment")
class Commitment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "subject_id", nullable = false)
    long subjectId;

    @Column(name = "subject_uscc", nullable = false)
    String subjectUscc;

    @Column(name = "department_uscc", nullable = false)
    String departmentUscc;

    @Column(name = "department_name", nullable = false)
    String departmentName;

    @Column(name = "source_commitment_id", nullable = false)
    String sourceCommitmentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    CommitmentType type;

    @Column(name = "procedure_name", nullable = false)
    String procedureName;

    @Column(name = "procedure_code")
    String procedureCode;

    @Column(nullable = false)
    String content;

    @Column(name = "made_on", nullable = false)
    LocalDate madeOn;

    LocalDate deadline;

    @Column(name = "pending_obligations", nullable = false)
    boolean pendingObligations;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    CommitmentState state;

    @Column(name = "reported_at", nullable = false)
    OffsetDateTime reportedAt;

    @Column(name = "reported_by", nullable = false)
    UUID reportedBy;

    @Column(name = "amended_at")
    OffsetDateTime amendedAt;

    @Column(name = "content_sha256", nullable = false)
    byte[] contentSha256;

    @Column(name = "fulfilled_on")
    LocalDate fulfilledOn;

    @Column(name = "decided_at")
    OffsetDateTime decidedAt;

    @Column(name = "decided_by")
    UUID decidedBy;

    @Column(name = "decided_by_type")
    String decidedByType;

    @Column(name = "outcome_reason")
    String outcomeReason;

    @Column(name = "failing_record_id")
    Long failingRecordId;

    @Version
    int version;
}
