package cn.opencredit.gateway.creditcheck;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

import cn.opencredit.gateway.subject.SubjectFixtures;

/**
 * Subjects for credit checks, each made fresh with exactly the list entries and failing records a
 * test names (current, removed after a repair, expired), written over JDBC.
 */
@ApplicationScoped
public class CreditCheckFixtures {

    private static final AtomicInteger SUBJECTS = new AtomicInteger();
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private final AgroalDataSource dataSource;
    private final SubjectFixtures subjects;

    CreditCheckFixtures(AgroalDataSource dataSource, SubjectFixtures subjects) {
        this.dataSource = dataSource;
        this.subjects = subjects;
    }

    /** A new enterprise of the fixture region, with nothing on record. */
    public String enterprise(String label) {
        String uscc = SubjectFixtures.uscc("91", "MC0K%04d".formatted(SUBJECTS.incrementAndGet()));
        subjects.register(uscc, "石河子" + label + "（" + uscc.substring(12, 16) + "）有限公司");
        return uscc;
    }

    /** A list entry of the subject: current, removed on repair, or expired yesterday. Answers its id. */
    public long listEntry(String uscc, String type, String state) {
        OffsetDateTime now = OffsetDateTime.now();
        return insert("""
                INSERT INTO list_entry (subject_id, list_type, authority, authority_uscc, reason, legal_basis, included_at, expires_at, removed_at,
                                        removal_reason)
                SELECT id, ?, '石河子市人民法院', ?, '有履行能力而拒不履行生效法律文书确定义务', '《最高人民法院关于公布失信被执行人名单信息的若干规定》',
                       ?, ?, ?, ? FROM subject WHERE uscc = ? RETURNING id""", statement -> {
            statement.setString(1, type);
            statement.setString(2, SubjectFixtures.DEPARTMENT_USCC);
            statement.setObject(3, now.minusDays(200));
            statement.setObject(4, "expired".equals(state) ? now.minusDays(1) : null);
            statement.setObject(5, "repaired".equals(state) ? now.minusDays(2) : null);
            statement.setString(6, "repaired".equals(state) ? "REPAIRED" : null);
            statement.setString(7, uscc);
        });
    }

    /** A serious penalty of the subject: published, repaired, or past its publication period (not yet marked expired). Answers its id. */
    public long seriousPenalty(String uscc, String state) {
        return insert("""
                INSERT INTO credit_record (subject_id, category, source_department, source_department_uscc, source_record_id, decision_number, title,
                                           decision_date, reported_on, content, legal_basis, severity, amount, currency, published_from,
                                           published_until, status)
                SELECT id, 'PENALTY', ?, ?, ?, '石市监罚〔2026〕9号', '行政处罚决定书', ?, ?, '销售不合格产品', '《产品质量法》第四十九条', 'SERIOUS',
                       50000.00, 'CNY', ?, ?, ? FROM subject WHERE uscc = ? RETURNING id""", statement -> {
            statement.setString(1, SubjectFixtures.DEPARTMENT);
            statement.setString(2, SubjectFixtures.DEPARTMENT_USCC);
            statement.setString(3, "creditcheck-" + uscc + "-" + state + "-" + System.nanoTime());
            statement.setObject(4, TODAY.minusDays("expired".equals(state) ? 1200 : 120));
            statement.setObject(5, TODAY.minusDays("expired".equals(state) ? 1195 : 115));
            statement.setObject(6, TODAY.minusDays("expired".equals(state) ? 1195 : 115));
            statement.setObject(7, "expired".equals(state) ? TODAY.minusDays(10) : TODAY.plusYears(2));
            statement.setString(8, "repaired".equals(state) ? "REPAIRED" : "PUBLISHED");
            statement.setString(9, uscc);
        });
    }

    /** Removes a list entry as a repair does. */
    public void removeOnRepair(long entryId) {
        insert("UPDATE list_entry SET removed_at = now(), removal_reason = 'REPAIRED' WHERE id = ? RETURNING id", s -> s.setLong(1, entryId));
    }

    public long count(String sql, Object... args) {
        return insert(sql, statement -> {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
        });
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private long insert(String sql, Binder binder) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("credit check fixture could not be written", e);
        }
    }
}
