package cn.opencredit.gateway.objection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.evidence.EvidenceService;
import cn.opencredit.gateway.record.RecordChanges;
import cn.opencredit.gateway.record.RecordCorrection;
import cn.opencredit.gateway.record.RecordStatus;
import cn.opencredit.gateway.record.Severity;
import cn.opencredit.gateway.record.WorkflowRecord;
import cn.opencredit.gateway.shared.cache.SubjectDataVersions;
import cn.opencredit.gateway.shared.paging.Page;
import cn.opencredit.gateway.shared.paging.PageRequest;
import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.time.ChinaTime;
import cn.opencredit.gateway.shared.time.WorkdayCalendar;
import cn.opencredit.gateway.shared.uscc.Uscc;
import cn.opencredit.gateway.shared.web.ApiCode;
import cn.opencredit.gateway.shared.web.IdempotencyKeys;
import cn.opencredit.gateway.shared.web.QueryParameters;
import cn.opencredit.gateway.subject.SubjectService;
import cn.opencredit.gateway.timeline.TimelineService;
import cn.opencredit.gateway.timeline.TimelineView;
import cn.opencredit.gateway.timeline.Transition;
import cn.opencredit.gateway.timeline.Workflow;

/**
 * Objections (异议): filed by the subject (or a bank or agency about data it received), decided by
 * the record's source department. Each transition is one transaction that also changes the record
 * (disputed, corrected, revoked, or back as it was) and keeps the transition in the subject's
 * timeline; the record's triggers carry the change to its history, the change feed and the
 * evaluation, and the subject's cached answers are invalidated once it has committed.
 */
@ApplicationScoped
public class ObjectionService {

    private final ObjectionRepository repository;
    private final RecordChanges records;
    private final EvidenceService evidence;
    private final TimelineService timeline;
    private final SubjectService subjects;
    private final SubjectDataVersions versions;
    private final WorkdayCalendar calendar;
    private final ObjectionConfig config;
    private final Clock clock;

    ObjectionService(ObjectionRepository repository, RecordChanges records, EvidenceService evidence, TimelineService timeline,
            SubjectService subjects, SubjectDataVersions versions, WorkdayCalendar calendar, ObjectionConfig config, Clock clock) {
        this.repository = repository;
        this.records = records;
        this.evidence = evidence;
        this.timeline = timeline;
        this.subjects = subjects;
        this.versions = versions;
        this.calendar = calendar;
        this.config = config;
        this.clock = clock;
    }

    /** What filing answered: the objection, and whether it is the replay of an earlier request with the same key. */
    public record Filed(ObjectionView objection, boolean replayed) {
    }

    /**
     * Files an objection; the record shows disputed everywhere once it has committed. With an
     * Idempotency-Key, the same request again answers the objection it made.
     */
    public Uni<Filed> file(ApiClient filer, ObjectionRequest request, String idempotencyKey) {
        Optional<String> key = IdempotencyKeys.read(idempotencyKey);
        byte[] requestHash = sha256(request.recordId() + "\u001f" + request.reason().strip() + "\u001f"
                + (request.evidence() == null ? "" : request.evidence().stream().map(UUID::toString).sorted().toList()));
        OffsetDateTime now = OffsetDateTime.now(clock);
        Log.debugf("objection to record %d by %s", request.recordId(), filer.consumerId());
        return Panache.withTransaction(() -> replay(filer, key, requestHash).chain(earlier -> {
            if (earlier.isPresent()) {
                return Uni.createFrom().item(new Stored(earlier.get(), true, null));
            }
            return records.lock(request.recordId()).chain(found -> {
                WorkflowRecord record = found.filter(r -> ObjectionPolicies.visibleTo(filer, r))
                        .orElseThrow(() -> recordNotFound(request.recordId()));
                ObjectionPolicies.filerPolicy(filer, record).orThrow();
                ObjectionPolicies.disputablePolicy(record).orThrow();
                Objection objection = new Objection();
                objection.recordId = record.id();
                objection.subjectId = record.subjectId();
                objection.departmentUscc = record.sourceDepartmentUscc();
                objection.filerConsumerId = filer.consumerId();
                objection.filerType = filer.type();
                objection.filerUscc = filer.boundUscc();
                objection.reason = request.reason().strip();
                objection.evidence = request.evidence() == null ? new UUID[0] : request.evidence().stream().distinct().toArray(UUID[]::new);
                objection.state = ObjectionState.FILED;
                objection.recordStatusBefore = record.status();
                objection.filedAt = now;
                objection.dueOn = ObjectionPolicies.dueOn(calendar, ChinaTime.today(clock), config.decideWithinWorkingDays());
                objection.idempotencyKey = key.orElse(null);
                objection.requestSha256 = requestHash;
                return evidence.requireOwn(request.evidence(), filer.consumerId(), "evidence")
                        .chain(() -> repository.persistAndFlush(objection))
                        .call(() -> records.setStatus(record.id(), RecordStatus.DISPUTED))
                        .call(() -> timeline.append(transition(objection, "filed", null, filer, objection.reason, now)))
                        .map(stored -> new Stored(stored, false, record.subjectUscc()));
            });
        })).call(stored -> stored.subjectUscc() == null ? Uni.createFrom().voidItem() : versions.subjectChanged(stored.subjectUscc()))
                .chain(stored -> view(stored.objection(), true).map(view -> new Filed(view, stored.replayed())));
    }

    private record Stored(Objection objection, boolean replayed, String subjectUscc) {
    }

    private Uni<Optional<Objection>> replay(ApiClient filer, Optional<String> key, byte[] requestHash) {
        if (key.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return repository.findByKey(filer.consumerId(), key.get()).map(earlier -> {
            if (earlier != null && !MessageDigest.isEqual(earlier.requestSha256, requestHash)) {
                throw IdempotencyKeys.reused("objection");
            }
            return Optional.ofNullable(earlier);
        });
    }

    /** The source department (or an operator) decides: the record is corrected, revoked, or stands as it was. */
    public Uni<ObjectionView> decide(long id, DecisionRequest request, ApiClient decider) {
        ObjectionPolicies.correctionPolicy(request.outcome(), request.correction()).orThrow();
        Severity severity = severity(request.correction());
        OffsetDateTime now = OffsetDateTime.now(clock);
        return Panache.withTransaction(() -> repository.findForUpdate(id).chain(objection -> {
            if (objection == null) {
                throw notFound(id);
            }
            ObjectionPolicies.deciderPolicy(decider, objection.departmentUscc).orThrow();
            ObjectionPolicies.openPolicy(objection, request.version()).orThrow();
            ObjectionState ending = ObjectionState.valueOf(request.outcome().name());
            return records.lock(objection.recordId).chain(found -> {
                WorkflowRecord record = found.orElseThrow(() -> recordNotFound(objection.recordId));
                Uni<Void> change = ending == ObjectionState.CORRECTED
                        ? records.correct(record, new RecordCorrection(text(request.correction().title()), text(request.correction().decisionNumber()),
                                text(request.correction().content()), severity))
                        : records.setStatus(record.id(), ObjectionPolicies.recordStatusAfter(ending, objection.recordStatusBefore));
                ObjectionState before = objection.state;
                objection.state = ending;
                objection.decidedAt = now;
                objection.decidedBy = decider.consumerId();
                objection.decisionReason = request.reason().strip();
                return change.call(() -> timeline.append(transition(objection, "decided", before, decider, objection.decisionReason, now)))
                        .call(() -> repository.flush())
                        .map(done -> new Stored(objection, false, record.subjectUscc()));
            });
        })).call(stored -> versions.subjectChanged(stored.subjectUscc())).chain(stored -> view(stored.objection(), true));
    }

    /** Its filer takes an open objection back; the record is as it was before. */
    public Uni<ObjectionView> withdraw(long id, WithdrawalRequest request, ApiClient caller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return Panache.withTransaction(() -> repository.findForUpdate(id).chain(objection -> {
            if (objection == null) {
                throw notFound(id);
            }
            ObjectionPolicies.withdrawerPolicy(caller, objection).orThrow();
            ObjectionPolicies.openPolicy(objection, request.version()).orThrow();
            return records.lock(objection.recordId).chain(found -> {
                WorkflowRecord record = found.orElseThrow(() -> recordNotFound(objection.recordId));
                ObjectionState before = objection.state;
                objection.state = ObjectionState.WITHDRAWN;
                objection.decidedAt = now;
                objection.decidedBy = caller.consumerId();
                objection.decisionReason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
                return records.setStatus(record.id(), objection.recordStatusBefore)
                        .call(() -> timeline.append(transition(objection, "withdrawn", before, caller, objection.decisionReason, now)))
                        .call(() -> repository.flush())
                        .map(done -> new Stored(objection, false, record.subjectUscc()));
            });
        })).call(stored -> versions.subjectChanged(stored.subjectUscc())).chain(stored -> view(stored.objection(), true));
    }

    /** One objection with its transitions, for its parties. */
    public Uni<ObjectionView> find(long id, ApiClient caller) {
        return Panache.withSession(() -> repository.findById(id)).chain(objection -> {
            if (objection == null) {
                throw notFound(id);
            }
            return view(objection, true).invoke(view -> ObjectionPolicies.readerPolicy(caller, objection, view.subjectUscc()).orThrow());
        });
    }

    /**
     * Objections newest first, as the caller may list them: a department its own (the queue it
     * decides), a subject those about it, a bank or agency those it filed, an operator any
     * (optionally of one department or subject).
     */
    public Uni<Page<ObjectionView>> list(ApiClient caller, String department, String subject, String state, String overdue, String limit,
            String cursor) {
        List<FieldError> errors = new ArrayList<>();
        Optional<ObjectionState> wantedState = QueryParameters.text(state, "state", errors)
                .map(s -> ApiCode.parse(ObjectionState.class, s, "state"));
        boolean overdueOnly = QueryParameters.bool(overdue, "overdue", errors).orElse(false);
        Optional<String> departmentFilter = QueryParameters.text(department, "department", errors)
                .map(d -> Uscc.parse(d, "department").value());
        Optional<String> subjectFilter = QueryParameters.text(subject, "subject", errors)
                .map(s -> Uscc.parse(s, "subject").value());
        QueryParameters.rejectIfAny(errors);
        ObjectionPolicies.listerPolicy(caller).orThrow();
        ListScope scope = ListScope.of(caller, departmentFilter, subjectFilter);
        String query = "objections|" + scope + "|" + wantedState.map(Enum::name).orElse("") + "|" + overdueOnly;
        PageRequest page = PageRequest.parse(limit, cursor, query, 1);
        Optional<Long> before = page.after(keyParts -> Long.parseLong(keyParts.getFirst()));
        LocalDate today = ChinaTime.today(clock);
        Uni<Optional<Long>> subjectId = scope.subject().isEmpty() ? Uni.createFrom().item(Optional.empty())
                : subjects.requireId(Uscc.parse(scope.subject().get(), "subject")).map(Optional::of);
        return subjectId.chain(sid -> Panache.withSession(() -> repository.page(scope.department(), sid, scope.filer(), wantedState, overdueOnly,
                        today, before, page.fetchSize())))
                .chain(rows -> Uni.join().all(rows.stream().map(row -> view(row, false)).toList()).andFailFast()
                        .onItem().ifNull().continueWith(List.of()))
                .map(views -> Page.of(views, page, query, view -> List.of(view.id())));
    }

    /** Whose objections a caller lists. */
    private record ListScope(Optional<String> department, Optional<String> subject, Optional<UUID> filer) {

        static ListScope of(ApiClient caller, Optional<String> department, Optional<String> subject) {
            return switch (caller.type()) {
                case ApiClient.OPERATOR_TYPE -> new ListScope(department, subject, Optional.empty());
                case ApiClient.DEPARTMENT_TYPE -> new ListScope(Optional.of(caller.boundUscc()), subject, Optional.empty());
                case ApiClient.SUBJECT_TYPE -> new ListScope(department, Optional.ofNullable(caller.boundUscc()), Optional.empty());
                default -> new ListScope(department, subject, Optional.of(caller.consumerId()));
            };
        }

        @Override
        public String toString() {
            return department.orElse("") + "|" + subject.orElse("") + "|" + filer.map(UUID::toString).orElse("");
        }
    }

    private Uni<ObjectionView> view(Objection objection, boolean withEvents) {
        Uni<List<TimelineView>> events = withEvents ? timeline.caseEvents(Workflow.OBJECTION, objection.id) : Uni.createFrom().item(List.of());
        return Uni.combine().all().unis(events, subjects.usccOf(objection.subjectId)).with((found, uscc) -> new ObjectionView(
                Long.toString(objection.id), Long.toString(objection.recordId), uscc, objection.departmentUscc,
                objection.filerType.toLowerCase(Locale.ROOT).replace('_', '-'), objection.filerUscc, objection.reason, List.of(objection.evidence),
                objection.state, ChinaTime.inChina(objection.filedAt), objection.dueOn,
                objection.state.open() && objection.dueOn.isBefore(ChinaTime.today(clock)), ChinaTime.inChina(objection.decidedAt),
                objection.decisionReason, objection.version, withEvents ? found : null));
    }

    private Transition transition(Objection objection, String name, ObjectionState from, ApiClient actor, String reason, OffsetDateTime at) {
        return new Transition(objection.subjectId, Workflow.OBJECTION, objection.id, name, from == null ? null : from.name(), objection.state.name(),
                actor.type(), actor.consumerId(), actor.boundUscc(), objection.departmentUscc, reason, at);
    }

    private static Severity severity(DecisionRequest.Correction correction) {
        return correction == null || correction.severity() == null || correction.severity().isBlank() ? null
                : ApiCode.parse(Severity.class, correction.severity(), "correction.severity");
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static ProblemException notFound(long id) {
        return new ProblemException(ProblemType.NOT_FOUND, "No objection with id " + id);
    }

    private static ProblemException recordNotFound(long id) {
        return new ProblemException(ProblemType.NOT_FOUND, "No credit record with id " + id + " that you may see");
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
