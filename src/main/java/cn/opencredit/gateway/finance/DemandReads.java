package cn.opencredit.gateway.finance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

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

    /**
     * A page of demands the caller listed, each as it may see it, without transitions. The listing
     * chose the rows (an enterprise's own, any for an operator, those sent to a bank), so the page's
     * answers, outcomes and named banks are read in one query each, and each enterprise once.
     */
    Uni<List<DemandView>> views(List<Demand> rows, ApiClient caller) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        boolean party = !isBank(caller);
        List<Long> ids = rows.stream().map(demand -> demand.id).toList();
        return Panache.withSession(() -> offers.ofDemands(ids).chain(answers -> outcomes.ofDemands(ids).chain(reported -> (party
                ? demands.banksOf(ids) : Uni.createFrom().item(Map.<Long, List<UUID>>of())).chain(banks -> enterprises(rows).map(named -> {
                    Map<Long, List<OfferView>> responses = answers.stream().filter(a -> party || a.bankConsumerId.equals(caller.consumerId()))
                            .collect(Collectors.groupingBy(a -> a.demandId, Collectors.mapping(DemandMapper::view, Collectors.toList())));
                    Map<Long, List<OutcomeView>> results = reported.stream().filter(o -> party || o.bankConsumerId.equals(caller.consumerId()))
                            .collect(Collectors.groupingBy(o -> o.demandId, Collectors.mapping(DemandMapper::view, Collectors.toList())));
                    return rows.stream().map(demand -> DemandMapper.view(demand, named.get(demand.subjectId).uscc(),
                            named.get(demand.subjectId).name(), party ? banks.getOrDefault(demand.id, List.of()) : null,
                            responses.getOrDefault(demand.id, List.of()), results.getOrDefault(demand.id, List.of()), null)).toList();
                })))));
    }

    private record Enterprise(String uscc, String name) {
    }

    /** The USCC and name of each demand's enterprise, each looked up once, one after the other. */
    private Uni<Map<Long, Enterprise>> enterprises(List<Demand> rows) {
        Uni<Map<Long, Enterprise>> named = Uni.createFrom().item(new HashMap<>());
        for (long subjectId : rows.stream().map(demand -> demand.subjectId).distinct().toList()) {
            named = named.chain(map -> subjects.usccOf(subjectId).chain(uscc -> subjects.require(Uscc.parse(uscc, "subjectUscc")))
                    .map(subject -> {
                        map.put(subjectId, new Enterprise(subject.uscc(), subject.name()));
                        return map;
                    }));
        }
        return named;
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
