package cn.opencredit.gateway.registration;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
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

/** One item a subject registers voluntarily (自愿注册), from submission to the department's verification and after. */
@Entity
@Table(name = "registration")
class Registration {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "subject_id", nullable = false)
    long subjectId;

    @Column(name = "subject_uscc", nullable = false)
    String subjectUscc;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    RegistrationCategory category;

    /** What names the item (its certificate, year, contract, activity or honour). */
    @Column(nullable = false)
    String title;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    Map<String, Object> fields;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    UUID[] evidence;

    /** The commitment text the subject accepted, as it was published then. */
    @Column(name = "commitment_text", nullable = false)
    String commitmentText;

    /** The department the item was routed to, which verifies it. */
    @Column(name = "department_uscc", nullable = false)
    String departmentUscc;

    @Column(name = "submitter_consumer_id", nullable = false)
    UUID submitterConsumerId;

    @Column(name = "submitter_type", nullable = false)
    String submitterType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    RegistrationState state;

    @Column(name = "submitted_at", nullable = false)
    OffsetDateTime submittedAt;

    @Column(name = "due_on", nullable = false)
    LocalDate dueOn;

    @Column(name = "decided_at")
    OffsetDateTime decidedAt;

    @Column(name = "decided_by")
    UUID decidedBy;

    @Column(name = "decision_reason")
    String decisionReason;

    /** The voluntary credit record a verification published. */
    @Column(name = "record_id")
    Long recordId;

    @Column(name = "withdrawn_at")
    OffsetDateTime withdrawnAt;

    @Column(name = "withdrawn_by")
    UUID withdrawnBy;

    @Column(name = "withdrawal_reason")
    String withdrawalReason;

    @Column(name = "found_false_at")
    OffsetDateTime foundFalseAt;

    @Column(name = "found_false_by")
    UUID foundFalseBy;

    @Column(name = "falsity_reason")
    String falsityReason;

    /** The failing record (违反信用承诺) a finding of falsity published. */
    @Column(name = "failing_record_id")
    Long failingRecordId;

    @Column(name = "idempotency_key")
    String idempotencyKey;

    @Column(name = "request_sha256")
    byte[] requestSha256;

    @Version
    int version;
}
