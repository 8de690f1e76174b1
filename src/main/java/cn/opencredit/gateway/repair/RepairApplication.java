package cn.opencredit.gateway.repair;

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

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import cn.opencredit.gateway.record.Severity;

/** An application to repair one failing record, from submission to the deciding authority's decision. */
@Entity
@Table(name = "repair_application")
class RepairApplication {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "record_id", nullable = false)
    long recordId;

    @Column(name = "subject_id", nullable = false)
    long subjectId;

    @Column(name = "subject_uscc", nullable = false)
    String subjectUscc;

    @Column(name = "department_uscc", nullable = false)
    String departmentUscc;

    @Column(name = "applicant_consumer_id", nullable = false)
    UUID applicantConsumerId;

    @Column(name = "applicant_type", nullable = false)
    String applicantType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Severity severity;

    @Column(nullable = false)
    String obligations;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    UUID[] evidence;

    @Column(name = "commitment_text", nullable = false)
    String commitmentText;

    @Column(name = "list_entry_id")
    Long listEntryId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    RepairState state;

    @Column(name = "submitted_at", nullable = false)
    OffsetDateTime submittedAt;

    @Column(name = "due_on", nullable = false)
    LocalDate dueOn;

    @Column(name = "answer_by", nullable = false)
    LocalDate answerBy;

    @Column(name = "decided_at")
    OffsetDateTime decidedAt;

    @Column(name = "decided_by")
    UUID decidedBy;

    @Column(name = "decision_reason")
    String decisionReason;

    @Column(name = "handling_working_days")
    Integer handlingWorkingDays;

    @Column(name = "idempotency_key")
    String idempotencyKey;

    @Column(name = "request_sha256")
    byte[] requestSha256;

    @Version
    int version;
}
