package cn.opencredit.gateway.stats;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

import cn.opencredit.gateway.access.AccessFixtures;
import cn.opencredit.gateway.access.ConsumerType;
import cn.opencredit.gateway.subject.SubjectFixtures;

/** The workflow statistics over the cases the timeline kept, and their bad parameters. */
@QuarkusTest
class WorkflowStatsResourceTests {

    private static final String STATS = "/api/v1/stats/workflows";
    private static final String DEPARTMENT = SubjectFixtures.uscc("11", "MWT00001");
    private static final String SUBJECT = SubjectFixtures.uscc("91", "MWT00001");
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    private final AgroalDataSource dataSource;
    private final AccessFixtures access;
    private final SubjectFixtures subjects;

    WorkflowStatsResourceTests(AgroalDataSource dataSource, AccessFixtures access, SubjectFixtures subjects) {
        this.dataSource = dataSource;
        this.access = access;
        this.subjects = subjects;
    }

    @BeforeEach
    void ready() {
        subjects.ensureLoaded();
    }

    private RequestSpecification keyed() {
        return given().header("Authorization", AccessFixtures.bearer(access.key(ConsumerType.APP)));
    }

    private void event(long caseId, String transition, String from, String to, String actor, OffsetDateTime at) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO workflow_event (subject_id, workflow, case_id, transition, state_from, state_to, actor_type, department_uscc, occurred_at)
                VALUES ((SELECT id FROM subject WHERE uscc = ?), 'OBJECTION', ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, SUBJECT);
            insert.setLong(2, caseId);
            insert.setString(3, transition);
            insert.setString(4, from);
            insert.setString(5, to);
            insert.setString(6, actor);
            insert.setString(7, DEPARTMENT);
            insert.setObject(8, at);
            insert.executeUpdate();
        }
    }

    /**
     * Three objections to one department filed on Friday 2026-02-13 (a Saturday 调休 working day
     * follows, then the Spring Festival): one upheld on 2026-03-05 (10 working days), one withdrawn
     * by the subject, one still open and past its 10 working days; one filed late on 2026-02-28
     * China time, which is still February there though already March 1st nowhere.
     */
    @Test
    void shouldCountCasesOutcomesHandlingTimeAndOverduePerDepartmentAndMonth() throws SQLException {
        subjects.register(SUBJECT, "石河子流程统计测试有限公司");
        OffsetDateTime filed = LocalDate.of(2026, 2, 13).atTime(10, 0).atOffset(CHINA);
        long base = 9_000_000_000L + System.nanoTime() % 1_000_000;
        event(base, "filed", null, "FILED", "SUBJECT", filed);
        event(base, "upheld", "FILED", "UPHELD", "DEPARTMENT", LocalDate.of(2026, 3, 5).atTime(16, 0).atOffset(CHINA));
        event(base + 1, "filed", null, "FILED", "SUBJECT", filed);
        event(base + 1, "withdrawn", "FILED", "WITHDRAWN", "SUBJECT", filed.plusDays(1));
        event(base + 2, "filed", null, "FILED", "SUBJECT", filed);
        event(base + 3, "filed", null, "FILED", "SUBJECT", LocalDate.of(2026, 2, 28).atTime(23, 30).atOffset(CHINA));

        keyed().queryParam("department", DEPARTMENT).queryParam("from", "2026-01").queryParam("to", "2026-03")
                .when().get(STATS).then().statusCode(200)
                .body("from", equalTo("2026-01"))
                .body("to", equalTo("2026-03"))
                .body("months", hasSize(1))
                .body("months[0].workflow", equalTo("objection"))
                .body("months[0].departmentUscc", equalTo(DEPARTMENT))
                .body("months[0].month", equalTo("2026-02"))
                .body("months[0].cases", equalTo(4))
                .body("months[0].outcomes.upheld", equalTo(1))
                .body("months[0].outcomes.withdrawn", equalTo(1))
                .body("months[0].outcomes.filed", equalTo(2))
                .body("months[0].handled", equalTo(1))
                .body("months[0].averageHandlingWorkingDays", equalTo(10.0f))
                .body("months[0].open", equalTo(2))
                .body("months[0].overdue", equalTo(2));

        keyed().queryParam("department", DEPARTMENT).queryParam("workflow", "registration").queryParam("from", "2026-01").queryParam("to", "2026-03")
                .when().get(STATS).then().statusCode(200).body("months", hasSize(0));
    }

    @Test
    void shouldDefaultToTheTwelveMonthsUpToThisOne() {
        YearMonth now = YearMonth.now(ZoneId.of("Asia/Shanghai"));
        keyed().when().get(STATS).then().statusCode(200).body("to", equalTo(now.toString())).body("from", equalTo(now.minusMonths(11).toString()));
    }

    @Test
    void shouldRefuseBadParametersNamingEach() {
        keyed().queryParam("workflow", "appeal").when().get(STATS).then().statusCode(400)
                .body("errors[0].field", equalTo("workflow")).body("errors[0].expected", equalTo("registration, commitment, repair, objection"));
        keyed().queryParam("workflow", "consent").when().get(STATS).then().statusCode(400).body("errors[0].code", equalTo("unknown"));
        keyed().queryParam("from", "2026-13").queryParam("to", "26-01").when().get(STATS).then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("from", "to"));
        keyed().queryParam("from", "2026-05").queryParam("to", "2026-04").when().get(STATS).then().statusCode(400)
                .body("errors[0].code", equalTo("after-to"));
        keyed().queryParam("from", "2023-01").queryParam("to", "2026-01").when().get(STATS).then().statusCode(400)
                .body("errors[0].code", equalTo("too-long"));
        keyed().queryParam("from", "2023-02").queryParam("to", "2026-01").when().get(STATS).then().statusCode(200);
        keyed().queryParam("department", "11659001MWS0000X").when().get(STATS).then().statusCode(400);
        given().when().get(STATS).then().statusCode(401);
    }
}
