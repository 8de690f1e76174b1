package cn.opencredit.gateway.repair;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.creditlist.CreditListService;
import cn.opencredit.gateway.creditlist.ListType;
import cn.opencredit.gateway.evidence.EvidenceService;
import cn.opencredit.gateway.record.RecordChanges;
import cn.opencredit.gateway.record.WorkflowRecord;
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
import cn.opencredit.gateway.timeline.TimelineService;
import cn.opencredit.gateway.timeline.TimelineView;
import cn.opencredit.gateway.timeline.Transition;
import cn.opencredit.gateway.timeline.Workflow;

/**
 * Credit repair (信用修复), the applicant's side: a subject (or an operator for it at the service
 * window) applies to repair one of its failings, with the obligations performed, evidence and the
 * repair commitment; an eligible application is routed to the authority that made the finding
 * (谁认定、谁修复) and waits in its queue. Reading, listing and statistics. The decision and the end
 * of publication at the longest period are {@link RepairDecisionService}.
 */
@Startup
@ApplicationScoped
public class RepairService {

    /** The unique (applicant, Idempotency-Key) constraint of V033. */
    private static final String IDEMPOTENCY_CONSTRAINT = "repair_application_idempotency";
    /** One open application per record (V033). */
    private static final String OPEN_RECORD_CONSTRAINT = "repair_application_open_record";

    private final RepairRepository repository;
    private final RecordChanges records;
    private final EvidenceService evidence;
    private final CreditListService lists;
    private final TimelineService timeline;
    private final WorkdayCalendar calendar;
    private final RepairConfig config;
    private final Clock clock;

    RepairService(RepairRepository repository, RecordChanges records, EvidenceService evidence, CreditListService lists, TimelineService timeline,
            WorkdayCalendar calendar, RepairConfig config, Clock clock) {
        List<String> faults = RepairPolicies.configFaults(config.decideWithinWorkingDays(), config.answerWithinWorkingDays(),
                config.commitmentText());
        if (!faults.isEmpty()) {
            throw new IllegalStateException("Credit repair is misconfigured: " + String.join("; ", faults));
        }
        this.repository = repository;
        this.records = records;
        this.evidence = evidence;
        this.lists = lists;
        this.timeline = timeline;
        this.calendar = calendar;
        this.config = config;
        this.clock = clock;
    }

    /** The repair commitment every application accepts. */
    public RepairCommitmentTextView commitmentText() {
        return new RepairCommitmentTextView(config.commitmentText());
    }

    /** What applying answered: the application, and whether it is the replay of an earlier request with the same key. */
    public record Submitted(RepairView application, boolean replayed) {
    }

    /**
     * Applies for repair: the record locked, the applicant, the record and the application checked
     * (an ineligible one is 409 naming every reason and the first day it could succeed), routed to
     * the record's source department, due within the configured working days. With an
     * Idempotency-Key, the same request again answers the application it made; the key with
     * another request is 409.
     */
    public Uni<Submitted> submit(ApiClient applicant, RepairRequest request, String idempotencyKey) {
        Optional<String> key = IdempotencyKeys.read(idempotencyKey);
        RepairPolicies.commitmentTextPolicy(request.commitment().text(), config.commitmentText()).orThrow();
        List<UUID> cited = request.evidence().stream().distinct().toList();
        byte[] requestHash = sha256(request.recordId() + "\u001f" + request.obligationsPerformed() + "\u001f" + request.obligations().strip()
                + "\u001f" + cited.stream().map(UUID::toString).sorted().toList() + "\u001f" + request.commitment().accepted() + "\u001f"
                + request.blackListEntryId());
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = ChinaTime.today(clock);
        Log.debugf("repair of record %d by %s", request.recordId(), applicant.consumerId());
        Uni<Optional<cn.opencredit.gateway.creditlist.ListEntryView>> entry = request.blackListEntryId() == null
                ? Uni.createFrom().item(Optional.empty())
                : lists.entry(ListType.BLACK, request.blackListEntryId()).map(Optional::of);
        return entry.chain(listEntry -> Panache.withTransaction(() -> replay(applicant, key, requestHash).chain(earlier -> {
            if (earlier.isPresent()) {
                return Uni.createFrom().item(new Stored(earlier.get(), true));
            }
            return records.lock(request.recordId()).chain(found -> {
                WorkflowRecord record = found.filter(r -> RepairPolicies.visibleTo(applicant, r))
                        .orElseThrow(() -> recordNotFound(request.recordId()));
                RepairPolicies.applicantPolicy(applicant, record).orThrow();
                RepairPolicies.eligibility(record, config.unrepairableCategories(), new RepairPolicies.Application(request.obligationsPerformed(),
                        cited.size(), request.commitment().accepted()), today).orThrow();
                listEntry.ifPresent(e -> RepairPolicies.listEntryPolicy(e, record).orThrow());
                return repository.findOpen(record.id()).chain(open -> {
                    if (open != null) {
                        throw alreadyApplied(record.id(), open.id);
                    }
                    RepairApplication application = new RepairApplication();
                    application.recordId = record.id();
                    application.subjectId = record.subjectId();
                    application.subjectUscc = record.subjectUscc();
                    application.departmentUscc = record.sourceDepartmentUscc();
                    application.applicantConsumerId = applicant.consumerId();
                    application.applicantType = applicant.type();
                    application.severity = record.severity();
                    application.obligations = request.obligations().strip();
                    application.evidence = cited.toArray(UUID[]::new);
                    application.commitmentText = request.commitment().text().strip();
                    application.listEntryId = request.blackListEntryId();
                    application.state = RepairState.SUBMITTED;
                    application.submittedAt = now;
                    application.dueOn = RepairPolicies.dueOn(calendar, today, config.decideWithinWorkingDays());
                    application.answerBy = RepairPolicies.dueOn(calendar, today, config.answerWithinWorkingDays());
                    application.idempotencyKey = key.orElse(null);
                    application.requestSha256 = requestHash;
                    return evidence.requireOwn(cited, applicant.consumerId(), "evidence")
                            .chain(() -> repository.persistAndFlush(application))
                            .call(() -> timeline.append(transition(application, "submitted", null, applicant.type(), applicant.consumerId(),
                                    applicant.boundUscc(), application.obligations, now)))
                            .map(stored -> new Stored(stored, false));
                });
            });
        }))).onFailure(failure -> key.isPresent() && violated(failure, IDEMPOTENCY_CONSTRAINT))
                // Another request with the key committed first: answer its application, as a retry after it would be answered.
                .recoverWithUni(() -> Panache.withSession(() -> replay(applicant, key, requestHash))
                        .map(earlier -> new Stored(earlier.orElseThrow(() -> new IllegalStateException("the key's application is gone")), true)))
                .onFailure(failure -> violated(failure, OPEN_RECORD_CONSTRAINT))
                .transform(failure -> alreadyApplied(request.recordId(), null))
                .chain(stored -> view(stored.application(), true).map(view -> new Submitted(view, stored.replayed())));
    }

    private record Stored(RepairApplication application, boolean replayed) {
    }

    private Uni<Optional<RepairApplication>> replay(ApiClient applicant, Optional<String> key, byte[] requestHash) {
        if (key.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return repository.findByKey(applicant.consumerId(), key.get()).map(earlier -> {
            if (earlier != null && !MessageDigest.isEqual(earlier.requestSha256, requestHash)) {
                throw IdempotencyKeys.reused("repair application");
            }
            return Optional.ofNullable(earlier);
        });
    }

    /** One application with its transitions, for its parties. */
    public Uni<RepairView> find(long id, ApiClient caller) {
        return Panache.withSession(() -> repository.findById(id)).chain(application -> {
            if (application == null) {
                throw notFound(id);
            }
            RepairPolicies.readerPolicy(caller, application).orThrow();
            return view(application, true);
        });
    }

    /**
     * Applications newest first, as the caller may list them: a department its queue (those it
     * decides), a subject its own, an operator any (optionally of one department or subject).
     */
    public Uni<Page<RepairView>> list(ApiClient caller, String department, String subject, String state, String overdue, String limit,
            String cursor) {
        List<FieldError> errors = new ArrayList<>();
        Optional<RepairState> wantedState = QueryParameters.text(state, "state", errors).map(s -> ApiCode.parse(RepairState.class, s, "state"));
        boolean overdueOnly = QueryParameters.bool(overdue, "overdue", errors).orElse(false);
        Optional<String> departmentFilter = QueryParameters.text(department, "department", errors).map(d -> Uscc.parse(d, "department").value());
        Optional<String> subjectFilter = QueryParameters.text(subject, "subject", errors).map(s -> Uscc.parse(s, "subject").value());
        QueryParameters.rejectIfAny(errors);
        RepairPolicies.listerPolicy(caller).orThrow();
        RepairRepository.Filter filter = switch (caller.type()) {
            case ApiClient.DEPARTMENT_TYPE -> new RepairRepository.Filter(Optional.of(caller.boundUscc()), subjectFilter, wantedState, overdueOnly);
            case ApiClient.SUBJECT_TYPE -> new RepairRepository.Filter(departmentFilter, Optional.of(caller.boundUscc()), wantedState, overdueOnly);
            case ApiClient.OPERATOR_TYPE -> new RepairRepository.Filter(departmentFilter, subjectFilter, wantedState, overdueOnly);
            default -> throw new ProblemException(ProblemType.FORBIDDEN, "Repair applications are listed by subjects, departments and "
                    + "operators");
        };
        String query = "repairs|" + filter.department().orElse("") + "|" + filter.subjectUscc().orElse("") + "|"
                + wantedState.map(Enum::name).orElse("") + "|" + overdueOnly;
        PageRequest page = PageRequest.parse(limit, cursor, query, 1);
        Optional<Long> before = page.after(keyParts -> Long.parseLong(keyParts.getFirst()));
        LocalDate today = ChinaTime.today(clock);
        return Panache.withSession(() -> repository.page(filter, today, before, page.fetchSize())
                        .chain(rows -> rows.isEmpty() ? Uni.createFrom().item(List.<RepairView>of())
                                : Uni.join().all(rows.stream().map(row -> view(row, false)).toList()).andFailFast()))
                .map(views -> Page.of(views, page, query, view -> List.of(view.id())));
    }

    /**
     * Repairs per deciding authority and month of submission: a department its own, an operator
     * every department's (or one's); months {@code from} to {@code to} inclusive (YYYY-MM).
     */
    public Uni<RepairStatisticsView> statistics(ApiClient caller, String department, String from, String to) {
        List<FieldError> errors = new ArrayList<>();
        Optional<String> departmentFilter = QueryParameters.text(department, "department", errors).map(d -> Uscc.parse(d, "department").value());
        Optional<YearMonth> fromMonth = month(from, "from", errors);
        Optional<YearMonth> toMonth = month(to, "to", errors);
        if (fromMonth.isPresent() && toMonth.isPresent() && fromMonth.get().isAfter(toMonth.get())) {
            errors.add(new FieldError("from", "after-to", "from is after to"));
        }
        QueryParameters.rejectIfAny(errors);
        RepairPolicies.listerPolicy(caller).orThrow();
        Optional<String> scope = switch (caller.type()) {
            case ApiClient.DEPARTMENT_TYPE -> Optional.of(caller.boundUscc());
            case ApiClient.OPERATOR_TYPE -> departmentFilter;
            default -> throw new ProblemException(ProblemType.FORBIDDEN, "Repair statistics are read by departments and operators");
        };
        Optional<OffsetDateTime> since = fromMonth.map(m -> m.atDay(1).atStartOfDay(ChinaTime.ZONE).toOffsetDateTime());
        Optional<OffsetDateTime> until = toMonth.map(m -> m.plusMonths(1).atDay(1).atStartOfDay(ChinaTime.ZONE).toOffsetDateTime());
        return Panache.withSession(() -> repository.statistics(scope, since, until, ChinaTime.today(clock)))
                .map(rows -> new RepairStatisticsView(rows.stream().map(row -> new RepairStatisticsView.Row(row.departmentUscc(), row.month(),
                        row.submitted(), row.approved(), row.rejected(), row.publicationEnded(), row.open(), row.overdue(),
                        row.averageHandlingWorkingDays())).toList()));
    }

    private static Optional<YearMonth> month(String raw, String field, List<FieldError> errors) {
        return QueryParameters.text(raw, field, errors).flatMap(text -> {
            try {
                if (!text.matches("\\d{4}-\\d{2}")) {
                    throw new DateTimeParseException("not YYYY-MM", text, 0);
                }
                return Optional.of(YearMonth.parse(text));
            } catch (DateTimeParseException e) {
                errors.add(new FieldError(field, "not-a-month", field + " is a month as YYYY-MM", "2026-12"));
                return Optional.empty();
            }
        });
    }

    Uni<RepairView> view(RepairApplication application, boolean withEvents) {
        Uni<List<TimelineView>> events = withEvents ? timeline.caseEvents(Workflow.REPAIR, application.id) : Uni.createFrom().item(List.of());
        return events.map(found -> new RepairView(Long.toString(application.id), Long.toString(application.recordId), application.subjectUscc,
                application.departmentUscc, application.applicantType.toLowerCase(Locale.ROOT), application.severity, application.obligations,
                List.of(application.evidence), application.commitmentText,
                application.listEntryId == null ? null : Long.toString(application.listEntryId), application.state,
                ChinaTime.inChina(application.submittedAt), application.dueOn, application.answerBy,
                RepairPolicies.overdue(application, ChinaTime.today(clock)),
                RepairPolicies.deadlinesEstimated(calendar, ChinaTime.inChina(application.submittedAt).toLocalDate(), application.answerBy)
                        ? Boolean.TRUE : null,
                ChinaTime.inChina(application.decidedAt),
                application.decisionReason, application.handlingWorkingDays, application.version, withEvents ? found : null));
    }

    static Transition transition(RepairApplication application, String name, RepairState from, String actorType, UUID actor, String actorUscc,
            String reason, OffsetDateTime at) {
        return new Transition(application.subjectId, Workflow.REPAIR, application.id, name, from == null ? null : from.name(),
                application.state.name(), actorType, actor, actorUscc, application.departmentUscc, reason, at);
    }

    /** The failure of a write that broke {@code constraint}, however the driver reported it. */
    static boolean violated(Throwable failure, String constraint) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException violation && constraint.equals(violation.getConstraintName())) {
                return true;
            }
            if (cause instanceof io.vertx.pgclient.PgException pg && constraint.equals(pg.getConstraint())) {
                return true;
            }
        }
        return false;
    }

    static ProblemException notFound(long id) {
        return new ProblemException(ProblemType.NOT_FOUND, "No repair application with id " + id);
    }

    static ProblemException recordNotFound(long id) {
        return new ProblemException(ProblemType.NOT_FOUND, "No credit record with id " + id + " that you may see");
    }

    private static ProblemException alreadyApplied(long recordId, Long openId) {
        String message = "record " + recordId + " has an open repair application" + (openId == null ? "" : " (" + openId + ")")
                + " already: its authority decides it first";
        return new ProblemException(ProblemType.CONFLICT, message, List.of(new FieldError("recordId", RepairRejection.ALREADY_APPLIED.code(),
                message)));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
