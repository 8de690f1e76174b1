package cn.opencredit.gateway.timeline;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A transition a workflow made, to keep in the subject's timeline.
 *
 * @param transition what happened, as the workflow names it (filed, decided, withdrawn …)
 * @param from       the state before; null for the first
 * @param actorType       the consumer type of who acted, or SYSTEM for the platform's own jobs
 * @param departmentUscc  the department answerable for the case, for statistics per department
 */
public record Transition(long subjectId, Workflow workflow, long caseId, String transition, String from, String to, String actorType,
        UUID actorConsumerId, String actorUscc, String departmentUscc, String reason, OffsetDateTime at) {

    /** The platform itself acting (a deadline passed, a period ended). */
    public static final String SYSTEM = "SYSTEM";
}
