package cn.opencredit.gateway.finance;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.time.ChinaTime;
import cn.opencredit.gateway.shared.uscc.Uscc;
import cn.opencredit.gateway.subject.SubjectService;
import cn.opencredit.gateway.timeline.TimelineService;

/**
 * Loan outcomes: a bank reports, once per demand it received, that it granted the loan (amount,
 * term, rate band, guarantee, day) or refused it (a reason code). The outcome goes to the
 * enterprise's timeline and into the statistics with the subject's region as it was then.
 */
@ApplicationScoped
public class OutcomeService {

    private final OutcomeRepository outcomes;
    private final DemandReads reads;
    private final SubjectService subjects;
    private final TimelineService timeline;
    private final Clock clock;

    OutcomeService(OutcomeRepository outcomes, DemandReads reads, SubjectService subjects, TimelineService timeline, Clock clock) {
        this.outcomes = outcomes;
        this.reads = reads;
        this.subjects = subjects;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** The bank's report on a demand it received; 404 for one it did not, 409 for a second report. */
    public Uni<OutcomeView> report(long id, OutcomeRequest request, ApiClient bank) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = ChinaTime.today(clock);
        return Panache.withTransaction(() -> reads.load(id, true).chain(demand -> reads.sentByName(demand, bank).chain(byName -> {
            DemandPolicies.recipientPolicy(bank, id, demand.toAllBanks, byName).orThrow();
            DemandPolicies.outcomePolicy(request, today, demand.createdAt.atZoneSameInstant(ChinaTime.ZONE).toLocalDate()).orThrow();
            DemandPolicies.outcomeStatePolicy(id, demand.state, request.result()).orThrow();
            return outcomes.ofBank(id, bank.consumerId()).chain(earlier -> {
                if (earlier != null) {
                    throw new ProblemException(DemandRejection.ALREADY_REPORTED.problem(), "You reported the outcome of demand " + id
                            + " already (outcome " + earlier.id + ")");
                }
                return reads.usccOf(demand).chain(uscc -> subjects.require(Uscc.parse(uscc, "subjectUscc"))).chain(subject -> {
                    Outcome outcome = new Outcome();
                    outcome.demandId = id;
                    outcome.subjectId = demand.subjectId;
                    outcome.bankConsumerId = bank.consumerId();
                    outcome.granted = request.result() == OutcomeResult.GRANTED;
                    if (outcome.granted) {
                        outcome.amount = DemandPolicies.amount(request.amount());
                        outcome.termMonths = request.termMonths();
                        outcome.rateFrom = DemandPolicies.rate(request.rateFrom());
                        outcome.rateTo = DemandPolicies.rate(request.rateTo());
                        outcome.guaranteeType = request.guaranteeType();
                    } else {
                        outcome.refusalReason = request.reason();
                    }
                    outcome.decidedOn = request.decidedOn();
                    outcome.regionCode = subject.regionCode();
                    outcome.reportedAt = now;
                    String transition = outcome.granted ? "loan-granted" : "loan-refused";
                    String reason = outcome.granted ? null : request.reason().code();
                    return outcomes.persistAndFlush(outcome)
                            .call(() -> timeline.append(DemandMapper.transition(demand, transition, demand.state, bank, reason, now)));
                });
            });
        }))).map(DemandMapper::view);
    }
}
