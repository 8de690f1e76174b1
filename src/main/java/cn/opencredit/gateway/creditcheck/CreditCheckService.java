package cn.opencredit.gateway.creditcheck;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.creditcheck.CreditCheckView.AppliedMeasure;
import cn.opencredit.gateway.creditcheck.CreditCheckView.SubjectResult;
import cn.opencredit.gateway.record.RecordCategory;
import cn.opencredit.gateway.shared.audit.AuditEntry;
import cn.opencredit.gateway.shared.audit.AuditLog;
import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.time.ChinaTime;
import cn.opencredit.gateway.shared.uscc.Uscc;
import cn.opencredit.gateway.shared.uscc.UsccValidation;
import cn.opencredit.gateway.shared.web.Ids;
import cn.opencredit.gateway.shared.web.QueryParameters;

/**
 * 联合奖惩 checks (应查必查): a department checks the subjects of a case in a scenario and gets, per
 * subject, the measures that apply with their basis; the check is stored as answered and every
 * checked subject's access log records it before the answer leaves. Then the department reports
 * what it applied and how many cases it handled, which the statistics count.
 */
@Singleton
public class CreditCheckService {

    static final String ACCESS_LOG_OPERATION = "creditcheck.check";
    private static final int MAX_LOGGED_PURPOSE = 200;

    private final CreditCheckRepository repository;
    private final AuditLog accessLog;
    private final CreditCheckConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    CreditCheckService(CreditCheckRepository repository, AuditLog accessLog, CreditCheckConfig config, ObjectMapper json, Clock clock) {
        this.repository = repository;
        this.accessLog = accessLog;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    /** Runs and stores a check; 400 for an unknown scenario or a department not the caller's, 413 for too many subjects. */
    public Uni<CreditCheckView> check(CreditCheckRequest request, ApiClient caller, String requestId) {
        CreditCheckPolicies.scenarioPolicy(request.scenario()).orThrow();
        CreditCheckPolicies.sizePolicy(request.subjects(), config.maxSubjects()).orThrow();
        CreditCheckPolicies.departmentPolicy(caller, request.departmentUscc(), true).orThrow();
        CheckScenario scenario = CreditCheckPolicies.scenario(request.scenario()).orElseThrow();
        List<UsccValidation> validations = request.subjects().stream().map(s -> Uscc.validate(s == null ? "" : s)).toList();
        List<String> valid = validations.stream().filter(UsccValidation::isValid).map(UsccValidation::normalised).distinct().toList();
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = ChinaTime.today(clock);
        return repository.measures().chain(catalogue -> {
            List<Measure> inScenario = catalogue.stream().filter(m -> m.scenarios().contains(scenario) && CreditCheckPolicies.validOn(m, today)).toList();
            Set<RecordCategory> categories = EnumSet.noneOf(RecordCategory.class);
            inScenario.forEach(m -> categories.addAll(m.recordCategories()));
            return repository.facts(valid, categories, today, now).chain(facts -> {
                CreditCheckRepository.NewCheck row = new CreditCheckRepository.NewCheck(caller.consumerId(), caller.name(),
                        CreditCheckPolicies.department(caller, request.departmentUscc()), scenario, request.caseReference().strip(),
                        request.purpose().strip(), now);
                CreditCheckView[] answered = new CreditCheckView[1];
                return repository.store(row, id -> {
                    answered[0] = answer(id, row, request.subjects(), validations, facts, inScenario, today);
                    return stored(answered[0]);
                }).chain(id -> logged(answered[0], caller, requestId)).replaceWith(() -> answered[0]);
            });
        });
    }

    private static CreditCheckView answer(long id, CreditCheckRepository.NewCheck row, List<String> sent, List<UsccValidation> validations,
            Map<String, SubjectFacts> facts, List<Measure> catalogue, LocalDate today) {
        List<SubjectResult> results = new ArrayList<>(sent.size());
        int checked = 0;
        int punished = 0;
        int rewarded = 0;
        for (int i = 0; i < sent.size(); i++) {
            UsccValidation validation = validations.get(i);
            SubjectFacts subject = validation.isValid() ? facts.get(validation.normalised()) : null;
            List<AppliedMeasure> measures = subject == null ? List.of() : CreditCheckPolicies.applicable(catalogue, row.scenario(), subject, today);
            results.add(CreditCheckPolicies.result(sent.get(i), validation, subject, measures, CreditCheckPolicies.receiptId(id, i)));
            if (subject != null) {
                checked++;
                punished += measures.stream().anyMatch(m -> m.kind() == MeasureKind.PUNISHMENT) ? 1 : 0;
                rewarded += measures.stream().anyMatch(m -> m.kind() == MeasureKind.INCENTIVE) ? 1 : 0;
            }
        }
        return new CreditCheckView(Long.toString(id), row.scenario(), row.scenario().nameZh(), row.caseReference(), row.purpose(),
                new CreditCheckView.Checker(row.consumerName(), row.departmentUscc()), ChinaTime.inChina(row.checkedAt()),
                new CreditCheckView.Summary(sent.size(), checked, punished, rewarded), results);
    }

    private CreditCheckRepository.Answer stored(CreditCheckView view) {
        List<String> receipts = new ArrayList<>();
        List<String> subjects = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        int withMeasures = 0;
        int measures = 0;
        for (SubjectResult result : view.subjects()) {
            if (result.receiptId() != null) {
                receipts.add(result.receiptId());
                subjects.add(result.uscc());
                codes.add(result.measures().stream().map(AppliedMeasure::code).collect(Collectors.joining(",")));
                withMeasures += result.measures().isEmpty() ? 0 : 1;
                measures += result.measures().size();
            }
        }
        try {
            return new CreditCheckRepository.Answer(json.writeValueAsString(view), view.subjects().size(), withMeasures, measures, receipts, subjects,
                    codes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a check's answer always serialises", e);
        }
    }

    /** Every checked subject's access log records the check, committed before the answer leaves. */
    private Uni<Void> logged(CreditCheckView view, ApiClient caller, String requestId) {
        String purpose = view.scenarioName() + "：" + view.purpose() + "（" + view.caseReference() + "）";
        String logged = purpose.length() > MAX_LOGGED_PURPOSE ? purpose.substring(0, MAX_LOGGED_PURPOSE) : purpose;
        Set<String> checked = new LinkedHashSet<>();
        view.subjects().stream().filter(r -> r.receiptId() != null).forEach(r -> checked.add(r.uscc()));
        if (checked.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        OffsetDateTime at = OffsetDateTime.now(clock);
        return Uni.join().all(checked.stream().map(uscc -> accessLog.append(new AuditEntry(at, caller.consumerId(), caller.name(), caller.type(),
                caller.keyId(), uscc, ACCESS_LOG_OPERATION, logged, 201, requestId, null, null))).toList()).andFailFast().replaceWithVoid();
    }

    /** A check as it was answered (the stored JSON), for the department that made it (any of its keys) and operators; 404 for anyone else. */
    public Uni<String> find(String rawId, ApiClient caller) {
        long id = Ids.positive(rawId, "id");
        return repository.check(id).map(found -> found.filter(c -> readable(c, caller)).orElseThrow(() -> notFound(rawId)).answer());
    }

    private static boolean readable(CreditCheckRepository.StoredCheck check, ApiClient caller) {
        return ApiClient.OPERATOR_TYPE.equals(caller.type()) || caller.consumerId().equals(check.consumerId())
                || (caller.boundUscc() != null && caller.boundUscc().equals(check.departmentUscc()));
    }

    private static ProblemException notFound(String id) {
        return new ProblemException(ProblemType.NOT_FOUND, "No credit check " + id + " that this caller made");
    }

    /** Reports the measures applied after a check; every item must name a receipt of the check and a measure that applied to it. */
    public Uni<FeedbackView> feedback(String rawId, FeedbackRequest request, ApiClient caller) {
        long id = Ids.positive(rawId, "id");
        return repository.check(id).chain(found -> {
            found.filter(c -> readable(c, caller)).orElseThrow(() -> notFound(rawId));
            return repository.receipts(id);
        }).chain(receipts -> {
            Map<String, Set<String>> measures = receipts.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().measures()));
            CreditCheckPolicies.feedbackPolicy(request.items(), measures).orThrow();
            return repository.feedback(id, request.items(), receipts, caller.consumerId(), OffsetDateTime.now(clock))
                    .map(applied -> new FeedbackView(Long.toString(id), applied));
        });
    }

    /** A department's count of cases in a month and scenario (replacing an earlier report of the same month). */
    public Uni<ApprovalCountView> approvals(ApprovalCountRequest request, ApiClient caller) {
        List<FieldError> errors = new ArrayList<>();
        Optional<YearMonth> month = QueryParameters.month(request.month(), "month", errors);
        QueryParameters.rejectIfAny(errors);
        CreditCheckPolicies.scenarioPolicy(request.scenario()).orThrow();
        CreditCheckPolicies.departmentPolicy(caller, request.departmentUscc(), false).orThrow();
        return repository.approvals(CreditCheckPolicies.department(caller, request.departmentUscc()),
                CreditCheckPolicies.scenario(request.scenario()).orElseThrow(), month.orElseThrow(), request.approvals(), caller.consumerId(),
                OffsetDateTime.now(clock));
    }

    /** Checks per department, scenario and month, with the 应查必查 rate where the department reported its count. */
    public Uni<CreditCheckStatsView> statistics(String department, String from, String to) {
        List<FieldError> errors = new ArrayList<>();
        Optional<String> departmentFilter = QueryParameters.text(department, "department", errors).map(d -> Uscc.parse(d, "department").value());
        YearMonth thisMonth = YearMonth.from(ChinaTime.today(clock));
        YearMonth last = QueryParameters.month(to, "to", errors).orElse(thisMonth);
        YearMonth first = QueryParameters.month(from, "from", errors).orElse(last.minusMonths(11));
        if (first.isAfter(last)) {
            errors.add(new FieldError("from", "after-to", "from lies after to"));
        } else if (first.plusMonths(config.maxStatisticsMonths()).isBefore(last.plusMonths(1))) {
            errors.add(new FieldError("from", "window", "at most " + config.maxStatisticsMonths() + " months at once"));
        }
        QueryParameters.rejectIfAny(errors);
        return repository.statistics(departmentFilter, first, last).map(rows -> new CreditCheckStatsView(first.toString(), last.toString(), rows));
    }
}
