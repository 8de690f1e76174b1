package cn.opencredit.gateway.ingestion;

import static io.restassured.RestAssured.given;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.restassured.specification.RequestSpecification;

import cn.opencredit.gateway.access.AccessFixtures;
import cn.opencredit.gateway.access.ConsumerType;
import cn.opencredit.gateway.subject.SubjectFixtures;

/**
 * Departments bound to their USCCs, record rows and database reads for the ingestion tests. USCCs
 * are in the fixture region 659001 with organisation-code bodies starting with GJ (归集), which no
 * other fixture uses.
 */
@ApplicationScoped
public class IngestionFixtures {

    static final String PATH = "/api/v1/ingest/records";
    static final String PROBLEM = "application/problem+json";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String TRANSPORT = SubjectFixtures.uscc("11", "GJD00001");
    static final String TRANSPORT_NAME = "石河子市交通运输局";
    static final String HEALTH = SubjectFixtures.uscc("11", "GJD00002");
    static final String HEALTH_NAME = "石河子市卫生健康委员会";

    /**
     * Registered subjects of the ingestion tests' own. Ingestion adds records to and flags the
     * subjects it is sent, so it must not touch the subject fixtures whose contents other tests assert.
     */
    static final String KNOWN = SubjectFixtures.uscc("91", "GJR00001");
    static final String KNOWN_NAME = "石河子归集通达物流有限公司";
    static final String KNOWN_FRUIT = SubjectFixtures.uscc("91", "GJR00002");
    static final String KNOWN_FRUIT_NAME = "石河子归集绿洲果业有限公司";
    static final String[] KNOWN_BRACKETS = {SubjectFixtures.uscc("91", "GJR00003"), "石河子归集昆仑（兵团）果业有限公司"};
    static final String[] KNOWN_LAWYERS = {SubjectFixtures.uscc("91", "GJR00004"), "石河子归集王&赵律师事务所"};

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final AgroalDataSource dataSource;
    private final Map<String, String> departmentKeys = new HashMap<>();

    IngestionFixtures(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @PostConstruct
    void registerKnownSubjects() {
        String[][] known = {{KNOWN, KNOWN_NAME}, {KNOWN_FRUIT, KNOWN_FRUIT_NAME}, KNOWN_BRACKETS, KNOWN_LAWYERS};
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO subject (uscc, name, subject_type, legal_representative, region_code, status)
                        VALUES (?, ?, 'ENTERPRISE', '王强', ?, 'ACTIVE') ON CONFLICT (uscc) DO NOTHING""")) {
            for (String[] subject : known) {
                insert.setString(1, subject[0]);
                insert.setString(2, subject[1]);
                insert.setString(3, SubjectFixtures.REGION);
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the ingestion tests' subjects could not be registered", e);
        }
    }

    /** A new USCC of an enterprise in the fixture region, different on every call. */
    static String newEnterpriseUscc() {
        return newUscc("91");
    }

    /** A new USCC with this registration authority and entity type, e.g. 92 for an individual business. */
    static String newUscc(String authorityAndType) {
        return SubjectFixtures.uscc(authorityAndType, String.format("GJ%06d", SEQUENCE.incrementAndGet()));
    }

    /** A source record id no other test uses. */
    static String newRecordId(String prefix) {
        return prefix + "-" + System.nanoTime() + "-" + SEQUENCE.incrementAndGet();
    }

    /** The key of a department consumer bound to {@code uscc}, created once per run. */
    synchronized String departmentKey(String uscc) {
        return departmentKeys.computeIfAbsent(uscc, u -> AccessFixtures.issueKey(
                AccessFixtures.createConsumer("department " + u, ConsumerType.DEPARTMENT, u, null, "standard")));
    }

    RequestSpecification asDepartment(String uscc) {
        return given().header("Authorization", AccessFixtures.bearer(departmentKey(uscc)));
    }

    static RequestSpecification asOperator() {
        return given().header("Authorization", AccessFixtures.bearer(AccessFixtures.OPERATOR_KEY));
    }

    /** A valid general penalty of the transport department about an enterprise, decided three days ago. */
    static Map<String, Object> penalty(String sourceRecordId, String uscc, String name) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("sourceRecordId", sourceRecordId);
        row.put("category", "penalty");
        row.put("subjectName", name);
        row.put("subjectUscc", uscc);
        row.put("subjectCategory", "法人及非法人组织");
        row.put("legalRepresentative", "王强");
        row.put("decisionNumber", "石交罚〔2026〕" + sourceRecordId + "号");
        row.put("title", "行政处罚决定书");
        row.put("decisionDate", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(3).toString());
        row.put("content", "超限运输，责令改正并处罚款");
        row.put("legalBasis", "《中华人民共和国公路法》第七十六条");
        row.put("severity", "general");
        row.put("amount", "5000.00");
        row.put("currency", "CNY");
        row.put("sourceDepartment", TRANSPORT_NAME);
        row.put("sourceDepartmentUscc", TRANSPORT);
        return row;
    }

    static Map<String, Object> with(Map<String, Object> row, Object... keysAndValues) {
        Map<String, Object> copy = new LinkedHashMap<>(row);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] == null) {
                copy.remove((String) keysAndValues[i]);
            } else {
                copy.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return copy;
    }

    @SafeVarargs
    static String batch(Map<String, Object>... rows) {
        return batch(List.of(rows));
    }

    static String batch(List<Map<String, Object>> rows) {
        try {
            return JSON.writeValueAsString(Map.of("rows", rows));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    long count(String sql, Object... args) {
        List<Map<String, Object>> rows = rows(sql, args);
        return ((Number) rows.getFirst().values().iterator().next()).longValue();
    }

    /** The only row the query finds, or null. */
    Map<String, Object> row(String sql, Object... args) {
        List<Map<String, Object>> rows = rows(sql, args);
        if (rows.size() > 1) {
            throw new IllegalStateException("more than one row: " + sql);
        }
        return rows.isEmpty() ? null : rows.getFirst();
    }

    List<Map<String, Object>> rows(String sql, Object... args) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= result.getMetaData().getColumnCount(); c++) {
                        row.put(result.getMetaData().getColumnLabel(c), result.getObject(c));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void execute(String sql) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored record of the transport department with this source id, or null. */
    Map<String, Object> record(String sourceRecordId) {
        return record(TRANSPORT, sourceRecordId);
    }

    Map<String, Object> record(String department, String sourceRecordId) {
        return row("""
                SELECT r.*, s.uscc AS subject_uscc, s.name AS subject_name FROM credit_record r JOIN subject s ON s.id = r.subject_id
                WHERE r.source_department_uscc = ? AND r.source_record_id = ?""", department, sourceRecordId);
    }
}
