package cn.opencredit.gateway.timeline;

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

/** One transition of one case, as it happened. Appended, never changed. */
@Entity
@Table(name = "workflow_event")
class WorkflowEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "subject_id", nullable = false)
    long subjectId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Workflow workflow;

    @Column(name = "case_id", nullable = false)
    long caseId;

    @Column(nullable = false)
    String transition;

    @Column(name = "state_from")
    String stateFrom;

    @Column(name = "state_to", nullable = false)
    String stateTo;

    @Column(name = "actor_type", nullable = false)
    String actorType;

    @Column(name = "actor_consumer_id")
    UUID actorConsumerId;

    @Column(name = "actor_uscc")
    String actorUscc;

    @Column(name = "department_uscc")
    String departmentUscc;

    String reason;

    @Column(name = "occurred_at", nullable = false)
    OffsetDateTime occurredAt;
}
