package cn.opencredit.gateway.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import cn.opencredit.gateway.shared.time.ChinaTime;
import cn.opencredit.gateway.subject.SubjectFixtures;
import cn.opencredit.gateway.testing.Jdbc;

/** The portal's pages as HTML: status, title, language, cache headers, refusals in Chinese, and what they never show. */
@QuarkusTest
class PortalPagesTests {

    /** Names of persons in the fixtures (legal representatives); no page may show any of them. */
    private static final List<String> PERSONS = List.of("李明", "赵芳", "王强");

    /** %test.opencredit.plans.anonymous.daily-quota */
    private static final long ANONYMOUS_DAILY_QUOTA = 100_000_000L;

    @Inject
    SubjectFixtures fixtures;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void load() {
        fixtures.ensureLoaded();
    }

    @Test
    void shouldLogASubjectsPagesInItsAccessLogAndListPagesInTheOperationsLog() {
        String rich = SubjectFixtures.RICH;
        String subjectPages = "SELECT count(*) FROM audit_access_log WHERE subject_uscc = ? AND operation IN ('portal.subject', 'portal.records') "
                + "AND consumer_type = 'ANONYMOUS' AND outcome = 200";
        String searches = "SELECT count(*) FROM audit_operation_log WHERE operation = 'portal.search' AND filters->>'q' = '恒通'";
        String everyAccess = "SELECT count(*) FROM audit_access_log";
        long subjectPagesBefore = Jdbc.scalar(dataSource, subjectPages, rich);
        long searchesBefore = Jdbc.scalar(dataSource, searches);
        long everyAccessBefore = Jdbc.scalar(dataSource, everyAccess);

        given().accept("text/html").get("/subjects/" + rich).then().statusCode(200);
        given().accept("text/html").get("/subjects/" + rich + "/records?category=penalty").then().statusCode(200);
        given().accept("text/html").get("/search?q=恒通").then().statusCode(200);
        given().accept("text/html").get("/subjects/not-a-code").then().statusCode(400);

        assertEquals(subjectPagesBefore + 2, Jdbc.scalar(dataSource, subjectPages, rich), "both pages about the subject are in its access log");
        assertEquals(searchesBefore + 1, Jdbc.scalar(dataSource, searches), "the search page is in the operations log, with its query");
        assertEquals(everyAccessBefore + 2, Jdbc.scalar(dataSource, everyAccess), "a page for a malformed code is about no subject");
    }

    @Test
    void everyPageAnswersHtmlInChineseWithItsTitle() {
        String rich = SubjectFixtures.RICH;
        Object[][] pages = {
                {"/", "信用查询 - 公共信用信息平台"},
                {"/search?q=恒通", "“恒通”的查询结果 - 公共信用信息平台"},
                {"/subjects/" + rich, "石河子恒通物流有限公司 信用信息 - 公共信用信息平台"},
                {"/subjects/" + rich + "/records", "石河子恒通物流有限公司 公示信息 - 公共信用信息平台"},
                {"/subjects/" + rich + "/records?category=penalty", "石河子恒通物流有限公司 行政处罚 - 公共信用信息平台"},
                {"/subjects/" + rich + "/objection", "对 石河子恒通物流有限公司 的信息提出异议 - 公共信用信息平台"},
                {"/lists/red", "红名单 - 公共信用信息平台"},
                {"/lists/black", "黑名单（严重失信主体名单） - 公共信用信息平台"},
                {"/disclosures", "双公示 - 公共信用信息平台"},
                {"/statistics", "统计分析 - 公共信用信息平台"}};
        for (Object[] page : pages) {
            Response answer = given().accept("text/html").get((String) page[0]);
            answer.then().statusCode(200)
                    .contentType(startsWith("text/html"))
                    .header("Cache-Control", notNullValue())
                    // The same limiter as the API's anonymous calls counts every page, against the anonymous plan's daily quota.
                    .header("RateLimit-Policy", containsString("\"day\";q=" + ANONYMOUS_DAILY_QUOTA + ";"))
                    .header("RateLimit", notNullValue());
            String html = answer.asString();
            assertTrue(html.contains("<html lang=\"zh-CN\">"), page[0] + " declares its language");
            assertTrue(html.contains("<title>" + page[1] + "</title>"), page[0] + " has the title " + page[1] + ":\n" + title(html));
            for (String landmark : List.of("<header", "<nav", "<main", "<footer")) {
                assertTrue(html.contains(landmark), page[0] + " has " + landmark);
            }
            for (String person : PERSONS) {
                assertFalse(html.contains(person), page[0] + " shows no name of a person");
            }
        }
    }

    @Test
    void subjectPagesAreRevalidatedAndStatisticsKeptAFewMinutes() {
        given().get("/subjects/" + SubjectFixtures.RICH).then().statusCode(200).header("Cache-Control", equalTo("no-cache"));
        given().get("/search?q=恒通").then().statusCode(200).header("Cache-Control", equalTo("no-cache"));
        given().get("/statistics").then().statusCode(200).header("Cache-Control", equalTo("public, max-age=300"));
        given().get("/").then().statusCode(200).header("Cache-Control", equalTo("public, max-age=300"));
    }

    @Test
    void searchFoldsFullWidthInputAndWorksAsAPlainForm() {
        String fullWidth = SubjectFixtures.RICH.chars().mapToObj(c -> String.valueOf((char) (c + 0xFEE0))).reduce("", String::concat);
        given().queryParam("q", "　" + fullWidth + "　").get("/search").then().statusCode(200)
                .body(containsString("href=\"/subjects/" + SubjectFixtures.RICH + "\""))
                .body(containsString("石河子恒通物流有限公司"));
        given().queryParam("q", "恒通物流").get("/search").then().statusCode(200)
                .body(containsString("href=\"/subjects/" + SubjectFixtures.RICH + "\""));
        given().queryParam("q", "不存在的企业名称").get("/search").then().statusCode(200)
                .body(containsString("未找到与“不存在的企业名称”相符的信用主体"));
        given().queryParam("q", "　").get("/search").then().statusCode(200).body(containsString("请输入企业名称或统一社会信用代码。"));
        given().get("/").then().body(containsString("<form class=\"search\" action=\"/search\" method=\"get\" role=\"search\">"))
                .body(containsString("<label for=\"q\">"));
    }

    @Test
    void subjectPageShowsGradeListsAndRecordCountsButOnlyPublicRecords() {
        String html = given().get("/subjects/" + SubjectFixtures.RICH).then().statusCode(200).extract().asString();
        assertTrue(html.contains("红名单："), "the current red list entry");
        assertTrue(html.contains("名单历史"), "the list history");
        assertTrue(html.contains("href=\"/subjects/" + SubjectFixtures.RICH + "/records?category=penalty\""), "a category link");
        assertTrue(html.contains("href=\"/subjects/" + SubjectFixtures.RICH + "/objection\""), "the objection link");
        String penalties = given().queryParam("category", "penalty").get("/subjects/" + SubjectFixtures.RICH + "/records")
                .then().statusCode(200).extract().asString();
        assertTrue(penalties.contains("fixture disputed"), "a public penalty");
        assertFalse(penalties.contains("fixture authorised"), "no authorised-level record");
        assertFalse(penalties.contains("fixture government"), "no government-level record");
    }

    @Test
    void recordsArePagedWithTheirCursor() {
        String first = given().get("/subjects/" + SubjectFixtures.RICH + "/records").then().statusCode(200).extract().asString();
        int at = first.indexOf("rel=\"next\" href=\"");
        assertTrue(at > 0, "a next page link");
        String next = first.substring(at + "rel=\"next\" href=\"".length(), first.indexOf('"', at + "rel=\"next\" href=\"".length()))
                .replace("&amp;", "&");
        given().urlEncodingEnabled(false).get(next).then().statusCode(200).body(containsString("<article class=\"record\">"));
    }

    @Test
    void statisticsCountListInclusionsAndDeparturesPerMonth() {
        String html = given().get("/statistics").then().statusCode(200).extract().asString();
        // The fixtures' red entry was included two months ago, their black entry removed a month ago.
        YearMonth now = YearMonth.now(ChinaTime.ZONE);
        String lists = html.substring(html.indexOf("id=\"lists-caption\""), html.indexOf("</table>", html.indexOf("id=\"lists-caption\"")));
        Matcher red = Pattern.compile("<tr><td>" + now.minusMonths(2) + "</td><td>(\\d+)</td><td>\\d+</td><td>\\d+</td><td>\\d+</td></tr>")
                .matcher(lists);
        assertTrue(red.find() && Integer.parseInt(red.group(1)) >= 1, "a red inclusion in " + now.minusMonths(2));
        Matcher black = Pattern.compile("<tr><td>" + now.minusMonths(1) + "</td><td>\\d+</td><td>\\d+</td><td>\\d+</td><td>(\\d+)</td></tr>")
                .matcher(lists);
        assertTrue(black.find() && Integer.parseInt(black.group(1)) >= 1, "a black departure in " + now.minusMonths(1));
        assertEquals(PortalService.LIST_MONTHS, Pattern.compile("<tr><td>\\d{4}-\\d{2}</td>").matcher(lists).results().count(),
                "every month of the span, those without a change as zeros");
    }

    @Test
    void anUnknownSubjectIsA404PageInChinese() {
        given().accept("text/html").get("/subjects/" + SubjectFixtures.UNREGISTERED).then().statusCode(404)
                .contentType(startsWith("text/html"))
                .header("Cache-Control", equalTo("no-store"))
                .body(containsString("<title>未找到该信用主体 - 公共信用信息平台</title>"))
                .body(containsString("lang=\"zh-CN\""));
    }

    @Test
    void badParametersAre400PagesInChinese() {
        for (String path : List.of("/subjects/" + SubjectFixtures.RICH + "/records?cursor=not-a-cursor",
                "/subjects/" + SubjectFixtures.RICH + "/records?category=nonsense",
                "/subjects/12345", "/disclosures?cursor=%21%21", "/disclosures?from=yesterday",
                "/lists/red?region=123", "/search?q=%E6%81%92&cursor=garbage")) {
            Response answer = given().urlEncodingEnabled(false).get(path);
            assertEquals(400, answer.statusCode(), path + " answered " + answer.asString());
            assertTrue(answer.contentType().startsWith("text/html"), path + " answered " + answer.contentType());
            assertEquals("no-store", answer.header("Cache-Control"), path);
            assertTrue(answer.asString().contains("<title>请求参数有误 - 公共信用信息平台</title>"), path);
        }
    }

    @Test
    void otherListsAndTheApiStayWhereTheyWere() {
        given().get("/lists/watch").then().statusCode(404).contentType(not(startsWith("text/html")));
        given().get("/api/v1/subjects?q=恒通").then().statusCode(200).contentType(startsWith("application/json"));
    }

    private static String title(String html) {
        int at = html.indexOf("<title>");
        return at < 0 ? "(no title)" : html.substring(at, html.indexOf("</title>") + 8);
    }
}
