package cn.opencredit.gateway.finance;

import static io.restassured.RestAssured.given;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import cn.opencredit.gateway.access.AccessFixtures;
import cn.opencredit.gateway.access.ConsumerType;
import cn.opencredit.gateway.evaluation.EvaluationFixtures;
import cn.opencredit.gateway.subject.SubjectFixtures;

/** Enterprises with their own consumers, banks, graded subjects and demands for the 信易贷 market tests. */
@ApplicationScoped
public class MarketFixtures {

    private static final AtomicInteger ENTERPRISES = new AtomicInteger();
    /**
     * Two characters of USCC bodies for this loading of the test classes: a test profile restarts the
     * application (and reloads these classes) against the same database, which already holds the
     * enterprises the first loading made.
     */
    private static final String LOADING = loading();
    private static final AtomicInteger BANKS = new AtomicInteger();

    private final AgroalDataSource dataSource;
    private final SubjectFixtures subjects;
    private final EvaluationFixtures evaluations;

    MarketFixtures(AgroalDataSource dataSource, SubjectFixtures subjects, EvaluationFixtures evaluations) {
        this.dataSource = dataSource;
        this.subjects = subjects;
        this.evaluations = evaluations;
    }

    /** An enterprise and the key of a consumer bound to it. */
    record Enterprise(String uscc, long id, String key) {
    }

    /** A consumer and its key. */
    record Party(String id, String key) {
    }

    Enterprise enterprise() {
        subjects.ensureLoaded();
        String uscc = SubjectFixtures.uscc("91", "F" + LOADING + "%05d".formatted(ENTERPRISES.incrementAndGet()));
        subjects.register(uscc, "石河子信易贷测试（" + uscc.substring(9, 17) + "）有限公司");
        String key = AccessFixtures.issueKey(AccessFixtures.createConsumer("企业 " + uscc, ConsumerType.SUBJECT, uscc, null, "standard"));
        return new Enterprise(uscc, count("SELECT id FROM subject WHERE uscc = ?", uscc), key);
    }

    Party bank() {
        String id = AccessFixtures.createConsumer("信易贷测试银行" + BANKS.incrementAndGet(), ConsumerType.BANK, null, null, "standard");
        return new Party(id, AccessFixtures.issueKey(id));
    }

    Party consumer(ConsumerType type) {
        String id = AccessFixtures.createConsumer("信易贷测试" + type.code() + BANKS.incrementAndGet(), type, null, null, "standard");
        return new Party(id, AccessFixtures.issueKey(id));
    }

    /**
     * Gives the enterprise an industry, lets the evaluation catch up, then sets its grade and score
     * as the evaluation would have stored them.
     */
    void grade(Enterprise enterprise, String industrySection, String grade, int score) {
        execute("UPDATE subject SET industry_section = ? WHERE id = ? AND industry_section IS DISTINCT FROM ?", industrySection, enterprise.id(),
                industrySection);
        evaluations.awaitQuiet();
        String supervision = switch (grade) {
            case "A" -> "TRUSTED";
            case "B" -> "GENERAL";
            case "C" -> "FOCUSED";
            default -> "STRICT";
        };
        execute("UPDATE evaluation SET grade = ?, score = ?, supervision_class = ?, not_evaluated = NULL WHERE subject_id = ?", grade, score,
                supervision, enterprise.id());
    }

    private static String loading() {
        String characters = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        java.util.Random random = new java.util.Random();
        return "" + characters.charAt(random.nextInt(characters.length())) + characters.charAt(random.nextInt(characters.length()));
    }

    static RequestSpecification as(String key) {
        return given().header("Authorization", AccessFixtures.bearer(key)).contentType(ContentType.JSON);
    }

    static RequestSpecification asOperator() {
        return as(AccessFixtures.OPERATOR_KEY);
    }

    /** A demand body of this enterprise: 3 000 000 yuan over 36 months on credit, to every bank. */
    static Map<String, Object> demand(String uscc) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subjectUscc", uscc);
        body.put("amount", "3000000.00");
        body.put("termMonths", 36);
        body.put("purpose", "购置冷链运输车辆");
        body.put("guaranteeType", "credit");
        return body;
    }

    static Map<String, Object> offer(String amount, String from, String to) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", "offer");
        body.put("amount", amount);
        body.put("rateFrom", from);
        body.put("rateTo", to);
        body.put("termMonths", 36);
        return body;
    }

    static Map<String, Object> decline(String reason) {
        return new LinkedHashMap<>(Map.of("decision", "decline", "reason", reason));
    }

    static Map<String, Object> granted(String amount, String guarantee, String decidedOn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("result", "granted");
        body.put("amount", amount);
        body.put("termMonths", 36);
        body.put("rateFrom", "3.45");
        body.put("rateTo", "3.45");
        body.put("guaranteeType", guarantee);
        body.put("decidedOn", decidedOn);
        return body;
    }

    static Map<String, Object> refused(String reason, String decidedOn) {
        return new LinkedHashMap<>(Map.of("result", "refused", "reason", reason, "decidedOn", decidedOn));
    }

    long count(String sql, Object... args) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    String text(String sql, Object... args) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void execute(String sql, Object... args) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
