package cn.opencredit.gateway.commitment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.record.DisclosureLevel;
import cn.opencredit.gateway.record.RecordCategory;
import cn.opencredit.gateway.record.RecordChanges;
import cn.opencredit.gateway.record.RecordUpsert;
import cn.opencredit.gateway.shared.cache.SubjectDataVersions;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.time.ChinaTime;
import cn.opencredit.gateway.subject.SubjectService;
import cn.opencredit.gateway.timeline.TimelineService;
import cn.opencredit.gateway.timeline.Workflow;

/**
 * What becomes of an open commitment: its department (or an operator) reports it fulfilled (践诺:
 * the subject is queued for evaluation, where a commitment kept is a fact), breached (违诺: a failing
 * record, 违反信用承诺, is published with the department as its source and the severity of the
 * commitment's type) or cancelled; and the platform breaches a 容缺受理 commitment still open after
 * its deadline. Each transition is one transaction with its record writes (RecordChanges, in this
 * session, so the record's triggers carry it to the history, the change feed and the evaluation
 * queue) and its line in the subject's timeline; the subject's cached answers are invalidated once it
 * has committed.
 */
@ApplicationScoped
public class CommitmentDecisionService {

    private final CommitmentRepository repository;
    private final RecordChanges records;
    private final TimelineService timeline;
    private final SubjectService subjects;
    private final SubjectDataVersions versions;
    private final ObjectMapper json;
    private final Clock clock;

    CommitmentDecisionService(CommitmentRepository repository, RecordChanges records, TimelineService timeline, SubjectService subjects,
            SubjectDataVersions versions, ObjectMapper json, Clock clock) {
        this.repository = repository;
        this.records = records;
        this.timeline = timeline;
        this.subjects = subjects;
        this.versions = versions;
        this.json = json;
        this.clock = clock;
    }

    /** The department that took the commitment, or an operator, reports its outcome on the version last read. */
    public Uni<CommitmentView> decide(long id, CommitmentOutcomeRequest request, ApiClient caller) {
        CommitmentPolicies.reporterPolicy(caller).orThrow();
        CommitmentPolicies.reasonPolicy(request.outcome(), request.reason()).orThrow();
        LocalDate today = ChinaTime.today(clock);
        CommitmentPolicies.FulfilledOn fulfilment = CommitmentPolicies.fulfilledOnPolicy(request.outcome(), request.fulfilledOn(), today);
        fulfilment.verdict().orThrow();
        LocalDate fulfilledOn = fulfilment.on();
        String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
        OffsetDateTime now = OffsetDateTime.now(clock);
        return Panache.withTransaction(() -> repository.findForUpdate(id).chain(commitment -> {
            if (commitment == null) {
                throw CommitmentService.notFound(id);
            }
            CommitmentPolicies.deciderPolicy(caller, commitment.departmentUscc).orThrow();
            CommitmentPolicies.openPolicy(id, commitment.state, commitment.version, request.version()).orThrow();
            return switch (request.outcome()) {
                case FULFILLED -> {
                    CommitmentPolicies.fulfilmentPolicy(commitment.type, commitment.madeOn, commitment.deadline, fulfilledOn).orThrow();
                    yield repository.enqueueEvaluation(commitment.subjectId).chain(() -> {
                        decided(commitment, CommitmentState.FULFILLED, caller.type(), caller, reason, now);
                        commitment.fulfilledOn = fulfilledOn;
                        return finish(commitment, "fulfilled", caller, reason, now);
                    });
                }
                case BREACHED -> breach(commitment, reason, today, today).chain(recordId -> {
                    decided(commitment, CommitmentState.BREACHED, caller.type(), caller, reason, now);
                    commitment.failingRecordId = recordId;
                    return finish(commitment, "breached", caller, reason, now);
                });
                case CANCELLED -> {
                    decided(commitment, CommitmentState.CANCELLED, caller.type(), caller, reason, now);
                    yield finish(commitment, "cancelled", caller, reason, now);
                }
            };
        })).call(commitment -> commitment.state == CommitmentState.BREACHED ? versions.subjectChanged(commitment.subjectUscc)
                : Uni.createFrom().voidItem())
                .chain(commitment -> timeline.caseEvents(Workflow.COMMITMENT, commitment.id)
                        .map(events -> CommitmentMapper.view(commitment, events, ChinaTime.today(clock))));
    }

    /**
     * Breaches the next open 容缺受理 commitment whose deadline passed before {@code today} (China's
     * date), in a transaction of its own: the answer is its subject's USCC, empty when none is left.
     * The commitment is claimed with a row lock that concurrent runs skip (CommitmentRepository.claimOverdue),
     * so two replicas running the job never breach one commitment twice.
     */
    Uni<Optional<String>> breachNextOverdue(LocalDate today) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return Panache.withTransaction(() -> repository.claimOverdue(today).chain(id -> id == null ? Uni.createFrom().item(Optional.<String>empty())
                : repository.findById(id).chain(commitment -> {
                    String reason = "容缺受理承诺期限（" + commitment.deadline + "）届满，未补齐材料";
                    return breach(commitment, reason, commitment.deadline.plusDays(1), today).chain(recordId -> {
                        decided(commitment, CommitmentState.BREACHED, "SYSTEM", null, reason, now);
                        commitment.failingRecordId = recordId;
                        return timeline.append(CommitmentMapper.systemTransition(commitment, "deadline-passed", CommitmentState.OPEN, reason, now))
                                .call(() -> repository.flush())
                                .map(ignored -> Optional.of(commitment.subjectUscc));
                    });
                })))
                .call(uscc -> uscc.isPresent() ? versions.subjectChanged(uscc.get()) : Uni.createFrom().voidItem());
    }

    /**
     * Publishes the breach as a failing record of the commitment category, with the department as
     * its source, broken on {@code brokenOn}: the day a department reports it, or the day after the
     * deadline of a 容缺受理 commitment, however late the job came to it; reported on {@code today}.
     * Locks the subject first, as every workflow that writes its records does.
     */
    private Uni<Long> breach(Commitment commitment, String reason, LocalDate brokenOn, LocalDate today) {
        return subjects.lockForUpdate(commitment.subjectUscc)
                .chain(subject -> records.create(failingRecord(commitment, reason, brokenOn, today)));
    }

    /**
     * The outcome. Set only once the record writes are done: their native statements flush the
     * session first, and a change made before them would be written (and its version counted) twice.
     */
    private static void decided(Commitment commitment, CommitmentState state, String byType, ApiClient by, String reason, OffsetDateTime now) {
        commitment.state = state;
        commitment.decidedAt = now;
        commitment.decidedByType = byType;
        commitment.decidedBy = by == null ? null : by.consumerId();
        commitment.outcomeReason = reason;
    }

    private Uni<Commitment> finish(Commitment commitment, String transition, ApiClient actor, String reason, OffsetDateTime now) {
        return timeline.append(CommitmentMapper.transition(commitment, transition, CommitmentState.OPEN, actor, reason, now))
                .call(() -> repository.flush())
                .map(ignored -> commitment);
    }

    private RecordUpsert failingRecord(Commitment commitment, String reason, LocalDate brokenOn, LocalDate today) {
        String content = commitment.type.nameZh() + "（" + commitment.procedureName + "，承诺编号" + commitment.sourceCommitmentId + "，"
                + commitment.madeOn + "作出）未履行：" + commitment.content + "。" + reason;
        String details = toJson(Map.of("commitmentId", Long.toString(commitment.id), "commitmentType", commitment.type.code(),
                "sourceCommitmentId", commitment.sourceCommitmentId));
        return new RecordUpsert(commitment.subjectId, RecordCategory.COMMITMENT, commitment.departmentName, commitment.departmentUscc,
                "commitment:" + commitment.id + ":breach", null, "违反信用承诺", brokenOn, today, content, null, commitment.type.breachSeverity(),
                null, null, DisclosureLevel.PUBLIC, null, false, null, null, null, null, null, details, null, null, null);
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("commitment details are plain JSON", e);
        }
    }
}
