package cn.opencredit.gateway.registration;

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

/** Registration items as the API shows them, and their transitions as the timeline keeps them. */
final class RegistrationMapper {

    private RegistrationMapper() {
    }

    /** The item; {@code events} only when one item is read (null in lists). */
    static RegistrationView view(Registration registration, List<TimelineView> events, LocalDate today) {
        return new RegistrationView(Long.toString(registration.id), registration.subjectUscc, registration.category, registration.title,
                registration.fields, List.of(registration.evidence), registration.commitmentText, registration.departmentUscc,
                registration.submitterType.toLowerCase(Locale.ROOT), registration.state, ChinaTime.inChina(registration.submittedAt),
                registration.dueOn, RegistrationPolicies.overdue(registration, today), ChinaTime.inChina(registration.decidedAt),
                registration.decisionReason, id(registration.recordId), ChinaTime.inChina(registration.withdrawnAt), registration.withdrawalReason,
                ChinaTime.inChina(registration.foundFalseAt), registration.falsityReason, id(registration.failingRecordId), registration.version,
                events);
    }

    /** A transition the item just made, from {@code from} to its current state, by {@code actor}. */
    static Transition transition(Registration registration, String name, RegistrationState from, ApiClient actor, String reason,
            OffsetDateTime at) {
        return new Transition(registration.subjectId, Workflow.REGISTRATION, registration.id, name, from == null ? null : from.name(),
                registration.state.name(), actor.type(), actor.consumerId(), actor.boundUscc(), registration.departmentUscc, reason, at);
    }

    /** Stripped, or null when blank. */
    static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private static String id(Long value) {
        return value == null ? null : Long.toString(value);
    }
}
