package cn.opencredit.gateway.registration;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.record.DisclosureLevel;
import cn.opencredit.gateway.record.RecordCategory;
import cn.opencredit.gateway.record.RecordChanges;
import cn.opencredit.gateway.record.RecordStatus;
import cn.opencredit.gateway.record.RecordUpsert;
import cn.opencredit.gateway.record.Severity;
import cn.opencredit.gateway.shared.cache.SubjectDataVersions;
import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.time.ChinaTime;
import cn.opencredit.gateway.shared.uscc.Uscc;
import cn.opencredit.gateway.subject.SubjectDetails;
import cn.opencredit.gateway.subject.SubjectService;
import cn.opencredit.gateway.timeline.TimelineService;
import cn.opencredit.gateway.timeline.Workflow;

/**
 * What happens to a submitted item: the department verifies it (a voluntary record is published,
 * with the subject as its source) or rejects it; the subject withdraws it (its record stops being
 * published); the department finds a verified item false (its record is revoked and a failing
 * record, 违反信用承诺, is published). Each transition is one transaction with its record writes
 * (RecordChanges, in this session, so the records' triggers carry them to the history, the change
 * feed and the evaluation) and its line in the subject's timeline; the subject's cached answers are
 * invalidated once it has committed.
 */
@ApplicationScoped
public class RegistrationDecisionService {

    private final RegistrationRepository repository;
    private final RecordChanges records;
    private final TimelineService timeline;
    private final SubjectService subjects;
    private final SubjectDataVersions versions;
    private final ObjectMapper json;
    private final Clock clock;

    RegistrationDecisionService(RegistrationRepository repository, RecordChanges records, TimelineService timeline, SubjectService subjects,
            SubjectDataVersions versions, ObjectMapper json, Clock clock) {
        this.repository = repository;
        this.records = records;
        this.timeline = timeline;
        this.subjects = subjects;
        this.versions = versions;
        this.json = json;
        this.clock = clock;
    }

    /** A transition made, and whether it changed the subject's records (so its cached answers go). */
    private record Done(Registration registration, boolean recordsChanged) {
    }

    /** The department (or an operator) verifies a submitted item, which is published as a voluntary record, or rejects it. */
    public Uni<RegistrationView> verify(long id, VerificationRequest request, ApiClient decider) {
        RegistrationPolicies.reasonPolicy(request.outcome(), request.reason()).orThrow();
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = ChinaTime.today(clock);
        return Panache.withTransaction(() -> load(id).chain(registration -> {
            RegistrationPolicies.deciderPolicy(decider, registration.departmentUscc).orThrow();
            RegistrationPolicies.verifiablePolicy(registration, request.version()).orThrow();
            RegistrationState before = registration.state;
            String reason = RegistrationMapper.text(request.reason());
            if (request.outcome() == VerificationRequest.Outcome.REJECTED) {
                decided(registration, RegistrationState.REJECTED, null, decider, reason, now);
                return finish(registration, "rejected", before, decider, reason, now, false);
            }
            return subjects.lockForUpdate(registration.subjectUscc)
                    .chain(subject -> records.create(voluntaryRecord(registration, subject.name(), today)))
                    .chain(recordId -> {
                        decided(registration, RegistrationState.VERIFIED, recordId, decider, reason, now);
                        return finish(registration, "verified", before, decider, reason, now, true);
                    });
        })).call(this::invalidate).chain(done -> view(done.registration()));
    }

    /** The subject (or an operator for it) withdraws a submitted item, or a verified one, whose record stops being published. */
    public Uni<RegistrationView> withdraw(long id, WithdrawalRequest request, ApiClient caller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return Panache.withTransaction(() -> load(id).chain(registration -> {
            RegistrationPolicies.withdrawerPolicy(caller, registration.subjectUscc).orThrow();
            RegistrationPolicies.withdrawablePolicy(registration, request.version()).orThrow();
            RegistrationState before = registration.state;
            boolean published = before == RegistrationState.VERIFIED;
            Uni<Void> unpublish = published ? revoke(registration.recordId) : Uni.createFrom().voidItem();
            return unpublish.chain(() -> {
                registration.state = RegistrationState.WITHDRAWN;
                registration.withdrawnAt = now;
                registration.withdrawnBy = caller.consumerId();
                registration.withdrawalReason = RegistrationMapper.text(request.reason());
                return finish(registration, "withdrawn", before, caller, registration.withdrawalReason, now, published);
            });
        })).call(this::invalidate).chain(done -> view(done.registration()));
    }

    /**
     * The department (or an operator) finds a verified item false: its voluntary record is revoked
     * and a failing record of the commitment category (一般, 违反信用承诺) is published, with the
     * department as its source; the evaluation counts it by its record rule.
     */
    public Uni<RegistrationView> findFalse(long id, FalsityRequest request, ApiClient decider) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = ChinaTime.today(clock);
        return Panache.withTransaction(() -> load(id).chain(registration -> {
            RegistrationPolicies.deciderPolicy(decider, registration.departmentUscc).orThrow();
            RegistrationPolicies.falsifiablePolicy(registration, request.version()).orThrow();
            RegistrationState before = registration.state;
            return departmentName(decider, registration.departmentUscc)
                    .call(() -> revoke(registration.recordId))
                    .chain(department -> records.create(failingRecord(registration, department, request.reason().strip(), today)))
                    .chain(failingId -> {
                        registration.state = RegistrationState.FOUND_FALSE;
                        registration.foundFalseAt = now;
                        registration.foundFalseBy = decider.consumerId();
                        registration.falsityReason = request.reason().strip();
                        registration.failingRecordId = failingId;
                        return finish(registration, "found-false", before, decider, registration.falsityReason, now, true);
                    });
        })).call(this::invalidate).chain(done -> view(done.registration()));
    }

    private Uni<Registration> load(long id) {
        return repository.findForUpdate(id).map(registration -> {
            if (registration == null) {
                throw RegistrationService.notFound(id);
            }
            return registration;
        });
    }

    /**
     * The item's decision. Set only once the record writes are done: their native statements flush
     * the session first, and a change made before them would be written (and its version counted)
     * twice.
     */
    private static void decided(Registration registration, RegistrationState state, Long recordId, ApiClient decider, String reason,
            OffsetDateTime now) {
        registration.state = state;
        registration.recordId = recordId;
        registration.decidedAt = now;
        registration.decidedBy = decider.consumerId();
        registration.decisionReason = reason;
    }

    /** Keeps the transition in the timeline and writes the item, in this transaction. */
    private Uni<Done> finish(Registration registration, String transition, RegistrationState before, ApiClient actor, String reason,
            OffsetDateTime now, boolean recordsChanged) {
        return timeline.append(RegistrationMapper.transition(registration, transition, before, actor, reason, now))
                .call(() -> repository.flush())
                .map(ignored -> new Done(registration, recordsChanged));
    }

    /** The voluntary record stops being published (the hash-chained history keeps it). */
    private Uni<Void> revoke(long recordId) {
        return records.lock(recordId).chain(found -> found.isPresent() && found.get().status() != RecordStatus.REVOKED
                ? records.setStatus(recordId, RecordStatus.REVOKED) : Uni.createFrom().voidItem());
    }

    private Uni<Void> invalidate(Done done) {
        return done.recordsChanged() ? versions.subjectChanged(done.registration().subjectUscc) : Uni.createFrom().voidItem();
    }

    /**
     * The finding's source: a department acting through its own consumer goes by that consumer's
     * name; an operator finds on behalf of the item's department, named as registered, if it is.
     */
    private Uni<String> departmentName(ApiClient decider, String departmentUscc) {
        if (ApiClient.DEPARTMENT_TYPE.equals(decider.type())) {
            return Uni.createFrom().item(decider.name());
        }
        return subjects.require(Uscc.parse(departmentUscc, "departmentUscc")).map(SubjectDetails::name)
                .onFailure(ProblemException.class).recoverWithItem(departmentUscc);
    }

    private RecordUpsert voluntaryRecord(Registration registration, String subjectName, LocalDate today) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("registrationId", Long.toString(registration.id));
        details.put("registrationCategory", registration.category.code());
        details.put("verifiedBy", registration.departmentUscc);
        details.put("fields", registration.fields);
        return new RecordUpsert(registration.subjectId, RecordCategory.VOLUNTARY, subjectName, registration.subjectUscc,
                "registration:" + registration.id, null, "自愿注册信息：" + registration.category.nameZh() + "（" + registration.title + "）", today,
                today, RegistrationPolicies.content(registration.category, registration.fields), null, null, null, null, DisclosureLevel.PUBLIC,
                null, false, null, null, null, null, null, toJson(details), null, null, null);
    }

    private RecordUpsert failingRecord(Registration registration, String department, String reason, LocalDate today) {
        String content = "自愿注册信息（" + registration.category.nameZh() + "：" + registration.title + "，注册编号" + registration.id
                + "）经核查不实，违反信用承诺：" + reason;
        return new RecordUpsert(registration.subjectId, RecordCategory.COMMITMENT, department, registration.departmentUscc,
                "registration:" + registration.id + ":falsity", null, "违反信用承诺", today, today, content, null, Severity.GENERAL, null, null,
                DisclosureLevel.PUBLIC, null, false, null, null, null, null, null, toJson(Map.of("registrationId", Long.toString(registration.id))),
                null, null, null);
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("registration details are plain JSON", e);
        }
    }

    private Uni<RegistrationView> view(Registration registration) {
        LocalDate today = ChinaTime.today(clock);
        return timeline.caseEvents(Workflow.REGISTRATION, registration.id).map(events -> RegistrationMapper.view(registration, events, today));
    }
}
