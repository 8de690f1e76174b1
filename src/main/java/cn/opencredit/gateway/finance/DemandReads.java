package cn.opencredit.gateway.finance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.uscc.Uscc;
import cn.opencredit.gateway.subject.SubjectService;
import cn.opencredit.gateway.timeline.TimelineService;
import cn.opencredit.gateway.timeline.TimelineView;
import cn.opencredit.gateway.timeline.Workflow;

/** Loading a demand and showing it as its reader may see it; shared by the demand, answer and outcome services. */
@ApplicationScoped
class DemandReads {

    private final DemandRepository demands;
    private final OfferRepository offers;
    private final OutcomeRepository outcomes;
    private final SubjectService subjects;
    private final TimelineService timeline;

    DemandReads(DemandRepository demands, OfferRepository offers, OutcomeRepository outcomes, SubjectService subjects, TimelineService timeline) {
        this.demands = demands;
        this.offers = offers;
        this.outcomes = outcomes;
        this.subjects = subjects;
        this.timeline = timeline;
    }

    static boolean isBank(ApiClient caller) {
        return "BANK".equals(caller.type());
    }

    /** The demand, locked until the transaction ends when {@code forUpdate}; a 404 problem when there is none. */
    Uni<Demand> load(long id, boolean forUpdate) {
        return (forUpdate ? demands.findForUpdate(id) : demands.findById(id)).map(demand -> {
            if (demand == null) {
                throw notFound(id);
            }
            return demand;
        });
    }

    Uni<String> usccOf(Demand demand) {
        return subjects.usccOf(demand.subjectId);
    }

    /** Whether the caller is a bank the demand was sent to, by name or as one of all banks. */
    Uni<Boolean> sentByName(Demand demand, ApiClient caller) {
        return isBank(caller) && !demand.toAllBanks ? demands.sentByName(demand.id, caller.consumerId()) : Uni.createFrom().item(false);
    }

    /** The demand as the caller may see it: wholly for its enterprise and operators, a bank's own part for a bank it went to; else 404. */
    Uni<DemandView> view(Demand demand, ApiClient caller) {
        return view(demand, caller, true);
    }

    /** Demands in their order, each as the caller may see it, without transitions; one after the other in the session. */
    Uni<List<DemandView>> views(List<Demand> rows, ApiClient caller) {
        Uni<List<DemandView>> all = Uni.createFrom().item(new ArrayList<>());
        for (Demand demand : rows) {
            all = all.chain(list -> view(demand, caller, false).map(view -> {
                list.add(view);
                return list;
            }));
        }
        return all;
    }

    private Uni<DemandView> view(Demand demand, ApiClient caller, boolean withEvents) {
        return Panache.withSession(() -> usccOf(demand).chain(uscc -> sentByName(demand, caller).chain(byName -> {
            Optional<DemandPolicies.Reader> reader = DemandPolicies.reader(caller, uscc, demand.toAllBanks, byName);
            if (reader.isEmpty()) {
                throw notFound(demand.id);
            }
            boolean party = reader.get() == DemandPolicies.Reader.PARTY;
            return subjects.require(Uscc.parse(uscc, "subjectUscc")).chain(subject -> (party ? demands.banksOf(demand.id)
                    : Uni.createFrom().item(List.<UUID>of()))
                    .chain(banks -> offers.ofDemand(demand.id).chain(answers -> outcomes.ofDemand(demand.id).chain(reported -> {
                        List<OfferView> responses = answers.stream().filter(a -> party || a.bankConsumerId.equals(caller.consumerId()))
                                .map(DemandMapper::view).toList();
                        List<OutcomeView> results = reported.stream().filter(o -> party || o.bankConsumerId.equals(caller.consumerId()))
                                .map(DemandMapper::view).toList();
                        Uni<List<TimelineView>> events = party && withEvents ? timeline.caseEvents(Workflow.FINANCE_DEMAND, demand.id)
                                : Uni.createFrom().nullItem();
                        return events.map(found -> DemandMapper.view(demand, uscc, subject.name(), party ? banks : null, responses, results,
                                found));
                    }))));
        })));
    }

    static ProblemException notFound(long id) {
        return new ProblemException(ProblemType.NOT_FOUND, "No demand with id " + id);
    }
}
