package cn.opencredit.gateway.objection;

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

import cn.opencredit.gateway.record.RecordStatus;

/** A dispute about one credit record, from filing to the source department's decision. */
@Entity
@Table(name = "objection")
class Objection {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "record_id", nullable = false)
    long recordId;

    @Column(name = "subject_id", nullable = false)
    long subjectId;

    @Column(name = "department_uscc", nullable = false)
    String departmentUscc;

    @Column(name = "filer_consumer_id", nullable = false)
    UUID filerConsumerId;

    @Column(name = "filer_type", nullable = false)
    String filerType;

    @Column(name = "filer_uscc")
    String filerUscc;

    @Column(nullable = false)
    String reason;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    UUID[] evidence;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    ObjectionState state;

    @Enumerated(EnumType.STRING)
    @Column(name = "record_status_before", nullable = false)
    RecordStatus recordStatusBefore;

    @Column(name = "filed_at", nullable = false)
    OffsetDateTime filedAt;

    @Column(name = "due_on", nullable = false)
    LocalDate dueOn;

    @Column(name = "decided_at")
    OffsetDateTime decidedAt;

    @Column(name = "decided_by")
    UUID decidedBy;

    @Column(name = "decision_reason")
    String decisionReason;

    @Column(name = "idempotency_key")
    String idempotencyKey;

    @Column(name = "request_sha256")
    byte[] requestSha256;

    @Version
    int version;
}
