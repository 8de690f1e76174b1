package cn.opencredit.gateway.sampling;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import cn.opencredit.gateway.shared.sql.RegionPrefix;
import cn.opencredit.gateway.shared.sql.SqlArgs;
import cn.opencredit.gateway.shared.time.ChinaTime;

/**
 * Sampling's tables (sampling_plan, sampling_population, sampling_sample) on the reactive pool; it
 * reads the subjects, their current grades and their inspection records to find a population.
 */
@ApplicationScoped
class SamplingRepository {

    /** Rows per insert statement: a population of a whole city stays a few statements. */
    private static final int CHUNK = 5_000;
    private static final HexFormat HEX = HexFormat.of();

    private final Pool pool;

    SamplingRepository(Pool pool) {
        this.pool = pool;
    }

    <T> Uni<T> inTransaction(Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(work);
    }

    /** A subject that matches a plan's filter, with its grade and whether it was inspected since the plan's cut-off day. */
    record Candidate(String uscc, String name, String grade, boolean inspected) {
    }

    /**
     * Subjects with a USCC, active, with a current grade, in the region (prefix), of the industry
     * sections and subject types (any of each; none: all), in USCC order.
     */
    Uni<List<Candidate>> candidates(PlanSpec spec, Optional<LocalDate> inspectedSince) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT s.uscc, s.name, e.grade, ");
        sql.append(inspectedSince.map(since -> """
                EXISTS (SELECT 1 FROM credit_record r WHERE r.subject_id = s.id AND r.category = 'INSPECTION' AND r.status <> 'REVOKED'
                        AND r.decision_date >= %s)""".formatted(SqlArgs.bind(args, since))).orElse("false"));
        sql.append("""
                 FROM subject s JOIN evaluation e ON e.subject_id = s.id
                WHERE s.uscc IS NOT NULL AND s.status = 'ACTIVE' AND e.grade IS NOT NULL""");
        spec.region().ifPresent(region -> sql.append(" AND ").append(new RegionPrefix(region).condition("s.region_code", args)));
        if (!spec.industries().isEmpty()) {
            sql.append(" AND s.industry_section = ANY(").append(SqlArgs.bind(args, spec.industries().toArray(String[]::new))).append(")");
        }
        if (!spec.subjectTypes().isEmpty()) {
            sql.append(" AND s.subject_type = ANY(").append(SqlArgs.bind(args, spec.subjectTypes().stream().map(Enum::name)
                    .toArray(String[]::new))).append(")");
        }
        sql.append(" ORDER BY s.uscc");
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(args)).map(rows -> {
            List<Candidate> candidates = new ArrayList<>(rows.size());
            rows.forEach(row -> candidates.add(new Candidate(row.getString(0), row.getString(1), row.getString(2), row.getBoolean(3))));
            return candidates;
        });
    }

    /** A plan to store, with its draw. */
    record NewPlan(PlanSpec spec, Optional<LocalDate> inspectedSince, boolean trustedExempt, LocalDate asOf, String seed, boolean clientSeed,
            String modelVersion, int excludedRecentlyInspected, int excludedTrusted, SampleDraw.Result draw, UUID createdBy) {
    }

    /** The plan, its frozen population and its sample, in one transaction; answers the plan's id. */
    Uni<Long> insert(NewPlan plan) {
        return pool.withTransaction(tx -> insertPlan(tx, plan)
                .call(id -> Multi.createFrom().iterable(chunks(plan.draw().population()))
                        .onItem().transformToUniAndConcatenate(chunk -> tx.preparedQuery("""
                                        INSERT INTO sampling_population (plan_id, uscc, grade)
                                        SELECT $1, t.uscc, t.grade FROM unnest($2::text[], $3::text[]) AS t(uscc, grade)""")
                                .execute(Tuple.of(id, chunk.stream().map(SampleDraw.Member::uscc).toArray(String[]::new),
                                        chunk.stream().map(m -> m.grade().code()).toArray(String[]::new))))
                        .collect().last())
                .call(id -> Multi.createFrom().iterable(chunks(plan.draw().sample()))
                        .onItem().transformToUniAndConcatenate(chunk -> tx.preparedQuery("""
                                        INSERT INTO sampling_sample (plan_id, uscc, grade, rank, hmac, name)
                                        SELECT $1, t.uscc, t.grade, t.rank, decode(t.hmac, 'hex'), t.name
                                        FROM unnest($2::text[], $3::text[], $4::int[], $5::text[], $6::text[]) AS t(uscc, grade, rank, hmac, name)""")
                                .execute(Tuple.tuple(List.of(id, chunk.stream().map(d -> d.member().uscc()).toArray(String[]::new),
                                        chunk.stream().map(d -> d.member().grade().code()).toArray(String[]::new),
                                        chunk.stream().map(SampleDraw.Drawn::rank).toArray(Integer[]::new),
                                        chunk.stream().map(d -> HEX.formatHex(d.hmac())).toArray(String[]::new),
                                        chunk.stream().map(d -> d.member().name()).toArray(String[]::new)))))
                        .collect().last()));
    }

    private static Uni<Long> insertPlan(SqlConnection tx, NewPlan plan) {
        PlanSpec spec = plan.spec();
        JsonArray grades = new JsonArray();
        plan.draw().grades().forEach(g -> grades.add(new JsonObject().put("grade", g.grade().code()).put("population", g.population())
                .put("ratio", g.ratio() == null ? null : g.ratio().toPlainString()).put("size", g.size()).put("source", g.source())
                .put("drawn", g.drawn())));
        List<Object> values = Arrays.asList(spec.title(), spec.departmentUscc(), spec.departmentName(), spec.sector().name(),
                spec.region().orElse(null), spec.industries().isEmpty() ? null : spec.industries().toArray(String[]::new),
                spec.subjectTypes().isEmpty() ? null : spec.subjectTypes().stream().map(Enum::name).toArray(String[]::new),
                spec.excludeInspectedWithinMonths(), plan.inspectedSince().orElse(null), plan.trustedExempt(), plan.asOf(), plan.seed(),
                plan.clientSeed() ? "CLIENT" : "SERVER", SampleDraw.ALGORITHM, plan.modelVersion(), Buffer.buffer(plan.draw().populationSha256()),
                plan.draw().population().size(), plan.excludedRecentlyInspected(), plan.excludedTrusted(), grades, plan.draw().sample().size(),
                plan.createdBy());
        return tx.preparedQuery("""
                        INSERT INTO sampling_plan (title, department_uscc, department_name, sector, region, industries, subject_types,
                            exclude_inspected_within_months, inspected_since, trusted_exempt, as_of, seed, seed_source, algorithm, model_version,
                            population_sha256, population_size, excluded_recently_inspected, excluded_trusted, grades, sample_size, created_by)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)
                        RETURNING id""")
                .execute(Tuple.tuple(values)).map(rows -> rows.iterator().next().getLong(0));
    }

    private static <T> List<List<T>> chunks(List<T> rows) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += CHUNK) {
            chunks.add(rows.subList(from, Math.min(rows.size(), from + CHUNK)));
        }
        return chunks;
    }

    /** A stored plan and how many of its sampled subjects have their result. */
    record PlanRow(long id, String title, String departmentUscc, String departmentName, String sector, String region, List<String> industries,
            List<String> subjectTypes, int excludeInspectedWithinMonths, LocalDate inspectedSince, boolean trustedExempt, LocalDate asOf,
            OffsetDateTime createdAt, String seed, String seedSource, String algorithm, String modelVersion, byte[] populationSha256,
            int populationSize, int excludedRecentlyInspected, int excludedTrusted, JsonArray grades, int sampleSize, int reported) {
    }

    private static final String PLAN_COLUMNS = """
            p.id, p.title, p.department_uscc, p.department_name, p.sector, p.region, p.industries, p.subject_types,
            p.exclude_inspected_within_months, p.inspected_since, p.trusted_exempt, p.as_of, p.created_at, p.seed, p.seed_source, p.algorithm,
            p.model_version, p.population_sha256, p.population_size, p.excluded_recently_inspected, p.excluded_trusted, p.grades, p.sample_size,
            (SELECT count(*) FROM sampling_sample s WHERE s.plan_id = p.id AND s.reported_at IS NOT NULL)""";

    Uni<Optional<PlanRow>> plan(long id) {
        return pool.preparedQuery("SELECT " + PLAN_COLUMNS + " FROM sampling_plan p WHERE p.id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(plan(rows.iterator().next())));
    }

    /** Plans newest first, before the plan {@code before}, optionally of one department. */
    Uni<List<PlanRow>> plans(Optional<String> department, Optional<Long> before, int fetchSize) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT " + PLAN_COLUMNS + " FROM sampling_plan p WHERE true");
        department.ifPresent(uscc -> sql.append(" AND p.department_uscc = ").append(SqlArgs.bind(args, uscc)));
        before.ifPresent(id -> sql.append(" AND p.id < ").append(SqlArgs.bind(args, id)));
        sql.append(" ORDER BY p.id DESC LIMIT ").append(SqlArgs.bind(args, fetchSize));
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(args)).map(rows -> {
            List<PlanRow> plans = new ArrayList<>();
            rows.forEach(row -> plans.add(plan(row)));
            return plans;
        });
    }

    private static PlanRow plan(Row row) {
        Object grades = row.getValue(21);
        return new PlanRow(row.getLong(0), row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                strings(row, 6), strings(row, 7), row.getInteger(8), row.getLocalDate(9), row.getBoolean(10), row.getLocalDate(11),
                ChinaTime.inChina(row.getOffsetDateTime(12)), row.getString(13), row.getString(14), row.getString(15), row.getString(16),
                row.getBuffer(17).getBytes(), row.getInteger(18), row.getInteger(19), row.getInteger(20),
                grades instanceof JsonArray array ? array : new JsonArray(), row.getInteger(22), row.getLong(23).intValue());
    }

    private static List<String> strings(Row row, int column) {
        String[] values = row.getArrayOfStrings(column);
        return values == null ? List.of() : List.of(values);
    }

    /** A page of the frozen population in USCC order, after {@code after}. */
    Uni<List<PopulationMemberRow>> population(long planId, Optional<String> after, int fetchSize) {
        List<Object> args = new ArrayList<>(List.of(planId));
        String sql = "SELECT uscc, grade FROM sampling_population WHERE plan_id = $1"
                + after.map(uscc -> " AND uscc > " + SqlArgs.bind(args, uscc)).orElse("") + " ORDER BY uscc LIMIT " + SqlArgs.bind(args, fetchSize);
        return pool.preparedQuery(sql).execute(Tuple.from(args)).map(rows -> {
            List<PopulationMemberRow> members = new ArrayList<>();
            rows.forEach(row -> members.add(new PopulationMemberRow(row.getString(0), row.getString(1))));
            return members;
        });
    }

    record PopulationMemberRow(String uscc, String grade) {
    }

    /** A sampled subject, and its result once reported (null fields until then). */
    record SampleRow(String uscc, String name, String grade, int rank, byte[] hmac, LocalDate inspectedOn, String outcome, String findings,
            String decisionNumber, Long recordId, OffsetDateTime reportedAt) {
    }

    private static final String SAMPLE_COLUMNS = "uscc, name, grade, rank, hmac, inspected_on, outcome, findings, decision_number, record_id, "
            + "reported_at";

    /** A page of the sample in USCC order, after {@code after}. */
    Uni<List<SampleRow>> sample(long planId, Optional<String> after, int fetchSize) {
        List<Object> args = new ArrayList<>(List.of(planId));
        String sql = "SELECT " + SAMPLE_COLUMNS + " FROM sampling_sample WHERE plan_id = $1"
                + after.map(uscc -> " AND uscc > " + SqlArgs.bind(args, uscc)).orElse("") + " ORDER BY uscc LIMIT " + SqlArgs.bind(args, fetchSize);
        return pool.preparedQuery(sql).execute(Tuple.from(args)).map(SamplingRepository::samples);
    }

    /** These sampled subjects of the plan, in USCC order. */
    Uni<List<SampleRow>> sample(long planId, Set<String> usccs) {
        return pool.preparedQuery("SELECT " + SAMPLE_COLUMNS + " FROM sampling_sample WHERE plan_id = $1 AND uscc = ANY($2) ORDER BY uscc")
                .execute(Tuple.of(planId, usccs.toArray(String[]::new))).map(SamplingRepository::samples);
    }

    /** In {@code tx}: these sampled subjects of the plan, by USCC, locked until it ends; absent ones are not in the sample. */
    Uni<Map<String, SampleRow>> lockSample(SqlConnection tx, long planId, Set<String> usccs) {
        return tx.preparedQuery("SELECT " + SAMPLE_COLUMNS + " FROM sampling_sample WHERE plan_id = $1 AND uscc = ANY($2) ORDER BY uscc FOR UPDATE")
                .execute(Tuple.of(planId, usccs.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, SampleRow> locked = new LinkedHashMap<>();
                    samples(rows).forEach(row -> locked.put(row.uscc(), row));
                    return locked;
                });
    }

    private static List<SampleRow> samples(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        List<SampleRow> samples = new ArrayList<>();
        rows.forEach(row -> samples.add(new SampleRow(row.getString(0), row.getString(1), row.getString(2), row.getInteger(3),
                row.getBuffer(4).getBytes(), row.getLocalDate(5), row.getString(6), row.getString(7), row.getString(8), row.getLong(9),
                ChinaTime.inChina(row.getOffsetDateTime(10)))));
        return samples;
    }

    /** A reported result and the record it became. */
    record Result(String uscc, LocalDate inspectedOn, String outcome, String findings, String decisionNumber, long recordId) {
    }

    /** In {@code tx}: stores the results of sampled subjects that have none yet; answers how many were stored. */
    Uni<Integer> recordResults(SqlConnection tx, long planId, List<Result> results, OffsetDateTime at, UUID by) {
        return tx.preparedQuery("""
                        UPDATE sampling_sample s
                        SET inspected_on = t.inspected_on, outcome = t.outcome, findings = t.findings, decision_number = t.decision_number,
                            record_id = t.record_id, reported_at = $2, reported_by = $3
                        FROM unnest($4::text[], $5::date[], $6::text[], $7::text[], $8::text[], $9::bigint[])
                             AS t(uscc, inspected_on, outcome, findings, decision_number, record_id)
                        WHERE s.plan_id = $1 AND s.uscc = t.uscc AND s.reported_at IS NULL""")
                .execute(Tuple.tuple(List.of(planId, at, by, results.stream().map(Result::uscc).toArray(String[]::new),
                        results.stream().map(Result::inspectedOn).toArray(LocalDate[]::new),
                        results.stream().map(Result::outcome).toArray(String[]::new),
                        results.stream().map(Result::findings).toArray(String[]::new),
                        results.stream().map(Result::decisionNumber).toArray(String[]::new),
                        results.stream().map(Result::recordId).toArray(Long[]::new))))
                .map(io.vertx.mutiny.sqlclient.SqlResult::rowCount);
    }
}
