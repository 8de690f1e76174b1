package cn.opencredit.gateway.incentive;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The catalogue (incentive_scenario and its revision) and the facts of subjects, read in one
 * statement per batch of subjects with the reactive client.
 */
@ApplicationScoped
class IncentiveRepository {

    private static final TypeReference<List<Condition>> CONDITIONS = new TypeReference<>() {
    };
    private static final String COLUMNS = "code, name, provider, subject_kinds, benefit, valid_from, valid_until, conditions, version";
    /** Records that count: published (or disputed, or corrected) and still within their publication period. */
    private static final String FACTS = """
            SELECT s.id, s.uscc, s.subject_type, e.grade, e.score, p.occupation,
                   (SELECT array_agg(DISTINCT l.list_type) FROM list_entry l
                     WHERE l.subject_id = s.id AND l.removed_at IS NULL AND l.included_at <= $2
                       AND (l.expires_at IS NULL OR l.expires_at > $2)) AS lists,
                   (SELECT coalesce(json_agg(json_build_array(r.category, coalesce(r.severity, ''), $3::date - r.decision_date)), '[]'::json)
                      FROM credit_record r
                     WHERE r.subject_id = s.id AND r.status IN ('PUBLISHED', 'DISPUTED', 'CORRECTED') AND r.published_from <= $3
                       AND (r.published_until IS NULL OR r.published_until >= $3)) AS records,
                   (SELECT r.details->>'rating' FROM credit_record r
                     WHERE r.subject_id = s.id AND r.category = 'TAX_CREDIT_GRADE' AND r.status IN ('PUBLISHED', 'DISPUTED', 'CORRECTED')
                     ORDER BY r.decision_date DESC, r.id DESC LIMIT 1) AS tax_grade,
                   (SELECT count(*) FROM commitment c WHERE c.subject_id = s.id AND c.state = 'FULFILLED') AS kept,
                   (SELECT count(*) FROM commitment c WHERE c.subject_id = s.id AND c.state = 'BREACHED') AS broken,
                   (SELECT count(*) FROM registration g WHERE g.subject_id = s.id AND g.state = 'VERIFIED') AS verified
              FROM subject s
              LEFT JOIN evaluation e ON e.subject_id = s.id
              LEFT JOIN person p ON p.subject_id = s.id
             WHERE """;

    private final Pool pool;
    private final ObjectMapper json;

    IncentiveRepository(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    /** A scenario as stored. */
    record Stored(String code, String name, String provider, List<String> subjectKinds, String benefit, LocalDate validFrom, LocalDate validUntil,
            List<Condition> conditions, int version) {
    }

    /** The catalogue's revision, bumped by every change to it. */
    Uni<Long> revision() {
        return pool.query("SELECT revision FROM incentive_catalogue_revision").execute().map(rows -> rows.iterator().next().getLong(0));
    }

    /** The whole catalogue with the revision it was read at, in one snapshot. */
    Uni<Map.Entry<Long, List<Stored>>> catalogue() {
        return pool.withTransaction(tx -> tx.query("SELECT revision FROM incentive_catalogue_revision").execute()
                .chain(revision -> tx.query("SELECT " + COLUMNS + " FROM incentive_scenario ORDER BY code").execute()
                        .map(rows -> {
                            List<Stored> scenarios = new ArrayList<>();
                            rows.forEach(row -> scenarios.add(stored(row)));
                            return Map.entry(revision.iterator().next().getLong(0), List.copyOf(scenarios));
                        })));
    }

    /** Inserts or replaces the scenario {@code code}; the catalogue's revision moves on. Answers the stored version. */
    Uni<Integer> save(Stored scenario, OffsetDateTime now) {
        return pool.withTransaction(tx -> tx.preparedQuery("""
                        INSERT INTO incentive_scenario (code, name, provider, subject_kinds, benefit, valid_from, valid_until, conditions,
                                                        created_at, updated_at)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $9)
                        ON CONFLICT (code) DO UPDATE SET name = excluded.name, provider = excluded.provider,
                            subject_kinds = excluded.subject_kinds, benefit = excluded.benefit, valid_from = excluded.valid_from,
                            valid_until = excluded.valid_until, conditions = excluded.conditions, updated_at = excluded.updated_at,
                            version = incentive_scenario.version + 1
                        RETURNING version""")
                .execute(Tuple.tuple().addValue(scenario.code()).addValue(scenario.name()).addValue(scenario.provider())
                        .addValue(scenario.subjectKinds().toArray(String[]::new)).addValue(scenario.benefit()).addValue(scenario.validFrom())
                        .addValue(scenario.validUntil()).addValue(write(scenario.conditions())).addValue(now))
                .chain(rows -> tx.query("UPDATE incentive_catalogue_revision SET revision = revision + 1").execute()
                        .replaceWith(rows.iterator().next().getInteger(0))));
    }

    /** The facts of each subject by its id; ids of no subject are absent. */
    Uni<Map<Long, SubjectFacts>> facts(List<Long> subjectIds, OffsetDateTime now, LocalDate today) {
        return pool.preparedQuery(FACTS + " s.id = ANY($1)").execute(Tuple.of(subjectIds.toArray(Long[]::new), now, today)).map(rows -> {
            Map<Long, SubjectFacts> facts = new HashMap<>();
            rows.forEach(row -> facts.put(row.getLong("id"), facts(row)));
            return facts;
        });
    }

    /** The facts of each subject by its USCC; USCCs of no subject are absent. */
    Uni<Map<String, SubjectFacts>> factsByUscc(List<String> usccs, OffsetDateTime now, LocalDate today) {
        return pool.preparedQuery(FACTS + " s.uscc = ANY($1)").execute(Tuple.of(usccs.toArray(String[]::new), now, today)).map(rows -> {
            Map<String, SubjectFacts> facts = new HashMap<>();
            rows.forEach(row -> facts.put(row.getString("uscc"), facts(row)));
            return facts;
        });
    }

    private static SubjectFacts facts(Row row) {
        String[] lists = row.getArrayOfStrings("lists");
        List<SubjectFacts.Record> records = new ArrayList<>();
        JsonArray stored = row.getJsonArray("records");
        for (int i = 0; i < stored.size(); i++) {
            JsonArray record = stored.getJsonArray(i);
            String severity = code(record.getString(1));
            records.add(new SubjectFacts.Record(code(record.getString(0)), severity, SubjectFacts.severityRank(severity), record.getLong(2)));
        }
        String grade = row.getString("grade");
        Integer score = row.getInteger("score");
        String tax = row.getString("tax_grade");
        String occupation = row.getString("occupation");
        return new SubjectFacts(kind(row.getString("subject_type")), grade == null ? "" : grade, score == null ? -1 : score,
                lists == null ? List.of() : java.util.Arrays.stream(lists).map(IncentiveRepository::code).sorted().toList(), List.copyOf(records),
                tax == null ? "" : tax.strip(), row.getLong("kept"), row.getLong("broken"), row.getLong("verified"),
                occupation == null ? "" : occupation);
    }

    /** The subject kinds catalogue entries name: enterprise, individual-business, person; other types by their own code. */
    static String kind(String subjectType) {
        return switch (subjectType) {
            case "NATURAL_PERSON" -> "person";
            default -> code(subjectType);
        };
    }

    private static String code(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private Stored stored(Row row) {
        try {
            return new Stored(row.getString("code"), row.getString("name"), row.getString("provider"), List.of(row.getArrayOfStrings("subject_kinds")),
                    row.getString("benefit"), row.getLocalDate("valid_from"), row.getLocalDate("valid_until"),
                    json.readValue(row.getJsonArray("conditions").encode(), CONDITIONS), row.getInteger("version"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored conditions are always a JSON array of conditions", e);
        }
    }

    private io.vertx.core.json.JsonArray write(List<Condition> conditions) {
        try {
            return new io.vertx.core.json.JsonArray(json.writeValueAsString(conditions));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("conditions always serialise", e);
        }
    }
}
