package cn.opencredit.gateway.evaluation;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

import cn.opencredit.gateway.record.RecordService;
import cn.opencredit.gateway.shared.cache.CachedJson;
import cn.opencredit.gateway.shared.cache.ReadThroughCache;
import cn.opencredit.gateway.shared.paging.Page;
import cn.opencredit.gateway.shared.paging.PageRequest;
import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.sql.RegionPrefix;
import cn.opencredit.gateway.shared.uscc.Uscc;
import cn.opencredit.gateway.subject.SubjectParts;
import cn.opencredit.gateway.subject.SubjectService;

/**
 * The evaluation's API: a subject's current evaluation and its history as the caller may see them,
 * subjects by grade, and the operators' model workflow (draft → backtest → publish) and jobs.
 */
@Singleton
public class EvaluationService {

    private static final int JOBS_LISTED = 20;
    /** Models are a page or two of YAML; far more is a mistake, or an attempt to make the parser work hard. */
    static final int MAX_DOCUMENT_CHARACTERS = 256 * 1024;

    private final EvaluationRepository repository;
    private final RecordService records;
    private final ReadThroughCache cache;
    private final EvaluationJobs jobs;
    private final ObjectMapper json;
    private final Clock clock;

    EvaluationService(EvaluationRepository repository, RecordService records, ReadThroughCache cache, EvaluationJobs jobs, ObjectMapper json,
            Clock clock) {
        this.repository = repository;
        this.records = records;
        this.cache = cache;
        this.jobs = jobs;
        this.json = json;
        this.clock = clock;
    }

    /** The evaluation as the caller may see it, as cached JSON; a 404 problem when no subject has this USCC. */
    public Uni<CachedJson> evaluation(Uscc uscc, ApiClient caller) {
        EvaluationView.Detail detail = EvaluationPolicies.detailPolicy(records.audienceOf(caller, uscc));
        Log.debugf("evaluation uscc=%s detail=%s", uscc, detail);
        return cache.get(uscc.value(), "evaluation", detail.code(), () -> load(uscc, detail))
                .invoke(answer -> {
                    if (!answer.found()) {
                        throw SubjectService.notFound(uscc);
                    }
                });
    }

    /**
     * The grade the profile shows, as a part of a read of the subject in one statement; empty while it
     * has none (not evaluated yet, cancelled, revoked).
     */
    public SubjectParts.Part<Optional<GradeSummary>> gradePart(SubjectParts read) {
        return read.add(EvaluationRepository.gradeSql(read.subjectId()), EvaluationRepository.GRADE_ORDER, rows -> toGradeSummary(EvaluationRepository.toGrade(rows)));
    }

    private static Optional<GradeSummary> toGradeSummary(Optional<EvaluationRepository.StoredGrade> found) {
        return found.map(stored -> {
            Grade grade = Grade.valueOf(stored.grade());
            SupervisionClass supervision = SupervisionClass.valueOf(stored.supervisionClass());
            return new GradeSummary(grade, grade.nameZh(), supervision, supervision.nameZh(), stored.asOf(), stored.modelVersion());
        });
    }

    /**
     * The evaluation in this detail (the public's summary for the credit report, the full one with
     * score and contributions for answers under the subject's consent), as a part of a read of the
     * subject in one statement.
     */
    public SubjectParts.Part<EvaluationView> viewPart(SubjectParts read, EvaluationView.Detail detail) {
        return read.add(EvaluationRepository.storedSql(read.subjectId(), read.subjectColumn("uscc"), read.subjectColumn("name")),
                EvaluationRepository.STORED_ORDER, rows -> view(EvaluationRepository.toStored(rows), detail));
    }

    private Uni<EvaluationView> load(Uscc uscc, EvaluationView.Detail detail) {
        return repository.find(uscc.value()).map(found -> found.map(stored -> view(stored, detail)).orElse(null));
    }

    private EvaluationView view(EvaluationRepository.StoredEvaluation stored, EvaluationView.Detail detail) {
        if (!stored.evaluated()) {
            return new EvaluationView(stored.uscc(), stored.name(), EvaluationView.State.PENDING, detail, null, null, null, null, null, null,
                    null, null, null, null, null, "公共信用综合评价正在进行，请稍后查询");
        }
        if (stored.grade() == null) {
            return new EvaluationView(stored.uscc(), stored.name(), EvaluationView.State.NOT_EVALUATED, detail, null, null, null, null,
                    stored.notEvaluated(), stored.asOf(), stored.evaluatedAt(), stored.modelVersion(), null, null, null,
                    "该主体登记状态为" + statusZh(stored.notEvaluated()) + "，不参与公共信用综合评价");
        }
        Grade grade = Grade.valueOf(stored.grade());
        SupervisionClass supervision = SupervisionClass.valueOf(stored.supervisionClass());
        String summary = "公共信用综合评价等级为" + grade.nameZh() + "（" + grade.code() + "），" + supervision.nameZh()
                + (supervision == SupervisionClass.TRUSTED ? "（非请勿扰）" : "");
        if (detail == EvaluationView.Detail.SUMMARY) {
            return new EvaluationView(stored.uscc(), stored.name(), EvaluationView.State.EVALUATED, detail, grade, grade.nameZh(), supervision,
                    supervision.nameZh(), null, stored.asOf(), stored.evaluatedAt(), stored.modelVersion(), null, null, null, summary);
        }
        List<Contribution> contributions = List.of(json.convertValue(stored.contributions().getList(), Contribution[].class));
        int counted = contributions.stream().mapToInt(Contribution::counted).sum();
        int base = stored.score() - counted;
        return new EvaluationView(stored.uscc(), stored.name(), EvaluationView.State.EVALUATED, detail, grade, grade.nameZh(), supervision,
                supervision.nameZh(), null, stored.asOf(), stored.evaluatedAt(), stored.modelVersion(), stored.score(), base, contributions,
                summary + "；得分" + stored.score() + "分（基础分" + base + "分，加减分合计" + (counted >= 0 ? "+" : "") + counted + "分）");
    }

    private static String statusZh(String status) {
        return switch (status) {
            case "cancelled" -> "注销";
            case "revoked" -> "吊销";
            case "moved-out" -> "迁出";
            default -> status;
        };
    }

    /** A subject's past results, newest first; scores for the audiences that see full detail. */
    public Uni<Page<EvaluationHistoryItem>> history(Uscc uscc, ApiClient caller, String limit, String cursor) {
        EvaluationView.Detail detail = EvaluationPolicies.detailPolicy(records.audienceOf(caller, uscc));
        String query = "evaluation-history|" + uscc.value();
        PageRequest page = PageRequest.parse(limit, cursor, query, 1);
        Optional<Long> before = page.after(key -> Long.parseLong(key.getFirst()));
        return repository.find(uscc.value()).chain(found -> {
            if (found.isEmpty()) {
                throw SubjectService.notFound(uscc);
            }
            return repository.history(found.get().subjectId(), before, page.fetchSize());
        }).map(rows -> Page.of(rows, page, query, row -> List.of(Long.toString(row.id()))).map(row -> {
            Grade grade = row.grade() == null ? null : Grade.valueOf(row.grade());
            return new EvaluationHistoryItem(row.modelVersion(), row.asOf(), row.evaluatedAt(), grade, grade == null ? null : grade.nameZh(),
                    row.supervisionClass() == null ? null : SupervisionClass.valueOf(row.supervisionClass()), row.notEvaluated(),
                    detail == EvaluationView.Detail.FULL ? row.score() : null);
        }));
    }

    /** Subjects of one grade, in USCC order. */
    public Uni<Page<EvaluationListItem>> byGrade(String grade, String region, String industry, String type, String limit, String cursor) {
        EvaluationQuery query = EvaluationQuery.parse(grade, region, industry, type);
        PageRequest page = PageRequest.parse(limit, cursor, query.fingerprint(), 1);
        return repository.byGrade(query, page.after(List::getFirst), page.fetchSize())
                .map(rows -> Page.of(rows, page, query.fingerprint(), row -> List.of(row.uscc())).map(row -> {
                    Grade g = Grade.valueOf(row.grade());
                    return new EvaluationListItem(row.uscc(), row.name(), g, g.nameZh(), SupervisionClass.valueOf(row.supervisionClass()),
                            row.regionCode(), row.industrySection(), row.subjectType(), row.asOf(), row.modelVersion());
                }));
    }

    /**
     * The active subjects among {@code subjectIds} whose current grade is one of {@code grades}, in
     * USCC order after {@code afterUscc}, at most {@code limit}; only of a region (prefix) or an
     * industry section when given. For another capability's selection of subjects (opted-in
     * enterprises), which decides itself whether the score may be shown.
     */
    public Uni<List<GradedSubject>> gradedAmong(Collection<Long> subjectIds, Set<Grade> grades, Optional<RegionPrefix> region,
            Optional<String> industrySection, Optional<String> afterUscc, int limit) {
        if (subjectIds.isEmpty() || grades.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return repository.gradedAmong(subjectIds, grades, region, industrySection, afterUscc, limit);
    }

    // ---- Operators: the model workflow and jobs ----

    /** Stores a draft model; 400 listing every problem of the document, 409 when the version exists. */
    public Uni<ModelView> draft(String document, ApiClient operator) {
        if (document != null && document.length() > MAX_DOCUMENT_CHARACTERS) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "A scoring model document has at most " + MAX_DOCUMENT_CHARACTERS
                    + " characters");
        }
        EvaluationModel model = ModelDocuments.read(document == null ? "" : document);
        return repository.model(model.version())
                .invoke(existing -> EvaluationPolicies.newVersionPolicy(model.version(), existing.isPresent()).orThrow())
                .chain(() -> repository.insertDraft(model.version(), document, ModelStore.sha256(document), operator.consumerId()))
                .invoke(inserted -> EvaluationPolicies.newVersionPolicy(model.version(), !inserted).orThrow())
                .chain(() -> model(model.version()));
    }

    public Uni<List<ModelView>> models() {
        return repository.models().map(rows -> rows.stream().map(row -> modelView(row, false)).toList());
    }

    public Uni<ModelView> model(String version) {
        return storedModel(version).map(row -> modelView(row.orElseThrow(() -> modelNotFound(version)), true));
    }

    /** Backtests a draft against the model in force, in the background; 409 when it is not a draft or a job runs. */
    public Uni<JobView> backtest(String version, ApiClient operator) {
        return storedModel(version).chain(row -> {
            EvaluationRepository.ModelRow model = row.orElseThrow(() -> modelNotFound(version));
            EvaluationPolicies.draftPolicy(version, model.status()).orThrow();
            return repository.modelInForce();
        }).chain(inForce -> blocking(() -> jobs.start(EvaluationJobs.Kind.BACKTEST, version, inForce.map(EvaluationRepository.ModelRow::version)
                .orElse(null), "backtest of draft " + version + inForce.map(m -> " against " + m.version()).orElse(""), operator.consumerId())))
                .chain(this::job);
    }

    /**
     * Puts a backtested draft in force, retires the model it replaces, and recomputes everyone under
     * it in the background; 409 when it is not a draft, was not backtested against the model in
     * force, or a job runs.
     */
    public Uni<JobView> publish(String version, ApiClient operator) {
        return storedModel(version).chain(row -> {
            EvaluationRepository.ModelRow model = row.orElseThrow(() -> modelNotFound(version));
            EvaluationPolicies.draftPolicy(version, model.status()).orThrow();
            return repository.modelInForce();
        }).chain(inForce -> {
            Optional<String> current = inForce.map(EvaluationRepository.ModelRow::version);
            return repository.backtested(version, current.orElse(null))
                    .invoke(backtested -> EvaluationPolicies.backtestedPolicy(version, current, backtested).orThrow())
                    .chain(() -> repository.jobs(1))
                    .invoke(recent -> {
                        if (!recent.isEmpty() && List.of("QUEUED", "RUNNING").contains(recent.getFirst().state())) {
                            throw new ProblemException(ProblemType.CONFLICT, "Evaluation job " + recent.getFirst().id() + " is running; "
                                    + "publish once it has finished");
                        }
                    })
                    .chain(() -> repository.publish(version, operator.consumerId()))
                    .invoke(published -> EvaluationPolicies.draftPolicy(version, published ? "DRAFT" : "PUBLISHED").orThrow());
        }).invoke(() -> Log.infof("Scoring model %s published by %s", version, operator.consumerId()))
                .chain(() -> blocking(() -> jobs.start(EvaluationJobs.Kind.RECOMPUTE, version, null, "model " + version + " published",
                        operator.consumerId())))
                .chain(this::job);
    }

    /** Recomputes everyone under the model in force, in the background. */
    public Uni<JobView> recompute(ApiClient operator) {
        return repository.modelInForce().chain(inForce -> {
            EvaluationPolicies.inForcePolicy(inForce.isPresent()).orThrow();
            String version = inForce.get().version();
            return blocking(() -> jobs.start(EvaluationJobs.Kind.RECOMPUTE, version, null, "recompute requested", operator.consumerId()));
        }).chain(this::job);
    }

    public Uni<JobView> job(UUID id) {
        return repository.job(id).map(row -> jobView(row.orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
                "No evaluation job with id " + id))));
    }

    public Uni<List<JobView>> jobs() {
        return repository.jobs(JOBS_LISTED).map(rows -> rows.stream().map(this::jobView).toList());
    }

    private JobView jobView(EvaluationRepository.JobRow row) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String state = switch (row.state()) {
            case "FINISHED" -> "finished";
            case "FAILED" -> "failed";
            default -> row.updatedAt() != null && row.updatedAt().plus(jobs.abandonedAfter()).isBefore(now) ? "abandoned" : "running";
        };
        OffsetDateTime until = row.finishedAt() != null ? row.finishedAt() : row.updatedAt() != null ? row.updatedAt() : now;
        double seconds = row.startedAt() == null ? 0 : Math.max(0.001, Duration.between(row.startedAt(), until).toMillis() / 1000.0);
        double rate = seconds == 0 ? 0 : row.done() / seconds;
        Long eta = row.finishedAt() != null || rate == 0 ? null : (long) Math.ceil(Math.max(0, row.total() - row.done()) / rate);
        double share = row.total() == 0 ? (row.finishedAt() != null ? 1 : 0) : Math.min(1.0, (double) row.done() / row.total());
        Object result = row.result() == null ? null : json.convertValue(row.result() instanceof io.vertx.core.json.JsonObject object
                ? object.getMap() : row.result(), Map.class);
        return new JobView(row.id(), row.kind().toLowerCase(java.util.Locale.ROOT), row.modelVersion(), row.baselineVersion(), state,
                row.reason(), row.asOf(), new JobView.Progress(row.total(), row.done(), share, Math.round(rate * 10) / 10.0, eta),
                row.requestedAt(), row.startedAt(), row.finishedAt(), row.state().equals("FINISHED") ? result : null, row.failure());
    }

    private ModelView modelView(EvaluationRepository.ModelRow row, boolean withDocument) {
        EvaluationModel model = ModelDocuments.read(row.document());
        List<ModelView.Band> bands = model.grades().stream().map(b -> new ModelView.Band(b.grade(), b.grade().nameZh(), b.minScore(),
                b.supervision())).toList();
        Map<String, Double> ratios = new java.util.LinkedHashMap<>();
        for (Grade grade : Grade.values()) {
            ratios.put(grade.code(), model.samplingRatios().get(grade));
        }
        return new ModelView(row.version(), row.status().toLowerCase(java.util.Locale.ROOT), model.nameZh(), HexFormat.of().formatHex(row.sha256()),
                bands, ratios, row.createdAt(), row.publishedAt(), row.retiredAt(), withDocument ? row.document() : null);
    }

    /** The stored model of this version; none for what cannot be a version (it never reaches the database: NUL and the like). */
    private Uni<Optional<EvaluationRepository.ModelRow>> storedModel(String version) {
        return ModelDocuments.isVersion(version) ? repository.model(version) : Uni.createFrom().item(Optional.empty());
    }

    private static ProblemException modelNotFound(String version) {
        return new ProblemException(ProblemType.NOT_FOUND, "No scoring model with version " + version);
    }

    /** Runs JDBC work off the event loop. */
    private static <T> Uni<T> blocking(Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** The model in force, for the capabilities that follow the grades (sampling ratios). */
    public Uni<Optional<EvaluationModel>> modelInForce() {
        return repository.modelInForce().map(row -> row.map(r -> ModelDocuments.read(r.document())));
    }
}
