package cn.opencredit.gateway.sampling;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.json.JsonObject;

import cn.opencredit.gateway.evaluation.EvaluationModel;
import cn.opencredit.gateway.evaluation.EvaluationService;
import cn.opencredit.gateway.evaluation.Grade;
import cn.opencredit.gateway.shared.paging.Page;
import cn.opencredit.gateway.shared.paging.PageRequest;
import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.time.ChinaTime;
import cn.opencredit.gateway.shared.uscc.Uscc;
import cn.opencredit.gateway.shared.web.QueryParameters;
import cn.opencredit.gateway.subject.SubjectType;

/**
 * 双随机、一公开: a department's plan is checked, its population found and frozen, the sample drawn
 * from the seed, and all of it stored in one transaction; everything of a plan is public.
 */
@ApplicationScoped
public class SamplingService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int GENERATED_SEED_BYTES = 16;

    private final SamplingRepository repository;
    private final EvaluationService evaluations;
    private final Clock clock;

    SamplingService(SamplingRepository repository, EvaluationService evaluations, Clock clock) {
        this.repository = repository;
        this.evaluations = evaluations;
        this.clock = clock;
    }

    /** Checks the plan, draws it and stores it; 400 naming every bad field, 403 outside the caller's department or scope. */
    public Uni<InspectionPlanView> create(InspectionPlanRequest request, ApiClient client) {
        SamplingPolicies.Caller caller = new SamplingPolicies.Caller(client.type(), client.boundUscc());
        SamplingPolicies.drawerPolicy(caller).orThrow();
        SamplingForms.Form<PlanSpec> form = SamplingForms.planForm(request, caller);
        form.verdict().orThrow();
        SamplingPolicies.departmentPolicy(caller, form.value().departmentUscc()).orThrow();
        PlanSpec spec = form.value().withRegion(SamplingPolicies.regionOf(caller, form.value().region()));
        SamplingPolicies.scopePolicy(caller, spec.region()).orThrow();
        LocalDate today = ChinaTime.today(clock);
        Optional<LocalDate> since = SamplingPolicies.inspectedSincePolicy(today, spec.excludeInspectedWithinMonths());
        String seed = spec.seed().orElseGet(SamplingService::generatedSeed);
        return evaluations.modelInForce()
                .invoke(model -> SamplingPolicies.modelPolicy(spec.sizes(), model.isPresent()).orThrow())
                .chain(model -> repository.candidates(spec, since).chain(candidates -> offloaded(() -> newPlan(spec, since, today, seed,
                        model, candidates, client))))
                .chain(repository::insert)
                .invoke(id -> Log.infof("Inspection plan %d drawn for %s by %s", id, spec.departmentUscc(), client.consumerId()))
                .chain(this::plan);
    }

    /** Leaves out whom the exclusions name, freezes the rest and draws: CPU work, off the event loop. */
    private static SamplingRepository.NewPlan newPlan(PlanSpec spec, Optional<LocalDate> since, LocalDate today, String seed,
            Optional<EvaluationModel> model, List<SamplingRepository.Candidate> candidates, ApiClient client) {
        List<SampleDraw.Member> population = new ArrayList<>(candidates.size());
        int inspected = 0;
        int trusted = 0;
        for (SamplingRepository.Candidate candidate : candidates) {
            Grade grade = Grade.valueOf(candidate.grade());
            if (candidate.inspected()) {
                inspected++;
            } else if (SamplingPolicies.trustedExemptPolicy(spec.sector(), grade)) {
                trusted++;
            } else {
                population.add(new SampleDraw.Member(candidate.uscc(), grade, candidate.name()));
            }
        }
        Map<Grade, Double> ratios = model.map(EvaluationModel::samplingRatios).orElse(Map.of());
        SampleDraw.Result draw = SampleDraw.draw(seed, population, spec.sizes(), ratios);
        return new SamplingRepository.NewPlan(spec, since, SamplingPolicies.exemptsTrusted(spec.sector()), today, seed, spec.seed().isPresent(),
                model.map(EvaluationModel::version).orElse(null), inspected, trusted, draw, client.consumerId());
    }

    public Uni<InspectionPlanView> plan(long id) {
        return repository.plan(id).map(found -> view(found.orElseThrow(() -> notFound(id))));
    }

    /** Plans newest first, optionally of one department. */
    public Uni<Page<InspectionPlanView>> plans(String department, String limit, String cursor) {
        List<FieldError> errors = new ArrayList<>();
        Optional<String> uscc = QueryParameters.text(department, "department", errors);
        QueryParameters.rejectIfAny(errors);
        Optional<String> departmentUscc = uscc.map(raw -> Uscc.parse(raw, "department").value());
        String query = "inspection-plans|" + departmentUscc.orElse("");
        PageRequest page = PageRequest.parse(limit, cursor, query, 1);
        return repository.plans(departmentUscc, page.after(key -> Long.parseLong(key.getFirst())), page.fetchSize())
                .map(rows -> Page.of(rows, page, query, row -> List.of(Long.toString(row.id()))).map(SamplingService::view));
    }

    /** The frozen population in USCC order; 404 for an unknown plan. */
    public Uni<Page<PopulationMemberView>> population(long id, String limit, String cursor) {
        String query = "inspection-plan-population|" + id;
        PageRequest page = PageRequest.parse(limit, cursor, query, 1);
        return repository.plan(id).chain(found -> {
            found.orElseThrow(() -> notFound(id));
            return repository.population(id, page.after(List::getFirst), page.fetchSize());
        }).map(rows -> Page.of(rows, page, query, row -> List.of(row.uscc()))
                .map(row -> new PopulationMemberView(row.uscc(), Grade.valueOf(row.grade()))));
    }

    /** The sample in USCC order, with the results reported so far; 404 for an unknown plan. */
    public Uni<Page<SampleMemberView>> sample(long id, String limit, String cursor) {
        String query = "inspection-plan-sample|" + id;
        PageRequest page = PageRequest.parse(limit, cursor, query, 1);
        return repository.plan(id).chain(found -> {
            found.orElseThrow(() -> notFound(id));
            return repository.sample(id, page.after(List::getFirst), page.fetchSize());
        }).map(rows -> Page.of(rows, page, query, row -> List.of(row.uscc())).map(SamplingService::member));
    }

    static SampleMemberView member(SamplingRepository.SampleRow row) {
        Grade grade = Grade.valueOf(row.grade());
        SampleMemberView.Result result = null;
        if (row.reportedAt() != null) {
            InspectionOutcome outcome = InspectionOutcome.valueOf(row.outcome());
            result = new SampleMemberView.Result(row.inspectedOn(), outcome, outcome.nameZh(), row.findings(), row.decisionNumber(),
                    Long.toString(row.recordId()), row.reportedAt());
        }
        return new SampleMemberView(row.uscc(), row.name(), grade, grade.nameZh(), row.rank(), HexFormat.of().formatHex(row.hmac()), result);
    }

    private static InspectionPlanView view(SamplingRepository.PlanRow row) {
        Sector sector = Sector.valueOf(row.sector());
        List<InspectionPlanView.GradeSample> grades = new ArrayList<>();
        for (int i = 0; i < row.grades().size(); i++) {
            JsonObject g = row.grades().getJsonObject(i);
            Grade grade = Grade.valueOf(g.getString("grade"));
            grades.add(new InspectionPlanView.GradeSample(grade, grade.nameZh(), g.getInteger("population"),
                    g.getString("ratio") == null ? null : new BigDecimal(g.getString("ratio")), g.getInteger("size"), g.getString("source"),
                    g.getInteger("drawn")));
        }
        return new InspectionPlanView(Long.toString(row.id()), row.title(), row.departmentUscc(), row.departmentName(), sector, sector.nameZh(),
                row.region(), row.industries(), row.subjectTypes().stream().map(SubjectType::valueOf).toList(),
                row.excludeInspectedWithinMonths(), row.inspectedSince(), row.trustedExempt(), row.asOf(), row.createdAt(), row.seed(),
                row.seedSource().toLowerCase(Locale.ROOT), row.algorithm(), row.modelVersion(), HexFormat.of().formatHex(row.populationSha256()),
                row.populationSize(), new InspectionPlanView.Excluded(row.excludedRecentlyInspected(), row.excludedTrusted()), grades,
                row.sampleSize(), row.reported());
    }

    static ProblemException notFound(long id) {
        return new ProblemException(ProblemType.NOT_FOUND, "No inspection plan with id " + id);
    }

    private static String generatedSeed() {
        byte[] bytes = new byte[GENERATED_SEED_BYTES];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static <T> Uni<T> offloaded(Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
