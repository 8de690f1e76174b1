package cn.opencredit.gateway.registration;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.evidence.EvidenceService;
import cn.opencredit.gateway.shared.paging.Page;
import cn.opencredit.gateway.shared.paging.PageRequest;
import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.problem.Verdict;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.time.ChinaTime;
import cn.opencredit.gateway.shared.time.WorkdayCalendar;
import cn.opencredit.gateway.shared.uscc.Uscc;
import cn.opencredit.gateway.shared.web.ApiCode;
import cn.opencredit.gateway.shared.web.IdempotencyKeys;
import cn.opencredit.gateway.shared.web.QueryParameters;
import cn.opencredit.gateway.subject.SubjectService;
import cn.opencredit.gateway.timeline.TimelineService;
import cn.opencredit.gateway.timeline.Workflow;

/**
 * Voluntary registration (信用信息自愿注册), the subject's side: a subject (or an operator for it at
 * the service window) submits an item with its evidence and its truthfulness commitment; the item
 * is routed to the department that verifies it (by category and region) and waits in its queue.
 * Reading and listing items. What happens to an item once submitted (verification, rejection,
 * withdrawal, a finding of falsity) is {@link RegistrationDecisionService}.
 */
@Startup
@ApplicationScoped
public class RegistrationService {

    /** The unique (submitter, Idempotency-Key) constraint of V024. */
    private static final String IDEMPOTENCY_CONSTRAINT = "registration_idempotency";

    private final RegistrationRepository repository;
    private final EvidenceService evidence;
    private final TimelineService timeline;
    private final SubjectService subjects;
    private final WorkdayCalendar calendar;
    private final RegistrationConfig config;
    private final Clock clock;

    RegistrationService(RegistrationRepository repository, EvidenceService evidence, TimelineService timeline, SubjectService subjects,
            WorkdayCalendar calendar, RegistrationConfig config, Clock clock) {
        List<String> faults = RegistrationPolicies.configFaults(config.verifyWithinWorkingDays(), config.commitmentText(), config.routes());
        if (!faults.isEmpty()) {
            throw new IllegalStateException("Voluntary registration is misconfigured: " + String.join("; ", faults));
        }
        this.repository = repository;
        this.evidence = evidence;
        this.timeline = timeline;
        this.subjects = subjects;
        this.calendar = calendar;
        this.config = config;
        this.clock = clock;
    }

    /** The commitment text every registration accepts. */
    public CommitmentTextView commitmentText() {
        return new CommitmentTextView(config.commitmentText());
    }

    /** What submitting answered: the item, and whether it is the replay of an earlier request with the same key. */
    public record Submitted(RegistrationView registration, boolean replayed) {
    }

    /**
     * Submits an item: checked whole (every bad field named), routed to its department, due within
     * the configured working days. With an Idempotency-Key, the same request again answers the item
     * it made; the key with another request is 409.
     */
    public Uni<Submitted> submit(ApiClient caller, RegistrationRequest request, String idempotencyKey) {
        Optional<String> key = IdempotencyKeys.read(idempotencyKey);
        Uscc uscc = Uscc.parse(request.subjectUscc(), "subjectUscc");
        RegistrationPolicies.submitterPolicy(caller, uscc.value()).orThrow();
        LocalDate today = ChinaTime.today(clock);
        RegistrationPolicies.CheckedFields checked = RegistrationPolicies.fieldsPolicy(request.category(), request.fields(), today);
        Verdict.all(List.of(checked.verdict(), RegistrationPolicies.commitmentPolicy(request.commitment().text(), request.commitment().accepted(),
                config.commitmentText()))).orThrow();
        List<UUID> cited = request.evidence() == null ? List.of() : request.evidence().stream().distinct().toList();
        byte[] requestHash = RegistrationMapper.sha256(uscc.value() + "\u001f" + request.category().name() + "\u001f"
                + new TreeMap<>(checked.fields()) + "\u001f" + cited.stream().map(UUID::toString).sorted().toList() + "\u001f"
                + request.commitment().text().strip());
        OffsetDateTime now = OffsetDateTime.now(clock);
        Log.debugf("registration of %s for %s by %s", request.category(), uscc.value(), caller.consumerId());
        return subjects.require(uscc).chain(subject -> Panache.withTransaction(() -> replay(caller, key, requestHash).chain(earlier -> {
            if (earlier.isPresent()) {
                return Uni.createFrom().item(new Stored(earlier.get(), true));
            }
            String region = subject.regionCode() != null ? subject.regionCode() : uscc.regionCode();
            Optional<String> department = RegistrationPolicies.departmentFor(config.routes(), request.category(), region);
            RegistrationPolicies.routedPolicy(department, request.category(), region).orThrow();
            Registration registration = new Registration();
            registration.subjectId = subject.id();
            registration.subjectUscc = uscc.value();
            registration.category = request.category();
            registration.title = RegistrationPolicies.title(request.category(), checked.fields());
            registration.fields = checked.fields();
            registration.evidence = cited.toArray(UUID[]::new);
            registration.commitmentText = request.commitment().text().strip();
            registration.departmentUscc = department.get();
            registration.submitterConsumerId = caller.consumerId();
            registration.submitterType = caller.type();
            registration.state = RegistrationState.SUBMITTED;
            registration.submittedAt = now;
            registration.dueOn = RegistrationPolicies.dueOn(calendar, today, config.verifyWithinWorkingDays());
            registration.idempotencyKey = key.orElse(null);
            registration.requestSha256 = requestHash;
            return evidence.requireOwn(cited, caller.consumerId(), "evidence")
                    .chain(() -> repository.persistAndFlush(registration))
                    .call(() -> timeline.append(RegistrationMapper.transition(registration, "submitted", null, caller, null, now)))
                    .map(stored -> new Stored(stored, false));
        }))).onFailure(failure -> key.isPresent() && isIdempotencyKeyTaken(failure))
                // Another request with the key committed first: answer its item, as a retry after it would be answered.
                .recoverWithUni(() -> Panache.withSession(() -> replay(caller, key, requestHash))
                        .map(earlier -> new Stored(earlier.orElseThrow(() -> new IllegalStateException("the key's item is gone")), true)))
                .chain(stored -> view(stored.registration(), true).map(view -> new Submitted(view, stored.replayed())));
    }

    /** The failure of an insert that found the submitter's key taken by a request that committed meanwhile. */
    private static boolean isIdempotencyKeyTaken(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException violation
                    && IDEMPOTENCY_CONSTRAINT.equals(violation.getConstraintName())) {
                return true;
            }
            if (cause instanceof io.vertx.pgclient.PgException pg && IDEMPOTENCY_CONSTRAINT.equals(pg.getConstraint())) {
                return true;
            }
        }
        return false;
    }

    private record Stored(Registration registration, boolean replayed) {
    }

    private Uni<Optional<Registration>> replay(ApiClient caller, Optional<String> key, byte[] requestHash) {
        if (key.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return repository.findByKey(caller.consumerId(), key.get()).map(earlier -> {
            if (earlier != null && !MessageDigest.isEqual(earlier.requestSha256, requestHash)) {
                throw IdempotencyKeys.reused("registration");
            }
            return Optional.ofNullable(earlier);
        });
    }

    /** One item with its transitions, for its parties. */
    public Uni<RegistrationView> find(long id, ApiClient caller) {
        return Panache.withSession(() -> repository.findById(id)).chain(registration -> {
            if (registration == null) {
                throw notFound(id);
            }
            RegistrationPolicies.readerPolicy(caller, registration).orThrow();
            return view(registration, true);
        });
    }

    /**
     * Items newest first, as the caller may list them: a department its queue (the items routed to
     * it), a subject its own, an operator any (optionally of one department or subject).
     */
    public Uni<Page<RegistrationView>> list(ApiClient caller, String department, String subject, String state, String category,
            String overdue, String limit, String cursor) {
        List<FieldError> errors = new ArrayList<>();
        Optional<RegistrationState> wantedState = QueryParameters.text(state, "state", errors)
                .map(s -> ApiCode.parse(RegistrationState.class, s, "state"));
        Optional<RegistrationCategory> wantedCategory = QueryParameters.text(category, "category", errors)
                .map(c -> ApiCode.parse(RegistrationCategory.class, c, "category"));
        boolean overdueOnly = QueryParameters.bool(overdue, "overdue", errors).orElse(false);
        Optional<String> departmentFilter = QueryParameters.text(department, "department", errors).map(d -> Uscc.parse(d, "department").value());
        Optional<String> subjectFilter = QueryParameters.text(subject, "subject", errors).map(s -> Uscc.parse(s, "subject").value());
        QueryParameters.rejectIfAny(errors);
        RegistrationPolicies.listerPolicy(caller).orThrow();
        RegistrationRepository.Filter filter = switch (caller.type()) {
            case ApiClient.DEPARTMENT_TYPE -> new RegistrationRepository.Filter(Optional.of(caller.boundUscc()), subjectFilter, wantedState,
                    wantedCategory, overdueOnly);
            case ApiClient.SUBJECT_TYPE -> new RegistrationRepository.Filter(departmentFilter, Optional.of(caller.boundUscc()), wantedState,
                    wantedCategory, overdueOnly);
            default -> new RegistrationRepository.Filter(departmentFilter, subjectFilter, wantedState, wantedCategory, overdueOnly);
        };
        String query = "registrations|" + filter.department().orElse("") + "|" + filter.subjectUscc().orElse("") + "|"
                + wantedState.map(Enum::name).orElse("") + "|" + wantedCategory.map(Enum::name).orElse("") + "|" + overdueOnly;
        PageRequest page = PageRequest.parse(limit, cursor, query, 1);
        Optional<Long> before = page.after(keyParts -> Long.parseLong(keyParts.getFirst()));
        LocalDate today = ChinaTime.today(clock);
        return Panache.withSession(() -> repository.page(filter, today, before, page.fetchSize()))
                .map(rows -> Page.of(rows, page, query, row -> List.of(Long.toString(row.id)))
                        .map(row -> RegistrationMapper.view(row, null, today)));
    }

    private Uni<RegistrationView> view(Registration registration, boolean withEvents) {
        LocalDate today = ChinaTime.today(clock);
        return withEvents ? timeline.caseEvents(Workflow.REGISTRATION, registration.id).map(events -> RegistrationMapper.view(registration,
                events, today)) : Uni.createFrom().item(RegistrationMapper.view(registration, null, today));
    }

    static ProblemException notFound(long id) {
        return new ProblemException(ProblemType.NOT_FOUND, "No registration with id " + id);
    }
}
