package cn.opencredit.gateway.sampling;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

import cn.opencredit.gateway.ingestion.IngestionRecordRequest;
import cn.opencredit.gateway.ingestion.IngestionService;
import cn.opencredit.gateway.shared.problem.Verdict;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.time.ChinaTime;
import cn.opencredit.gateway.shared.uscc.Uscc;
import cn.opencredit.gateway.subject.SubjectService;
import cn.opencredit.gateway.subject.SubjectType;

/**
 * Results of a plan's inspections: each sampled subject's once, each becoming an {@code inspection}
 * credit record through ingestion's write path, all in one transaction with the sample rows that
 * keep them.
 */
@ApplicationScoped
public class SamplingResultService {

    private final SamplingRepository repository;
    private final IngestionService ingestion;
    private final SubjectService subjects;
    private final Clock clock;

    SamplingResultService(SamplingRepository repository, IngestionService ingestion, SubjectService subjects, Clock clock) {
        this.repository = repository;
        this.ingestion = ingestion;
        this.subjects = subjects;
        this.clock = clock;
    }

    /**
     * Stores the results and the records they become; 404 for an unknown plan, 403 for another
     * department's, 400 naming every bad row or a subject not in the sample, 409 for a result
     * reported already. Nothing is written unless everything is.
     */
    public Uni<InspectionResultsView> report(long planId, InspectionResultsRequest request, ApiClient client) {
        SamplingPolicies.Caller caller = new SamplingPolicies.Caller(client.type(), client.boundUscc());
        SamplingPolicies.drawerPolicy(caller).orThrow();
        return repository.plan(planId).chain(found -> {
            SamplingRepository.PlanRow plan = found.orElseThrow(() -> SamplingService.notFound(planId));
            SamplingPolicies.reporterPolicy(caller, planId, plan.departmentUscc()).orThrow();
            SamplingForms.Form<List<PlanSpec.ResultRow>> form = SamplingForms.resultsForm(request, ChinaTime.today(clock), plan.asOf());
            form.verdict().orThrow();
            List<PlanSpec.ResultRow> rows = form.value();
            Set<String> usccs = rows.stream().map(PlanSpec.ResultRow::uscc).collect(Collectors.toCollection(LinkedHashSet::new));
            OffsetDateTime now = OffsetDateTime.now(clock);
            return repository.inTransaction(tx -> repository.lockSample(tx, planId, usccs)
                            .invoke(locked -> {
                                Verdict.all(rows.stream().map(r -> SamplingPolicies.inSamplePolicy(r, locked.containsKey(r.uscc()), planId))
                                        .toList()).orThrow();
                                Verdict.all(rows.stream().map(r -> SamplingPolicies.reportedOncePolicy(r, locked.get(r.uscc()).reportedAt() != null,
                                        planId)).toList()).orThrow();
                            })
                            .chain(locked -> subjects.registeredNames(tx, usccs)
                                    .chain(names -> ingestion.ingestInTransaction(tx, client, records(plan, rows, names, locked))))
                            .call(ingested -> store(tx, plan, rows, ingested, now, client)))
                    .call(ingestion::announce)
                    .invoke(() -> Log.infof("%d results of inspection plan %d reported by %s", rows.size(), planId, client.consumerId()))
                    .chain(() -> repository.sample(planId, usccs))
                    .map(members -> new InspectionResultsView(Long.toString(planId), members.size(),
                            members.stream().map(SamplingService::member).toList()));
        });
    }

    /** Every row's record must have been taken; then the results are kept with the records they became. */
    private Uni<Integer> store(SqlConnection tx, SamplingRepository.PlanRow plan, List<PlanSpec.ResultRow> rows, IngestionService.Ingested ingested,
            OffsetDateTime now, ApiClient client) {
        SamplingPolicies.recordsTakenPolicy(ingested.report()).orThrow();
        List<SamplingRepository.Result> results = new ArrayList<>();
        for (PlanSpec.ResultRow row : rows) {
            results.add(new SamplingRepository.Result(row.uscc(), row.inspectedOn(), row.outcome().name(), row.findings(), row.decisionNumber(),
                    ingested.recordIds().get(row.index() + 1)));
        }
        return repository.recordResults(tx, plan.id(), results, now, client.consumerId()).invoke(stored -> {
            if (stored != rows.size()) {
                // The rows were locked and checked in this transaction; another writer cannot have got between.
                throw new IllegalStateException("stored " + stored + " of " + rows.size() + " results of plan " + plan.id());
            }
        });
    }

    /**
     * One {@code inspection} record per result, from the plan's department, public (一公开); its id
     * is derived from the plan and the subject, so that the same result is the same record.
     */
    private static List<IngestionRecordRequest> records(SamplingRepository.PlanRow plan, List<PlanSpec.ResultRow> rows,
            Map<String, String> registeredNames, Map<String, SamplingRepository.SampleRow> sampled) {
        return rows.stream().map(row -> {
            String name = registeredNames.getOrDefault(row.uscc(), sampled.get(row.uscc()).name());
            String category = SubjectType.of(Uscc.parse(row.uscc())) == SubjectType.INDIVIDUAL_BUSINESS ? "个体工商户" : "法人及非法人组织";
            String content = row.outcome().nameZh() + (row.findings() == null ? "" : "：" + row.findings());
            return new IngestionRecordRequest(sourceRecordId(plan.id(), row.uscc()), "inspection", name, row.uscc(), category, null, null,
                    null, null, null, row.decisionNumber(), "双随机、一公开抽查检查结果（" + plan.title() + "）", row.inspectedOn().toString(), null,
                    content, null, null, null, null, null, "public", null, null, null, plan.departmentName(), plan.departmentUscc(), null, null, null, null);
        }).toList();
    }

    /** The record a sampled subject's result becomes, identified by its plan and the subject. */
    static String sourceRecordId(long planId, String uscc) {
        return "inspection-plan-" + planId + "-" + uscc;
    }
}
