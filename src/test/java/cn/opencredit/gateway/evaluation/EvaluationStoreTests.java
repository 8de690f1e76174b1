package cn.opencredit.gateway.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

import cn.opencredit.gateway.record.RecordCategory;
import cn.opencredit.gateway.record.RecordStatus;
import cn.opencredit.gateway.record.Severity;
import cn.opencredit.gateway.subject.SubjectStatus;
import cn.opencredit.gateway.subject.SubjectType;

/**
 * What {@link EvaluationStore#store} writes is what the evaluator made: the contributions travel as
 * the text of a {@code text[]} that Jackson writes into directly, so every character JSON or the
 * array's syntax gives a meaning to must come back as it went.
 */
@QuarkusTest
class EvaluationStoreTests {

    private static final EvaluationModel MODEL = ModelDocuments.read(EvaluationWorker.bundledModel());
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    /** Quotes, backslashes, the array's braces and commas, the word NULL, a line break, a four-byte character. */
    private static final List<String> TITLES = List.of("罚款\"五千\"元", "路径 C:\\temp\\ 下的文件", "{未按规定}, 报送", "NULL", "第一行\n第二行",
            "价格违法 😀 案件", "\\\"", "");

    private final DataSource dataSource;
    private final EvaluationStore store;
    private final ObjectMapper json;

    EvaluationStoreTests(DataSource dataSource, EvaluationStore store, ObjectMapper json) {
        this.dataSource = dataSource;
        this.store = store;
        this.json = json;
    }

    @Test
    void shouldStoreEachSubjectsContributionsAsTheEvaluatorMadeThem() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                statement.execute("""
                        INSERT INTO subject (uscc, name, subject_type, region_code)
                        SELECT 'YE9' || lpad(i::text, 15, '0'), '评价存储测试' || i || '有限公司', 'ENTERPRISE', '410100'
                        FROM generate_series(1, 3) AS i""");
                List<EvaluationInputs> inputs = new ArrayList<>();
                List<EvaluationResult> results = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery("SELECT id, uscc FROM subject WHERE uscc LIKE 'YE9000000000%' ORDER BY id")) {
                    int n = 0;
                    while (rows.next()) {
                        EvaluationInputs input = inputs(rows.getLong(1), rows.getString(2), n++);
                        inputs.add(input);
                        results.add(Evaluator.evaluate(MODEL, input, TODAY));
                    }
                }
                assertNotEquals(json.valueToTree(results.get(0).contributions()), json.valueToTree(results.get(1).contributions()),
                        "each subject has contributions of its own");

                List<EvaluationStore.Changed> changed = store.store(connection, inputs, results, Instant.now());

                assertEquals(3, changed.size(), "three new results");
                try (PreparedStatement read = connection.prepareStatement("SELECT contributions::text FROM evaluation WHERE subject_id = ?")) {
                    for (EvaluationResult result : results) {
                        read.setLong(1, result.subjectId());
                        try (ResultSet rows = read.executeQuery()) {
                            rows.next();
                            // As JSON text both ways: a number reads back as the text it was written as.
                            assertEquals(json.readTree(json.writeValueAsString(result.contributions())), json.readTree(rows.getString(1)),
                                    "the contributions of subject " + result.subjectId());
                        }
                    }
                }
            } finally {
                connection.rollback();
            }
        }
    }

    /** Records titled with every title above, the n-th subject's list rotated by n so that each subject's contributions differ. */
    private static EvaluationInputs inputs(long subjectId, String uscc, int n) {
        List<EvaluationInputs.RecordInput> records = new ArrayList<>();
        for (int i = 0; i < TITLES.size(); i++) {
            records.add(new EvaluationInputs.RecordInput(1000L * (n + 1) + i, RecordCategory.PENALTY, Severity.GENERAL,
                    TITLES.get((i + n) % TITLES.size()), "豫市监罚〔2026〕" + i + "号", TODAY.minusDays(10L + i + n), TODAY.plusYears(3),
                    RecordStatus.PUBLISHED, null));
        }
        return new EvaluationInputs(new EvaluationInputs.Subject(subjectId, uscc, SubjectType.ENTERPRISE, SubjectStatus.ACTIVE,
                TODAY.minusYears(5), "410100", "C"), records, List.of(), List.of());
    }
}
