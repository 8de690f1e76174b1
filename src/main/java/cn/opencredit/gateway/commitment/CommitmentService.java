package cn.opencredit.gateway.commitment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.paging.Page;
import cn.opencredit.gateway.shared.paging.PageRequest;
import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.time.ChinaTime;
import cn.opencredit.gateway.shared.uscc.Uscc;
import cn.opencredit.gateway.shared.web.ApiCode;
import cn.opencredit.gateway.shared.web.QueryParameters;
import cn.opencredit.gateway.subject.SubjectService;
import cn.opencredit.gateway.timeline.TimelineService;
import cn.opencredit.gateway.timeline.Workflow;

/**
 * Reading commitments: one with its transitions for its parties; lists for a subject (its own), a
 * department (the ones it reported) and operators (any); and the fulfilment statistics.
 */
@ApplicationScoped
public class CommitmentService {

    private final CommitmentRepository repository;
    private final TimelineService timeline;
    private final SubjectService subjects;
    private final Clock clock;

    CommitmentService(CommitmentRepository repository, TimelineService timeline, SubjectService subjects, Clock clock) {
        this.repository = repository;
        this.timeline = timeline;
        this.subjects = subjects;
        this.clock = clock;
    }

    /** One commitment with its transitions, for its subject, its department and operators. */
    public Uni<CommitmentView> find(long id, ApiClient caller) {
        return Panache.withSession(() -> repository.findById(id)).chain(commitment -> {
            if (commitment == null) {
                throw notFound(id);
            }
            CommitmentPolicies.readerPolicy(caller, commitment.subjectUscc, commitment.departmentUscc).orThrow();
            return timeline.caseEvents(Workflow.COMMITMENT, commitment.id)
                    .map(events -> CommitmentMapper.view(commitment, events, ChinaTime.today(clock)));
        });
    }

    /**
     * Commitments newest first, as the caller may list them: a department the ones it reported, a
     * subject its own, an operator any (optionally of one department or subject).
     */
    public Uni<Page<CommitmentView>> list(ApiClient caller, String department, String subject, String state, String type, String overdue,
            String limit, String cursor) {
        List<FieldError> errors = new ArrayList<>();
        Optional<String> departmentFilter = QueryParameters.text(department, "department", errors).map(d -> Uscc.parse(d, "department").value());
        Optional<String> subjectFilter = QueryParameters.text(subject, "subject", errors).map(s -> Uscc.parse(s, "subject").value());
        Filters filters = filters(state, type, overdue, errors);
        CommitmentRepository.Filter filter = switch (caller.type()) {
            case ApiClient.DEPARTMENT_TYPE -> filters.of(Optional.ofNullable(caller.boundUscc()).or(() -> Optional.of("")), subjectFilter);
            case ApiClient.SUBJECT_TYPE -> filters.of(departmentFilter, Optional.ofNullable(caller.boundUscc()).or(() -> Optional.of("")));
            case ApiClient.OPERATOR_TYPE -> filters.of(departmentFilter, subjectFilter);
            default -> throw new ProblemException(ProblemType.FORBIDDEN, "Commitments are listed for the departments that reported them, "
                    + "their subjects and operators");
        };
        return page(filter, limit, cursor);
    }

    /** A subject's commitments newest first, for the subject itself and operators. */
    public Uni<Page<CommitmentView>> listForSubject(Uscc uscc, ApiClient caller, String state, String type, String overdue, String limit,
            String cursor) {
        CommitmentPolicies.subjectListerPolicy(caller, uscc.value()).orThrow();
        List<FieldError> errors = new ArrayList<>();
        Filters filters = filters(state, type, overdue, errors);
        return subjects.requireId(uscc).chain(ignored -> page(filters.of(Optional.empty(), Optional.of(uscc.value())), limit, cursor));
    }

    /**
     * A subject's newest commitments, at most {@code limit}, for a read the subject consented to
     * (the caller's right to them is the consent, checked by the reader).
     */
    public Uni<List<CommitmentView>> newestOf(Uscc uscc, int limit) {
        LocalDate today = ChinaTime.today(clock);
        return Panache.withSession(() -> repository.page(new CommitmentRepository.Filter(Optional.empty(), Optional.of(uscc.value()),
                        Optional.empty(), Optional.empty(), false), today, Optional.empty(), limit))
                .map(rows -> rows.stream().map(row -> CommitmentMapper.view(row, null, today)).toList());
    }

    /** The query's filters but the parties. */
    private record Filters(Optional<CommitmentState> state, Optional<CommitmentType> type, boolean overdueOnly) {

        CommitmentRepository.Filter of(Optional<String> department, Optional<String> subject) {
            return new CommitmentRepository.Filter(department, subject, state, type, overdueOnly);
        }
    }

    private static Filters filters(String state, String type, String overdue, List<FieldError> errors) {
        Optional<CommitmentState> wantedState = QueryParameters.text(state, "state", errors).map(s -> ApiCode.parse(CommitmentState.class, s,
                "state"));
        Optional<CommitmentType> wantedType = QueryParameters.text(type, "type", errors).map(CommitmentPolicies::typeParameter);
        boolean overdueOnly = QueryParameters.bool(overdue, "overdue", errors).orElse(false);
        QueryParameters.rejectIfAny(errors);
        return new Filters(wantedState, wantedType, overdueOnly);
    }

    private Uni<Page<CommitmentView>> page(CommitmentRepository.Filter filter, String limit, String cursor) {
        String query = "commitments|" + filter.department().orElse("") + "|" + filter.subjectUscc().orElse("") + "|"
                + filter.state().map(Enum::name).orElse("") + "|" + filter.type().map(Enum::name).orElse("") + "|" + filter.overdueOnly();
        PageRequest page = PageRequest.parse(limit, cursor, query, 1);
        Optional<Long> before = page.after(keyParts -> Long.parseLong(keyParts.getFirst()));
        LocalDate today = ChinaTime.today(clock);
        return Panache.withSession(() -> repository.page(filter, today, before, page.fetchSize()))
                .map(rows -> Page.of(rows, page, query, row -> List.of(Long.toString(row.id)))
                        .map(row -> CommitmentMapper.view(row, null, today)));
    }

    /** Fulfilment per type, department and month of the commitments made in the range (aggregates only). */
    public Uni<CommitmentStatsView> statistics(String department, String type, String from, String to) {
        List<FieldError> errors = new ArrayList<>();
        Optional<String> departmentFilter = QueryParameters.text(department, "department", errors).map(d -> Uscc.parse(d, "department").value());
        Optional<CommitmentType> wantedType = QueryParameters.text(type, "type", errors).map(CommitmentPolicies::typeParameter);
        Optional<LocalDate> first = QueryParameters.date(from, "from", errors);
        Optional<LocalDate> last = QueryParameters.date(to, "to", errors);
        QueryParameters.ordered(first, "from", last, errors);
        QueryParameters.rejectIfAny(errors);
        CommitmentRepository.StatsFilter filter = new CommitmentRepository.StatsFilter(departmentFilter, wantedType, first, last);
        LocalDate today = ChinaTime.today(clock);
        return Panache.withSession(() -> repository.counts(filter, "type", today)
                .chain(types -> repository.counts(filter, "department_uscc", today)
                        .chain(departments -> repository.counts(filter, "month", today)
                                .map(months -> new CommitmentStatsView(departmentFilter.orElse(null), wantedType.orElse(null), first.orElse(null),
                                        last.orElse(null),
                                        types.stream().map(c -> counts(c, CommitmentType.valueOf(c.key()), null, null, null)).toList(),
                                        departments.stream().map(c -> counts(c, null, c.key(), c.name(), null)).toList(),
                                        months.stream().map(c -> counts(c, null, null, null, c.key())).toList())))));
    }

    private static CommitmentStatsView.Counts counts(CommitmentRepository.Counts c, CommitmentType type, String departmentUscc,
            String departmentName, String month) {
        return new CommitmentStatsView.Counts(type, departmentUscc, departmentName, month, c.reported(), c.open(), c.overdue(), c.fulfilled(),
                c.breached(), c.breachedAtDeadline(), c.cancelled(), CommitmentPolicies.fulfilmentRatePolicy(c.fulfilled(), c.breached()));
    }

    static ProblemException notFound(long id) {
        return new ProblemException(ProblemType.NOT_FOUND, "No commitment with id " + id);
    }
}
