package cn.opencredit.gateway.commitment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.time.ChinaTime;
import cn.opencredit.gateway.timeline.TimelineView;
import cn.opencredit.gateway.timeline.Transition;
import cn.opencredit.gateway.timeline.Workflow;

/** Commitments as the API shows them, and their transitions as the timeline keeps them. */
final class CommitmentMapper {

    private CommitmentMapper() {
    }

    /** The commitment; {@code events} only when one commitment is read (null in lists). */
    static CommitmentView view(Commitment c, List<TimelineView> events, LocalDate today) {
        return new CommitmentView(Long.toString(c.id), c.sourceCommitmentId, c.subjectUscc, c.departmentUscc, c.departmentName, c.type,
                c.procedureName, c.procedureCode, c.content, c.madeOn, c.deadline, c.pendingObligations, c.state,
                CommitmentPolicies.overdue(c.state, c.deadline, today), ChinaTime.inChina(c.reportedAt), ChinaTime.inChina(c.amendedAt),
                c.fulfilledOn, ChinaTime.inChina(c.decidedAt), c.decidedByType == null ? null : c.decidedByType.toLowerCase(Locale.ROOT),
                c.outcomeReason, c.failingRecordId == null ? null : Long.toString(c.failingRecordId), c.version, events);
    }

    /** A transition the commitment just made, from {@code from} to its current state, by {@code actor}. */
    static Transition transition(Commitment c, String name, CommitmentState from, ApiClient actor, String reason, OffsetDateTime at) {
        return new Transition(c.subjectId, Workflow.COMMITMENT, c.id, name, from == null ? null : from.name(), c.state.name(), actor.type(),
                actor.consumerId(), actor.boundUscc(), c.departmentUscc, reason, at);
    }

    /** A transition the platform made itself (the deadline passed). */
    static Transition systemTransition(Commitment c, String name, CommitmentState from, String reason, OffsetDateTime at) {
        return new Transition(c.subjectId, Workflow.COMMITMENT, c.id, name, from.name(), c.state.name(), Transition.SYSTEM, null, null,
                c.departmentUscc, reason, at);
    }

    /** Copies a checked row onto the commitment. */
    static void apply(CommitmentPolicies.Row row, Commitment c, byte[] contentSha256) {
        c.subjectUscc = row.subjectUscc();
        c.departmentUscc = row.departmentUscc();
        c.departmentName = row.departmentName();
        c.sourceCommitmentId = row.sourceCommitmentId();
        c.type = row.type();
        c.procedureName = row.procedureName();
        c.procedureCode = row.procedureCode();
        c.content = row.content();
        c.madeOn = row.madeOn();
        c.deadline = row.deadline();
        c.pendingObligations = row.pendingObligations();
        c.contentSha256 = contentSha256;
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
