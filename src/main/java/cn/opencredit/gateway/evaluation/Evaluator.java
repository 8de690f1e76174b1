package cn.opencredit.gateway.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import cn.opencredit.gateway.creditlist.ListType;
import cn.opencredit.gateway.record.RecordCategory;
import cn.opencredit.gateway.record.RecordStatus;

/**
 * The public credit evaluation of one subject: a pure function of a model, the subject's inputs
 * and the day it is as of. Every point it gives is a {@link Contribution} that names its source,
 * its rule and its value before and after decay and caps, so that the score is explained to the
 * point: base + the points counted = the score.
 */
public final class Evaluator {

    /** Records that count: published, under objection (until the provider decides), or corrected. */
    public static final Set<RecordStatus> COUNTED_STATUSES = EnumSet.of(RecordStatus.PUBLISHED, RecordStatus.DISPUTED, RecordStatus.CORRECTED);

    /** A rating's kind is its title without the year it assesses (2025年度纳税信用等级评价 → 纳税信用等级评价). */
    private static final Pattern ASSESSED_YEAR = Pattern.compile("^\\d{4}年度?");
    private static final Map<RecordCategory, String> CATEGORY_ZH = Map.ofEntries(Map.entry(RecordCategory.PENALTY, "行政处罚"),
            Map.entry(RecordCategory.COERCION, "行政强制"), Map.entry(RecordCategory.JUDICIAL, "司法判决"),
            Map.entry(RecordCategory.HONOUR, "表彰荣誉"), Map.entry(RecordCategory.REWARD, "行政奖励"),
            Map.entry(RecordCategory.COMMITMENT, "信用承诺"), Map.entry(RecordCategory.LICENCE, "行政许可"),
            Map.entry(RecordCategory.CONFIRMATION, "行政确认"), Map.entry(RecordCategory.LEVY, "行政征收"),
            Map.entry(RecordCategory.PAYMENT, "行政给付"), Map.entry(RecordCategory.ADJUDICATION, "行政裁决"),
            Map.entry(RecordCategory.COMPENSATION, "行政补偿"), Map.entry(RecordCategory.INSPECTION, "行政检查"),
            Map.entry(RecordCategory.TAX_CREDIT_GRADE, "纳税信用等级"), Map.entry(RecordCategory.INDUSTRY_RATING, "行业信用评价"));
    private static final Map<ListType, String> LIST_ZH = Map.of(ListType.RED, "守信激励对象名单（红名单）", ListType.BLACK, "严重失信主体名单",
            ListType.WATCH, "重点关注名单", ListType.ABNORMAL, "经营异常名录", ListType.DISHONEST_DEBTOR, "失信被执行人名单");

    private Evaluator() {
    }

    public static EvaluationResult evaluate(EvaluationModel model, EvaluationInputs inputs, LocalDate asOf) {
        return evaluate(model, inputs, asOf, InputsFingerprint.of(model.version(), inputs));
    }

    /** The subjects whose stored result no longer holds, and their new results, in the order given. */
    record Fresh(List<EvaluationInputs> inputs, List<EvaluationResult> results) {
    }

    /**
     * Evaluates the subjects whose stored result ({@code stored}, by subject id; absent when none is)
     * no longer holds under {@link EvaluationPolicies#storedResultHoldsPolicy}, and leaves the others
     * out: their result would be the same, and storing it would write nothing. Re-queued subjects
     * whose inputs did not change (an address, a record's text) then cost a read and a hash.
     */
    static Fresh evaluateChanged(EvaluationModel model, List<EvaluationInputs> inputs, Map<Long, EvaluationStore.StoredResult> stored,
            LocalDate asOf) {
        List<EvaluationInputs> changed = new ArrayList<>(inputs.size());
        List<EvaluationResult> results = new ArrayList<>(inputs.size());
        for (EvaluationInputs input : inputs) {
            byte[] fingerprint = InputsFingerprint.of(model.version(), input);
            if (!EvaluationPolicies.storedResultHoldsPolicy(stored.get(input.subject().id()), model.version(), fingerprint, asOf)) {
                changed.add(input);
                results.add(evaluate(model, input, asOf, fingerprint));
            }
        }
        return new Fresh(changed, results);
    }

    private static EvaluationResult evaluate(EvaluationModel model, EvaluationInputs inputs, LocalDate asOf, byte[] fingerprint) {
        EvaluationInputs.Subject subject = inputs.subject();
        if (model.notEvaluated().contains(subject.status())) {
            return new EvaluationResult(subject.id(), model.version(), asOf, null, null, null, subject.status().code(), List.of(), fingerprint,
                    null);
        }
        Run run = new Run(model, asOf);
        inputs.records().stream().sorted(NEWEST_RECORD_FIRST).forEach(run::record);
        run.ratings(inputs.records());
        inputs.lists().stream().sorted(Comparator.comparing(EvaluationInputs.ListInput::includedOn).reversed()
                .thenComparing(EvaluationInputs.ListInput::id)).forEach(run::listEntry);
        inputs.facts().stream().sorted(Comparator.comparing(EvaluationInputs.FactInput::on).reversed()
                .thenComparing(EvaluationInputs.FactInput::id)).forEach(run::fact);
        run.operatingYears(subject);
        return run.result(subject.id(), fingerprint);
    }

    private static final Comparator<EvaluationInputs.RecordInput> NEWEST_RECORD_FIRST = Comparator
            .comparing(EvaluationInputs.RecordInput::decisionDate).reversed().thenComparing(EvaluationInputs.RecordInput::id);

    /** Whether a record counts on {@code asOf}: its status counts, it was decided, and its publication has not ended. */
    static boolean counts(EvaluationInputs.RecordInput record, LocalDate asOf) {
        return COUNTED_STATUSES.contains(record.status()) && !record.decisionDate().isAfter(asOf)
                && (record.publishedUntil() == null || !record.publishedUntil().isBefore(asOf));
    }

    /** One evaluation in progress: contributions by dimension, the grade ceiling, the next day the result changes. */
    private static final class Run {

        private final EvaluationModel model;
        private final LocalDate asOf;
        private final Map<String, List<Contribution>> byDimension = new LinkedHashMap<>();
        private Grade ceiling;
        private String ceilingReason;
        private LocalDate validUntil;

        Run(EvaluationModel model, LocalDate asOf) {
            this.model = model;
            this.asOf = asOf;
        }

        void record(EvaluationInputs.RecordInput record) {
            if (record.category() == RecordCategory.TAX_CREDIT_GRADE || record.category() == RecordCategory.INDUSTRY_RATING) {
                return;
            }
            if (record.decisionDate().isAfter(asOf)) {
                changesOn(record.decisionDate());
                return;
            }
            if (!counts(record, asOf)) {
                return;
            }
            Optional<EvaluationModel.RecordRule> found = model.ruleFor(record.category(), record.severity());
            if (found.isEmpty()) {
                return;
            }
            EvaluationModel.RecordRule rule = found.get();
            if (record.publishedUntil() != null) {
                changesOn(record.publishedUntil().plusDays(1));
            }
            BigDecimal factor = null;
            int afterDecay = rule.points();
            StringBuilder reason = new StringBuilder(date(record.decisionDate())).append(record.category() == RecordCategory.HONOUR
                    || record.category() == RecordCategory.REWARD ? "获得" : record.category() == RecordCategory.COMMITMENT ? "作出" : "受到")
                    .append(CATEGORY_ZH.getOrDefault(record.category(), record.category().code())).append('（')
                    .append(record.decisionNumber() == null ? record.title() : record.decisionNumber());
            if (record.severity() != null) {
                reason.append("，失信程度：").append(record.severity().labels().getFirst());
            }
            reason.append("），").append(points(rule.points()));
            if (rule.decays()) {
                long months = ChronoUnit.MONTHS.between(record.decisionDate(), asOf);
                EvaluationModel.DecayStep step = step(months);
                factor = BigDecimal.valueOf(step.factor());
                afterDecay = factor.multiply(BigDecimal.valueOf(rule.points())).setScale(0, RoundingMode.HALF_UP).intValueExact();
                nextStep(months).ifPresent(next -> changesOn(record.decisionDate().plusMonths(next.fromMonths())));
                if (afterDecay == 0) {
                    return;
                }
                if (step.factor() < 1) {
                    reason.append("；已满").append(step.fromMonths()).append("个月，按").append(percent(factor)).append("计，")
                            .append(points(afterDecay));
                }
            }
            if (record.status() == RecordStatus.DISPUTED) {
                reason.append("（异议处理中，处理完毕前照常计分）");
            }
            add(new Contribution(rule.dimension(), rule.code(), new Contribution.Source("record", Long.toString(record.id()),
                    record.title(), record.decisionDate()), rule.points(), factor, afterDecay, afterDecay, reason.toString()));
        }

        /** The latest tax credit grade, and the latest rating of each sector kind, by their levels. */
        void ratings(List<EvaluationInputs.RecordInput> records) {
            Map<String, EvaluationInputs.RecordInput> latest = new HashMap<>();
            for (EvaluationInputs.RecordInput record : records) {
                if ((record.category() == RecordCategory.TAX_CREDIT_GRADE || record.category() == RecordCategory.INDUSTRY_RATING)
                        && record.rating() != null && !record.rating().isBlank()) {
                    if (record.decisionDate().isAfter(asOf)) {
                        changesOn(record.decisionDate());
                        continue;
                    }
                    if (!counts(record, asOf)) {
                        continue;
                    }
                    String kind = record.category() == RecordCategory.TAX_CREDIT_GRADE ? "tax"
                            : ASSESSED_YEAR.matcher(record.title()).replaceFirst("");
                    latest.merge(kind, record, (a, b) -> NEWEST_RECORD_FIRST.compare(a, b) <= 0 ? a : b);
                }
            }
            latest.values().stream().sorted(NEWEST_RECORD_FIRST).forEach(record -> {
                boolean tax = record.category() == RecordCategory.TAX_CREDIT_GRADE;
                EvaluationModel.LevelRule rule = tax ? model.taxGrades() : model.industryRatings();
                String level = record.rating().strip();
                Integer points = rule.points().get(level);
                if (points == null || rule.dimension() == null) {
                    return;
                }
                if (record.publishedUntil() != null) {
                    changesOn(record.publishedUntil().plusDays(1));
                }
                String reason = record.title() + "结果为" + level + "，" + points(points);
                add(new Contribution(rule.dimension(), (tax ? "tax-grade:" : "industry-rating:") + level, new Contribution.Source("record",
                        Long.toString(record.id()), record.title(), record.decisionDate()), points, null, points, points, reason));
            });
        }

        void listEntry(EvaluationInputs.ListInput entry) {
            if (entry.includedOn().isAfter(asOf)) {
                changesOn(entry.includedOn());
                return;
            }
            if (entry.expiresOn() != null && !entry.expiresOn().isAfter(asOf)) {
                return;
            }
            EvaluationModel.ListRule rule = model.lists().get(entry.type());
            if (rule == null) {
                return;
            }
            if (entry.expiresOn() != null) {
                changesOn(entry.expiresOn());
            }
            String reason = date(entry.includedOn()) + "列入" + LIST_ZH.get(entry.type()) + "（" + entry.reason() + "），" + points(rule.points());
            if (rule.gradeCeiling() != null) {
                reason += "；列入期间评价等级最高为" + rule.gradeCeiling().nameZh() + "（" + rule.gradeCeiling().code() + "）";
                if (ceiling == null || rule.gradeCeiling().worse(ceiling) != ceiling) {
                    ceiling = rule.gradeCeiling();
                    ceilingReason = "列入" + LIST_ZH.get(entry.type());
                }
            }
            add(new Contribution(rule.dimension(), rule.code(), new Contribution.Source("list-entry", Long.toString(entry.id()),
                    LIST_ZH.get(entry.type()), entry.includedOn()), rule.points(), null, rule.points(), rule.points(), reason));
        }

        void fact(EvaluationInputs.FactInput fact) {
            if (fact.on().isAfter(asOf)) {
                changesOn(fact.on());
                return;
            }
            EvaluationModel.FactRule rule = model.facts().get(fact.kind());
            if (rule == null) {
                return;
            }
            String reason = date(fact.on()) + fact.kind().nameZh() + "（" + fact.label() + "），" + points(rule.points());
            add(new Contribution(rule.dimension(), rule.code(), new Contribution.Source("fact", fact.id(), fact.label(), fact.on()),
                    rule.points(), null, rule.points(), rule.points(), reason));
        }

        void operatingYears(EvaluationInputs.Subject subject) {
            if (subject.registeredOn() == null || model.operatingYears().isEmpty() || subject.registeredOn().isAfter(asOf)) {
                return;
            }
            long years = ChronoUnit.YEARS.between(subject.registeredOn(), asOf);
            EvaluationModel.YearsStep step = model.operatingYears().getFirst();
            for (EvaluationModel.YearsStep candidate : model.operatingYears()) {
                if (years >= candidate.fromYears()) {
                    step = candidate;
                } else {
                    changesOn(subject.registeredOn().plusYears(candidate.fromYears()));
                    break;
                }
            }
            if (step.points() == 0) {
                return;
            }
            String reason = "成立" + years + "年（" + date(subject.registeredOn()) + "登记），" + points(step.points());
            add(new Contribution(model.operatingYearsDimension(), "operating-years:" + step.fromYears(), new Contribution.Source("registration",
                    null, "成立年限", subject.registeredOn()), step.points(), null, step.points(), step.points(), reason));
        }

        EvaluationResult result(long subjectId, byte[] fingerprint) {
            List<Contribution> counted = new ArrayList<>();
            int total = model.base();
            for (Map.Entry<String, List<Contribution>> dimension : byDimension.entrySet()) {
                List<Contribution> capped = capped(model.dimensions().get(dimension.getKey()), dimension.getValue());
                counted.addAll(capped);
                total += capped.stream().mapToInt(Contribution::counted).sum();
            }
            int score = Math.max(EvaluationModel.MIN_SCORE, Math.min(EvaluationModel.MAX_SCORE, total));
            if (score != total) {
                counted.add(adjustment("score-range", score - total, score < total ? "总分以" + EvaluationModel.MAX_SCORE + "分为上限"
                        : "总分以" + EvaluationModel.MIN_SCORE + "分为下限"));
            }
            EvaluationModel.GradeBand band = model.band(score);
            if (ceiling != null && band.grade().worse(ceiling) == ceiling && band.grade() != ceiling) {
                EvaluationModel.GradeBand limit = model.band(ceiling);
                int better = model.grades().get(model.grades().indexOf(limit) - 1).minScore();
                int capped = better - 1;
                counted.add(adjustment("grade-ceiling", capped - score, ceilingReason + "期间评价等级最高为" + ceiling.nameZh() + "（" + ceiling.code()
                        + "），分值以该等级上限" + capped + "分计"));
                score = capped;
                band = limit;
            }
            return new EvaluationResult(subjectId, model.version(), asOf, score, band.grade(), band.supervision(), null, List.copyOf(counted),
                    fingerprint, validUntil);
        }

        /**
         * Keeps a dimension within its caps. Within bounds, everything counts. Past a bound, the
         * excess is taken from the oldest contributions of that sign first, so the newest count in
         * full; the points counted then add up to the capped total exactly.
         */
        private static List<Contribution> capped(EvaluationModel.Dimension dimension, List<Contribution> contributions) {
            int sum = contributions.stream().mapToInt(Contribution::afterDecay).sum();
            int bounded = Math.max(dimension.min(), Math.min(dimension.max(), sum));
            if (bounded == sum) {
                return contributions;
            }
            int excess = Math.abs(sum - bounded);
            boolean negative = sum < bounded;
            List<Contribution> result = new ArrayList<>(contributions);
            String note = "；" + dimension.nameZh() + "累计以" + (negative ? dimension.min() : dimension.max()) + "分为限，本项计";
            for (int i = result.size() - 1; i >= 0 && excess > 0; i--) {
                Contribution c = result.get(i);
                if (negative ? c.afterDecay() >= 0 : c.afterDecay() <= 0) {
                    continue;
                }
                int cut = Math.min(excess, Math.abs(c.afterDecay()));
                int kept = c.afterDecay() + (negative ? cut : -cut);
                excess -= cut;
                result.set(i, c.counting(kept, note + kept + "分"));
            }
            return result;
        }

        private Contribution adjustment(String rule, int points, String reason) {
            return new Contribution("score", rule, new Contribution.Source("score", null, "总分调整", asOf), points, null, points, points,
                    reason + "，" + points(points));
        }

        private void add(Contribution contribution) {
            byDimension.computeIfAbsent(contribution.dimension(), d -> new ArrayList<>()).add(contribution);
        }

        private void changesOn(LocalDate day) {
            if (day.isAfter(asOf) && (validUntil == null || day.isBefore(validUntil))) {
                validUntil = day;
            }
        }

        private EvaluationModel.DecayStep step(long months) {
            EvaluationModel.DecayStep found = model.decay().getFirst();
            for (EvaluationModel.DecayStep step : model.decay()) {
                if (months >= step.fromMonths()) {
                    found = step;
                }
            }
            return found;
        }

        private Optional<EvaluationModel.DecayStep> nextStep(long months) {
            return model.decay().stream().filter(step -> step.fromMonths() > months).findFirst();
        }
    }

    private static String points(int points) {
        return points < 0 ? "扣" + -points + "分" : points > 0 ? "加" + points + "分" : "不加减分";
    }

    private static String percent(BigDecimal factor) {
        return factor.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    private static String date(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }
}
