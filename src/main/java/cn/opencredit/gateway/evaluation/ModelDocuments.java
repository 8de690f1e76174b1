package cn.opencredit.gateway.evaluation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import cn.opencredit.gateway.creditlist.ListType;
import cn.opencredit.gateway.record.RecordCategory;
import cn.opencredit.gateway.record.Severity;
import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.web.ApiCode;
import cn.opencredit.gateway.subject.SubjectStatus;

/**
 * Scoring models as their authors write them: a YAML document, read into an {@link EvaluationModel}
 * or refused with every problem it has, each named by its path in the document
 * ({@code grades[1].minScore}), so that an author fixes them all in one round.
 */
public final class ModelDocuments {

    static final int MAX_POINTS = 1000;
    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._-]{0,31}");

    /** Whether {@code version} could name a model: what no model can be called is not looked up. */
    static boolean isVersion(String version) {
        return version != null && VERSION.matcher(version).matches();
    }
    private static final Pattern DIMENSION = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private ModelDocuments() {
    }

    /** The document's fields as written; every one may be missing, which the checks report. */
    record Document(String version, String nameZh, Integer base, List<GradeDoc> grades, Map<String, Double> samplingRatios,
            List<DimensionDoc> dimensions, List<DecayDoc> decay, List<RecordDoc> records, List<ListDoc> lists, LevelDoc taxGrades,
            LevelDoc industryRatings, List<FactDoc> facts, YearsDoc operatingYears, List<String> notEvaluated) {
    }

    record GradeDoc(String grade, Integer minScore, String supervision) {
    }

    record DimensionDoc(String code, String nameZh, Integer min, Integer max) {
    }

    record DecayDoc(Integer fromMonths, Double factor) {
    }

    record RecordDoc(String category, String severity, Integer points, String dimension, Boolean decays) {
    }

    record ListDoc(String type, Integer points, String dimension, String gradeCeiling) {
    }

    record LevelDoc(String dimension, LinkedHashMap<String, Integer> points) {
    }

    record FactDoc(String kind, Integer points, String dimension) {
    }

    record YearsDoc(String dimension, List<YearsStepDoc> steps) {
    }

    record YearsStepDoc(Integer fromYears, Integer points) {
    }

    /**
     * The model the document describes.
     *
     * @throws ProblemException validation-failed, listing every problem, when it does not describe a usable model
     */
    public static EvaluationModel read(String yaml) {
        Document document;
        try {
            document = YAML.readValue(yaml, Document.class);
        } catch (UnrecognizedPropertyException e) {
            throw invalid(List.of(new FieldError(path(e), "unknown-field", "this field is not part of a scoring model")));
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof JsonProcessingException cause && !(cause instanceof JsonMappingException)) {
                // The YAML broke inside a value (a list or map cut off): the document, not the value, is at fault.
                throw invalid(List.of(new FieldError("document", "not-yaml", "the document ends inside " + path(e) + line(e))));
            }
            throw invalid(List.of(new FieldError(path(e), "wrong-type", "the value has the wrong type" + line(e))));
        } catch (JsonProcessingException e) {
            throw invalid(List.of(new FieldError("document", "not-yaml", "the document is not valid YAML" + line(e))));
        }
        if (document == null) {
            throw invalid(List.of(new FieldError("document", "required", "the document is empty")));
        }
        return new Checks(document).model();
    }

    private static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(ProblemType.VALIDATION_FAILED, errors.size() == 1 ? "The scoring model has a problem: "
                + errors.getFirst().field() + " " + errors.getFirst().message() : "The scoring model has " + errors.size() + " problems", errors);
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "document" : path.toString();
    }

    private static String line(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
    }

    /** Every check of a document, each problem kept. */
    private static final class Checks {

        private final Document doc;
        private final List<FieldError> errors = new ArrayList<>();
        private final Map<String, EvaluationModel.Dimension> dimensions = new LinkedHashMap<>();

        Checks(Document doc) {
            this.doc = doc;
        }

        EvaluationModel model() {
            String version = doc.version();
            if (version == null || !VERSION.matcher(version).matches()) {
                error("version", "format", "must be 1 to 32 letters, digits, dots, dashes or underscores, such as 2026.1");
            }
            String nameZh = doc.nameZh() == null || doc.nameZh().isBlank() ? null : doc.nameZh().strip();
            if (nameZh == null) {
                error("nameZh", "required", "the model's Chinese name is required");
            }
            int base = bounded("base", doc.base(), EvaluationModel.MIN_SCORE, EvaluationModel.MAX_SCORE);
            dimensions();
            List<EvaluationModel.GradeBand> grades = grades();
            Map<Grade, Double> ratios = ratios();
            List<EvaluationModel.DecayStep> decay = decay();
            List<EvaluationModel.RecordRule> records = records();
            Map<ListType, EvaluationModel.ListRule> lists = lists();
            EvaluationModel.LevelRule tax = levels("taxGrades", doc.taxGrades());
            EvaluationModel.LevelRule industry = levels("industryRatings", doc.industryRatings());
            Map<FactKind, EvaluationModel.FactRule> facts = facts();
            String yearsDimension = doc.operatingYears() == null ? null : dimension("operatingYears.dimension", doc.operatingYears().dimension());
            List<EvaluationModel.YearsStep> years = years();
            Set<SubjectStatus> notEvaluated = notEvaluated();
            if (!errors.isEmpty()) {
                throw invalid(errors);
            }
            return new EvaluationModel(version, nameZh, base, grades, ratios, Map.copyOf(dimensions), decay, records, lists, tax, industry,
                    facts, yearsDimension, years, notEvaluated);
        }

        private void dimensions() {
            if (doc.dimensions() == null || doc.dimensions().isEmpty()) {
                error("dimensions", "required", "at least one dimension is required");
                return;
            }
            for (int i = 0; i < doc.dimensions().size(); i++) {
                DimensionDoc d = doc.dimensions().get(i);
                String at = "dimensions[" + i + "]";
                if (d.code() == null || !DIMENSION.matcher(d.code()).matches()) {
                    error(at + ".code", "format", "must be a lower-case code such as failings");
                    continue;
                }
                int min = bounded(at + ".min", d.min(), -MAX_POINTS, 0);
                int max = bounded(at + ".max", d.max(), 0, MAX_POINTS);
                if (d.nameZh() == null || d.nameZh().isBlank()) {
                    error(at + ".nameZh", "required", "the dimension's Chinese name is required");
                }
                if (dimensions.putIfAbsent(d.code(), new EvaluationModel.Dimension(d.code(), d.nameZh(), min, max)) != null) {
                    error(at + ".code", "duplicate", "dimension " + d.code() + " is defined twice");
                }
            }
        }

        /** Four bands, A to D, each starting lower than the one before, the last at 0: no score without a grade, none with two. */
        private List<EvaluationModel.GradeBand> grades() {
            List<EvaluationModel.GradeBand> bands = new ArrayList<>();
            if (doc.grades() == null || doc.grades().isEmpty()) {
                error("grades", "required", "the grade thresholds A, B, C and D are required");
                return bands;
            }
            Set<Grade> seen = new HashSet<>();
            for (int i = 0; i < doc.grades().size(); i++) {
                GradeDoc g = doc.grades().get(i);
                String at = "grades[" + i + "]";
                Grade grade = code(at + ".grade", g.grade(), Grade.class);
                int min = bounded(at + ".minScore", g.minScore(), EvaluationModel.MIN_SCORE, EvaluationModel.MAX_SCORE);
                SupervisionClass supervision = code(at + ".supervision", g.supervision(), SupervisionClass.class);
                if (grade == null) {
                    continue;
                }
                if (!seen.add(grade)) {
                    error(at + ".grade", "duplicate", "grade " + grade.code() + " has two thresholds");
                    continue;
                }
                if (grade.ordinal() != i) {
                    error(at + ".grade", "order", "grades are listed best first: A, B, C, D");
                }
                if (!bands.isEmpty() && min >= bands.getLast().minScore()) {
                    error(at + ".minScore", "overlapping", "must be below " + bands.getLast().grade().code() + "'s threshold "
                            + bands.getLast().minScore());
                }
                bands.add(new EvaluationModel.GradeBand(grade, min, supervision));
            }
            for (Grade grade : Grade.values()) {
                if (!seen.contains(grade)) {
                    error("grades", "missing-grade", "grade " + grade.code() + " has no threshold");
                }
            }
            if (!bands.isEmpty() && bands.getLast().minScore() != EvaluationModel.MIN_SCORE) {
                error("grades[" + (bands.size() - 1) + "].minScore", "gap", "the lowest grade must start at 0, or low scores have no grade");
            }
            return List.copyOf(bands);
        }

        private Map<Grade, Double> ratios() {
            Map<Grade, Double> ratios = new EnumMap<>(Grade.class);
            Map<String, Double> raw = doc.samplingRatios() == null ? Map.of() : doc.samplingRatios();
            for (Map.Entry<String, Double> entry : raw.entrySet()) {
                Grade grade = code("samplingRatios." + entry.getKey(), entry.getKey(), Grade.class);
                Double ratio = entry.getValue();
                if (ratio == null || ratio < 0 || ratio > 1 || ratio.isNaN()) {
                    error("samplingRatios." + entry.getKey(), "out-of-range", "a sampling ratio is between 0 and 1");
                } else if (grade != null) {
                    ratios.put(grade, ratio);
                }
            }
            for (Grade grade : Grade.values()) {
                if (!raw.containsKey(grade.code())) {
                    error("samplingRatios", "missing-grade", "grade " + grade.code() + " has no sampling ratio");
                }
            }
            return Map.copyOf(ratios);
        }

        private List<EvaluationModel.DecayStep> decay() {
            List<EvaluationModel.DecayStep> steps = new ArrayList<>();
            if (doc.decay() == null || doc.decay().isEmpty()) {
                error("decay", "required", "the decay steps are required; a model without decay has one step from 0 months at factor 1");
                return steps;
            }
            for (int i = 0; i < doc.decay().size(); i++) {
                DecayDoc d = doc.decay().get(i);
                String at = "decay[" + i + "]";
                int from = bounded(at + ".fromMonths", d.fromMonths(), 0, 1200);
                double factor = d.factor() == null || d.factor().isNaN() ? -1 : d.factor();
                if (factor < 0 || factor > 1) {
                    error(at + ".factor", "out-of-range", "a decay factor is between 0 and 1");
                }
                if (i == 0 && from != 0) {
                    error(at + ".fromMonths", "gap", "the first step starts at 0 months");
                }
                if (!steps.isEmpty() && from <= steps.getLast().fromMonths()) {
                    error(at + ".fromMonths", "order", "steps start later one after the other");
                }
                if (!steps.isEmpty() && factor > steps.getLast().factor()) {
                    error(at + ".factor", "order", "points do not grow with age: a factor is at most the one before");
                }
                steps.add(new EvaluationModel.DecayStep(from, factor));
            }
            return List.copyOf(steps);
        }

        private List<EvaluationModel.RecordRule> records() {
            List<EvaluationModel.RecordRule> rules = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            List<RecordDoc> raw = doc.records() == null ? List.of() : doc.records();
            for (int i = 0; i < raw.size(); i++) {
                RecordDoc r = raw.get(i);
                String at = "records[" + i + "]";
                RecordCategory category = code(at + ".category", r.category(), RecordCategory.class);
                Severity severity = r.severity() == null ? null : code(at + ".severity", r.severity(), Severity.class);
                int points = bounded(at + ".points", r.points(), -MAX_POINTS, MAX_POINTS);
                String dimension = dimension(at + ".dimension", r.dimension());
                if (category == RecordCategory.TAX_CREDIT_GRADE || category == RecordCategory.INDUSTRY_RATING) {
                    error(at + ".category", "not-allowed", "ratings count by their level, under taxGrades and industryRatings");
                }
                if (category != null && !seen.add(category.code() + "/" + (severity == null ? "" : severity.code()))) {
                    error(at, "duplicate", "a rule for " + category.code() + (severity == null ? "" : " " + severity.code()) + " exists already");
                }
                if (category != null && dimension != null) {
                    rules.add(new EvaluationModel.RecordRule(category, severity, points, dimension, Boolean.TRUE.equals(r.decays())));
                }
            }
            return List.copyOf(rules);
        }

        private Map<ListType, EvaluationModel.ListRule> lists() {
            Map<ListType, EvaluationModel.ListRule> rules = new EnumMap<>(ListType.class);
            List<ListDoc> raw = doc.lists() == null ? List.of() : doc.lists();
            for (int i = 0; i < raw.size(); i++) {
                ListDoc l = raw.get(i);
                String at = "lists[" + i + "]";
                ListType type = code(at + ".type", l.type(), ListType.class);
                int points = bounded(at + ".points", l.points(), -MAX_POINTS, MAX_POINTS);
                String dimension = dimension(at + ".dimension", l.dimension());
                Grade ceiling = l.gradeCeiling() == null ? null : code(at + ".gradeCeiling", l.gradeCeiling(), Grade.class);
                if (type != null && dimension != null && rules.putIfAbsent(type, new EvaluationModel.ListRule(type, points, dimension, ceiling)) != null) {
                    error(at + ".type", "duplicate", "a rule for list " + type.code() + " exists already");
                }
            }
            return Map.copyOf(rules);
        }

        private EvaluationModel.LevelRule levels(String at, LevelDoc doc) {
            if (doc == null) {
                return new EvaluationModel.LevelRule(null, Map.of());
            }
            String dimension = dimension(at + ".dimension", doc.dimension());
            Map<String, Integer> points = new LinkedHashMap<>();
            if (doc.points() != null) {
                doc.points().forEach((level, value) -> {
                    if (level == null || level.isBlank() || level.length() > 20) {
                        error(at + ".points", "format", "a level is 1 to 20 characters");
                    } else {
                        points.put(level.strip(), bounded(at + ".points." + level, value, -MAX_POINTS, MAX_POINTS));
                    }
                });
            }
            return new EvaluationModel.LevelRule(dimension, Map.copyOf(points));
        }

        private Map<FactKind, EvaluationModel.FactRule> facts() {
            Map<FactKind, EvaluationModel.FactRule> rules = new EnumMap<>(FactKind.class);
            List<FactDoc> raw = doc.facts() == null ? List.of() : doc.facts();
            for (int i = 0; i < raw.size(); i++) {
                FactDoc f = raw.get(i);
                String at = "facts[" + i + "]";
                FactKind kind = code(at + ".kind", f.kind(), FactKind.class);
                int points = bounded(at + ".points", f.points(), -MAX_POINTS, MAX_POINTS);
                String dimension = dimension(at + ".dimension", f.dimension());
                if (kind != null && dimension != null && rules.putIfAbsent(kind, new EvaluationModel.FactRule(kind, points, dimension)) != null) {
                    error(at + ".kind", "duplicate", "a rule for " + kind.code() + " exists already");
                }
            }
            return Map.copyOf(rules);
        }

        private List<EvaluationModel.YearsStep> years() {
            List<EvaluationModel.YearsStep> steps = new ArrayList<>();
            if (doc.operatingYears() == null || doc.operatingYears().steps() == null) {
                return steps;
            }
            List<YearsStepDoc> raw = doc.operatingYears().steps();
            for (int i = 0; i < raw.size(); i++) {
                String at = "operatingYears.steps[" + i + "]";
                int from = bounded(at + ".fromYears", raw.get(i).fromYears(), 0, 200);
                int points = bounded(at + ".points", raw.get(i).points(), -MAX_POINTS, MAX_POINTS);
                if (i == 0 && from != 0) {
                    error(at + ".fromYears", "gap", "the first step starts at 0 years");
                }
                if (!steps.isEmpty() && from <= steps.getLast().fromYears()) {
                    error(at + ".fromYears", "order", "steps start later one after the other");
                }
                steps.add(new EvaluationModel.YearsStep(from, points));
            }
            return List.copyOf(steps);
        }

        private Set<SubjectStatus> notEvaluated() {
            Set<SubjectStatus> statuses = new HashSet<>();
            List<String> raw = doc.notEvaluated() == null ? List.of() : doc.notEvaluated();
            for (int i = 0; i < raw.size(); i++) {
                SubjectStatus status = code("notEvaluated[" + i + "]", raw.get(i), SubjectStatus.class);
                if (status == SubjectStatus.ACTIVE) {
                    error("notEvaluated[" + i + "]", "not-allowed", "active subjects are always evaluated");
                } else if (status != null) {
                    statuses.add(status);
                }
            }
            return Set.copyOf(statuses);
        }

        private String dimension(String at, String code) {
            if (code == null) {
                error(at, "required", "names one of the dimensions");
                return null;
            }
            if (!dimensions.containsKey(code)) {
                error(at, "unknown-dimension", code + " is not one of the dimensions: " + String.join(", ", dimensions.keySet()));
                return null;
            }
            return code;
        }

        private <E extends Enum<E> & ApiCode> E code(String at, String raw, Class<E> type) {
            if (raw == null) {
                error(at, "required", "is required");
                return null;
            }
            for (E constant : type.getEnumConstants()) {
                if (constant.code().equals(raw.strip()) || constant.name().equals(raw.strip().toUpperCase(Locale.ROOT).replace('-', '_'))) {
                    return constant;
                }
            }
            List<String> accepted = java.util.Arrays.stream(type.getEnumConstants()).map(ApiCode::code).toList();
            errors.add(new FieldError(at, "unknown-value", raw + " is not one of: " + String.join(", ", accepted), String.join(", ", accepted)));
            return null;
        }

        private int bounded(String at, Integer value, int min, int max) {
            if (value == null) {
                error(at, "required", "is required");
                return min;
            }
            if (value < min || value > max) {
                errors.add(new FieldError(at, "out-of-range", "must be between " + min + " and " + max, min + ".." + max));
                return Math.max(min, Math.min(max, value));
            }
            return value;
        }

        private void error(String field, String code, String message) {
            errors.add(new FieldError(field, code, message));
        }
    }
}
