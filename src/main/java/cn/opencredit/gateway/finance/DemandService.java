package cn.opencredit.gateway.finance;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.access.ConsumerService;
import cn.opencredit.gateway.access.ConsumerStatus;
import cn.opencredit.gateway.shared.paging.Page;
import cn.opencredit.gateway.shared.paging.PageRequest;
import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.Verdict;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.uscc.Uscc;
import cn.opencredit.gateway.shared.web.ApiCode;
import cn.opencredit.gateway.shared.web.IdempotencyKeys;
import cn.opencredit.gateway.shared.web.QueryParameters;
import cn.opencredit.gateway.subject.SubjectService;
import cn.opencredit.gateway.timeline.TimelineService;

/**
 * Financing demands (融资需求), the enterprise's side: posting one to the banks it names or to all
 * participating banks, withdrawing it, and reading demands as each party may (a bank, those it
 * received). The banks' answers and the enterprise's acceptance are {@link OfferService}; loan
 * outcomes {@link OutcomeService}.
 */
@ApplicationScoped
public class DemandService {

    /** The unique (requester, Idempotency-Key) constraint of V030. */
    private static final String IDEMPOTENCY_CONSTRAINT = "finance_demand_idempotency";

    private final DemandRepository repository;
    private final DemandReads reads;
    private final ConsumerService consumers;
    private final SubjectService subjects;
    private final TimelineService timeline;
    private final Clock clock;

    DemandService(DemandRepository repository, DemandReads reads, ConsumerService consumers, SubjectService subjects, TimelineService timeline,
            Clock clock) {
        this.repository = repository;
        this.reads = reads;
        this.consumers = consumers;
        this.subjects = subjects;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** What posting answered: the demand, and whether it replays an earlier request with the same key. */
    public record Posted(DemandView demand, boolean replayed) {
    }

    /**
     * Posts a demand, checked whole (every bad field named); with an Idempotency-Key the same request
     * again answers the same demand, the key with another request is 409.
     */
    public Uni<Posted> post(ApiClient caller, DemandRequest request, String idempotencyKey) {
        Optional<String> key = IdempotencyKeys.read(idempotencyKey);
        Uscc uscc = Uscc.parse(request.subjectUscc(), "subjectUscc");
        DemandPolicies.enterprisePolicy(caller, uscc.value()).orThrow();
        Verdict.all(List.of(DemandPolicies.amountPolicy(request.amount(), "amount"), DemandPolicies.currencyPolicy(request.currency())))
                .orThrow();
        List<UUID> banks = request.banks() == null ? List.of() : request.banks().stream().distinct().toList();
        String purpose = request.purpose().strip();
        byte[] hash = DemandMapper.sha256(uscc.value() + "|" + DemandPolicies.amount(request.amount()).toPlainString() + "|"
                + request.termMonths() + "|" + purpose + "|" + request.guaranteeType() + "|" + banks.stream().map(UUID::toString).sorted().toList());
        OffsetDateTime now = OffsetDateTime.now(clock);
        return subjects.requireId(uscc).chain(subjectId -> Panache.withTransaction(() -> replay(caller, key, hash).chain(earlier -> {
            if (earlier.isPresent()) {
                return Uni.createFrom().item(new Stored(earlier.get(), true));
            }
            return named(banks).chain(found -> {
                DemandPolicies.banksPolicy(found).orThrow();
                Demand demand = new Demand();
                demand.subjectId = subjectId;
                demand.requestedBy = caller.consumerId();
                demand.amount = DemandPolicies.amount(request.amount());
                demand.currency = DemandPolicies.CURRENCY;
                demand.termMonths = request.termMonths();
                demand.purpose = purpose;
                demand.guaranteeType = request.guaranteeType();
                demand.toAllBanks = banks.isEmpty();
                demand.state = DemandState.OPEN;
                demand.createdAt = now;
                demand.idempotencyKey = key.orElse(null);
                demand.requestSha256 = hash;
                return repository.persistAndFlush(demand)
                        .call(() -> repository.sendTo(demand.id, banks))
                        .call(() -> timeline.append(DemandMapper.transition(demand, "posted", null, caller, null, now)))
                        .map(stored -> new Stored(stored, false));
            });
        }))).onFailure(failure -> key.isPresent() && isIdempotencyKeyTaken(failure))
                // Another request with the key committed first: answer its demand, as a retry after it would be answered.
                .recoverWithUni(() -> Panache.withSession(() -> replay(caller, key, hash))
                        .map(earlier -> new Stored(earlier.orElseThrow(() -> new IllegalStateException("the key's demand is gone")), true)))
                .chain(stored -> reads.view(stored.demand(), caller).map(view -> new Posted(view, stored.replayed())));
    }

    private record Stored(Demand demand, boolean replayed) {
    }

    private Uni<List<DemandPolicies.NamedBank>> named(List<UUID> banks) {
        Uni<List<DemandPolicies.NamedBank>> found = Uni.createFrom().item(new ArrayList<>());
        for (UUID bank : banks) {
            found = found.chain(list -> consumers.get(bank)
                    .map(view -> new DemandPolicies.NamedBank(bank, Optional.of(view.type().name()), view.status() == ConsumerStatus.ACTIVE))
                    .onFailure(ProblemException.class).recoverWithItem(new DemandPolicies.NamedBank(bank, Optional.empty(), false))
                    .map(one -> {
                        list.add(one);
                        return list;
                    }));
        }
        return found;
    }

    private Uni<Optional<Demand>> replay(ApiClient caller, Optional<String> key, byte[] hash) {
        if (key.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return repository.findByKey(caller.consumerId(), key.get()).map(earlier -> {
            if (earlier != null && !MessageDigest.isEqual(earlier.requestSha256, hash)) {
                throw IdempotencyKeys.reused("demand");
            }
            return Optional.ofNullable(earlier);
        });
    }

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

    /** One demand as the caller may read it; 404 for anyone it is not for. */
    public Uni<DemandView> find(long id, ApiClient caller) {
        return Panache.withSession(() -> reads.load(id, false).chain(demand -> reads.view(demand, caller)));
    }

    /** The enterprise (or an operator for it) takes an open demand back, on the version it read. */
    public Uni<DemandView> withdraw(long id, DemandWithdrawalRequest request, ApiClient caller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return Panache.withTransaction(() -> reads.load(id, true).chain(demand -> reads.usccOf(demand).chain(uscc -> {
            DemandPolicies.ownerPolicy(caller, id, uscc).orThrow();
            DemandPolicies.openPolicy(id, demand.state, demand.version, request.version()).orThrow();
            demand.state = DemandState.WITHDRAWN;
            demand.closedAt = now;
            return timeline.append(DemandMapper.transition(demand, "withdrawn", DemandState.OPEN, caller, DemandMapper.text(request.reason()), now))
                    .call(() -> repository.flush()).replaceWith(demand);
        }))).chain(demand -> reads.view(demand, caller));
    }

    /**
     * Demands newest first, as the caller may list them: an enterprise its own, a bank those it
     * received (by name or to all banks), an operator any (optionally of one subject).
     */
    public Uni<Page<DemandView>> list(ApiClient caller, String subject, String state, String limit, String cursor) {
        List<FieldError> errors = new ArrayList<>();
        Optional<DemandState> wanted = QueryParameters.text(state, "state", errors).map(s -> ApiCode.parse(DemandState.class, s, "state"));
        Optional<Uscc> subjectFilter = QueryParameters.text(subject, "subject", errors).map(s -> Uscc.parse(s, "subject"));
        QueryParameters.rejectIfAny(errors);
        Optional<Uscc> of = switch (caller.type()) {
            case ApiClient.SUBJECT_TYPE -> Optional.of(Uscc.parse(caller.boundUscc(), "subject"));
            case ApiClient.OPERATOR_TYPE -> subjectFilter;
            default -> Optional.empty();
        };
        // Anyone but an enterprise and an operator lists the demands sent to it.
        boolean recipient = !ApiClient.SUBJECT_TYPE.equals(caller.type()) && !ApiClient.OPERATOR_TYPE.equals(caller.type());
        String query = "finance-demands|" + of.map(Uscc::value).orElse("") + "|" + (recipient ? caller.consumerId() : "") + "|"
                + wanted.map(Enum::name).orElse("");
        PageRequest page = PageRequest.parse(limit, cursor, query, 1);
        Optional<Long> before = page.after(parts -> Long.parseLong(parts.getFirst()));
        Uni<Optional<Long>> subjectId = of.isEmpty() ? Uni.createFrom().item(Optional.empty()) : subjects.requireId(of.get()).map(Optional::of);
        if (recipient && !DemandReads.isBank(caller)) {
            // Demands go to banks only: to any other consumer an operator gave finance:read, none was sent.
            return Uni.createFrom().item(Page.of(List.<DemandView>of(), page, query, view -> List.of(view.id())));
        }
        Optional<UUID> receiver = recipient ? Optional.of(caller.consumerId()) : Optional.empty();
        return subjectId.chain(sid -> Panache.withSession(() -> repository.page(new DemandRepository.Filter(sid, receiver, wanted), before,
                        page.fetchSize()).chain(rows -> reads.views(rows, caller))))
                .map(views -> Page.of(views, page, query, view -> List.of(view.id())));
    }
}
