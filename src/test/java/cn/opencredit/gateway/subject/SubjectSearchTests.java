package cn.opencredit.gateway.subject;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import cn.opencredit.gateway.evaluation.EvaluationFixtures;

@QuarkusTest
class SubjectSearchTests {

    private static final String PROBLEM = "application/problem+json";

    private final SubjectFixtures fixtures;
    private final AgroalDataSource dataSource;
    private final EvaluationFixtures evaluations;

    SubjectSearchTests(SubjectFixtures fixtures, AgroalDataSource dataSource, EvaluationFixtures evaluations) {
        this.evaluations = evaluations;
        this.fixtures = fixtures;
        this.dataSource = dataSource;
    }

    @BeforeEach
    void loadFixtures() {
        fixtures.ensureLoaded();
    }

    @Test
    void shouldVisitEverySubjectExactlyOnceWhenWalkingAllPages() throws SQLException {
        List<String> walked = walk(Map.of("limit", "37"));
        assertEquals(usccsWhere("TRUE"), walked);
    }

    @Test
    void shouldVisitEveryRegionSubjectOnceWhenWalkingFilteredPages() throws SQLException {
        List<String> walked = walk(Map.of("region", SubjectFixtures.REGION, "limit", "3"));
        assertEquals(usccsWhere("region_code = '" + SubjectFixtures.REGION + "'"), walked);
    }

    @Test
    void shouldMatchProvincePrefixWhenRegionHasTwoDigits() throws SQLException {
        assertEquals(usccsWhere("region_code LIKE '65%'"), walk(Map.of("region", "65", "limit", "100")));
        assertEquals(usccsWhere("region_code LIKE '4105%'"), walk(Map.of("region", "4105", "limit", "100")));
    }

    @Test
    void shouldFilterByType() throws SQLException {
        assertEquals(usccsWhere("subject_type = 'GOVERNMENT_BODY'"), walk(Map.of("type", "government-body", "limit", "100")));
    }

    @Test
    void shouldMatchPercentLiterallyWhenQueryContainsIt() {
        search("100%").then().statusCode(200).body("items.name", contains("石河子100%纯净水有限公司"));
    }

    @Test
    void shouldMatchUnderscoreLiterallyWhenQueryContainsIt() {
        search("A_B").then().statusCode(200).body("items.name", contains("石河子A_B科技有限公司"));
    }

    @Test
    void shouldMatchQuotesAndAmpersandAndBackslash() {
        search("O'Brien").then().statusCode(200).body("items.name", contains("石河子O'Brien贸易有限公司"));
        search("\"老王\"").then().statusCode(200).body("items.name", contains("石河子\"老王\"餐饮有限公司"));
        search("张&李").then().statusCode(200).body("items.name", contains("石河子张&李律师事务所"));
        search("反斜杠\\测").then().statusCode(200).body("items.name", contains("石河子反斜杠\\测试有限公司"));
    }

    @Test
    void shouldMatchChineseFragmentAnywhereInName() {
        search("恒通物流").then().statusCode(200).body("items.uscc", contains(SubjectFixtures.RICH));
    }

    @Test
    void shouldFindEveryNameHoldingATwoCharacterWordAndNoOther() throws SQLException {
        List<String> expected = usccsWhere("strpos(lower(name_folded), '科技') > 0");

        assertTrue(expected.size() > 1, "the seed and the fixtures hold several 科技 names");
        assertEquals(expected, walk(Map.of("q", "科技", "limit", "100")));
    }

    /** One character walks the holders of that character (V015); the answer must be a full scan's, folded as the query is. */
    @ParameterizedTest
    @ValueSource(strings = {"科", "公", "恒", "A", "b", "Ａ", "鑫", "（"})
    void shouldFindEveryNameHoldingOneCharacterAndNoOther(String character) throws SQLException {
        // A character that can start a USCC also matches the codes it starts.
        String folded = "normalize('" + character + "', NFKC)";
        List<String> expected = usccsWhere("strpos(lower(name_folded), lower(" + folded + ")) > 0 OR uscc LIKE upper(" + folded + ") || '%'");

        assertEquals(expected, walk(Map.of("q", character, "limit", "100")));
    }

    @Test
    void shouldNotMatchANameHoldingEveryPairOfTheFragmentButNotTheFragment() {
        String uscc = SubjectFixtures.uscc("91", "MA0T0003");
        fixtures.register(uscc, "石河子有限公司有");

        search("有限公司有").then().statusCode(200).body("items.uscc", hasItem(uscc));
        search("司有限公").then().statusCode(200).body("items.uscc", not(hasItem(uscc)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"%", "_", "\\", "a_", "0%", "\\测"})
    void shouldTakeLikeMetacharactersLiterallyInShortFragments(String fragment) throws SQLException {
        List<String> expected = usccsWhere("strpos(lower(name_folded), '" + fragment.replace("'", "''") + "') > 0");

        assertTrue(!expected.isEmpty(), "the awkward fixture names hold " + fragment);
        assertEquals(expected, walk(Map.of("q", fragment, "limit", "100")));
    }

    @Test
    void shouldCountCharactersOutsideTheBasicPlaneAsOneEach() {
        search("𠮷").then().statusCode(200).body("items", empty());
        search("𠮷".repeat(100)).then().statusCode(200).body("items", empty());
        search("𠮷".repeat(101)).then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("q"));
        search("信".repeat(100)).then().statusCode(200);

        String uscc = SubjectFixtures.uscc("91", "MA0T0004");
        fixtures.register(uscc, "石河子𩸽鱼有限公司");
        search("𩸽").then().statusCode(200).body("items.uscc", contains(uscc));
        search("𩸽鱼").then().statusCode(200).body("items.uscc", contains(uscc));
        search("子𩸽鱼").then().statusCode(200).body("items.uscc", contains(uscc));
    }

    @Test
    void shouldFollowRenamesAndRemovalsOfSubjectsInTheNameIndex() throws SQLException {
        String uscc = SubjectFixtures.uscc("91", "MA0T0001");
        fixtures.register(uscc, "石河子雪莲乳业有限公司");
        try (Connection connection = dataSource.getConnection()) {
            search("雪莲乳业").then().statusCode(200).body("items.uscc", contains(uscc));

            search("莲").then().statusCode(200).body("items.uscc", hasItem(uscc));

            fixtures.register(uscc, "石河子天润乳品有限公司");
            search("雪莲乳业").then().statusCode(200).body("items", empty());
            search("莲").then().statusCode(200).body("items.uscc", not(hasItem(uscc)));
            search("天润乳品").then().statusCode(200).body("items.uscc", contains(uscc));
            search("润").then().statusCode(200).body("items.uscc", hasItem(uscc));

            // The subject was evaluated when it was registered: its evaluation goes first (the worker done with it).
            evaluations.awaitQuiet();
            execute(connection, "DELETE FROM evaluation_history WHERE subject_id = (SELECT id FROM subject WHERE uscc = ?)", uscc);
            execute(connection, "DELETE FROM evaluation WHERE subject_id = (SELECT id FROM subject WHERE uscc = ?)", uscc);
            execute(connection, "DELETE FROM subject WHERE uscc = ?", uscc);
            search("天润乳品").then().statusCode(200).body("items", empty());
            try (PreparedStatement left = connection.prepareStatement("SELECT count(*) FROM subject_name_pair WHERE uscc = ?")) {
                left.setString(1, uscc);
                ResultSet rows = left.executeQuery();
                rows.next();
                assertEquals(0, rows.getLong(1), "no pairs are left behind");
            }
        }
    }

    @Test
    void shouldEmptyTheNameIndexWhenSubjectsAreTruncated() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("TRUNCATE subject CASCADE");
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM subject_name_pair");
                rows.next();
                assertEquals(0, rows.getLong(1), "row triggers do not see a TRUNCATE; the statement trigger does");
            } finally {
                connection.rollback();
            }
        }
    }

    @Test
    void shouldFindALongerFragmentThroughItsRarestPair() {
        String uscc = SubjectFixtures.uscc("91", "MA0T0002");
        fixtures.register(uscc, "石河子公司有限");

        search("公司有限").then().statusCode(200).body("items.uscc", contains(uscc));
    }

    @Test
    void shouldMatchOneCharacterAndLowerCaseFragments() {
        search("恒").then().statusCode(200).body("items.uscc", hasItem(SubjectFixtures.RICH));
        search("a_b").then().statusCode(200).body("items.name", contains("石河子A_B科技有限公司"));
    }

    @Test
    void shouldFoldFullWidthQuery() {
        search("Ａ＿Ｂ").then().statusCode(200).body("items.name", contains("石河子A_B科技有限公司"));
    }

    @Test
    void shouldMatchFullWidthBracketsInNamesWhenQueryUsesHalfWidth() {
        search("天山(兵团)").then().statusCode(200).body("items.name", contains("石河子天山（兵团）果业有限公司"));
        search("天山（兵团）").then().statusCode(200).body("items.name", contains("石河子天山（兵团）果业有限公司"));
    }

    @Test
    void shouldMatchUsccPrefixCaseInsensitively() {
        String prefix = SubjectFixtures.BARE.substring(0, 16).toLowerCase(java.util.Locale.ROOT);
        search(prefix).then().statusCode(200).body("items.uscc", hasItem(SubjectFixtures.BARE))
                .body("items.uscc", everyItem(startsWith(SubjectFixtures.BARE.substring(0, 16))));
    }

    @Test
    void shouldReturnEmptyPageWithoutCursorWhenNothingMatches() {
        search("绝不存在的名称").then().statusCode(200).body("items", empty()).body("nextCursor", nullValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-1", "abc", "1.5", "99999999999"})
    void shouldAnswer400WhenLimitIsInvalid(String limit) {
        given().queryParam("limit", limit).when().get("/api/v1/subjects")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://api.opencredit.cn/problems/invalid-parameter"))
                .body("errors[0].field", equalTo("limit"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"4", "41052", "4105260", "ab", "41-5"})
    void shouldAnswer400WhenRegionIsMalformed(String region) {
        given().queryParam("region", region).when().get("/api/v1/subjects")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("region"));
    }

    @Test
    void shouldAnswer400ListingTypesWhenTypeIsUnknown() {
        given().queryParam("type", "company").when().get("/api/v1/subjects")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("type"))
                .body("errors[0].expected", org.hamcrest.Matchers.containsString("enterprise"));
    }

    @Test
    void shouldAnswer400WhenQueryIsTooLong() {
        search("信".repeat(101)).then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("q"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage!", "MR85", "AAAAAAAAAAAAAAAAAAAAAAAA"})
    void shouldAnswer400WhenCursorIsForged(String cursor) {
        given().queryParam("cursor", cursor).when().get("/api/v1/subjects")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://api.opencredit.cn/problems/invalid-cursor"));
    }

    @Test
    void shouldAnswer400WhenCursorComesFromOtherFilters() {
        String cursor = given().queryParam("region", SubjectFixtures.REGION).queryParam("limit", "1").when().get("/api/v1/subjects")
                .then().statusCode(200).body("nextCursor", notNullValue()).extract().path("nextCursor");
        given().queryParam("region", "41").queryParam("cursor", cursor).when().get("/api/v1/subjects")
                .then().statusCode(400).body("type", equalTo("https://api.opencredit.cn/problems/invalid-cursor"));
    }

    @Test
    void shouldListAllAwkwardNamesWhenSearchingTheirCommonPrefix() {
        given().queryParam("q", "石河子").queryParam("region", SubjectFixtures.REGION).queryParam("type", "enterprise")
                .queryParam("limit", "100").when().get("/api/v1/subjects")
                .then().statusCode(200)
                .body("items.name", org.hamcrest.Matchers.hasItems(SubjectFixtures.AWKWARD_NAMES.stream().map(a -> a[1]).toArray(String[]::new)))
                .body("items.name", hasItem("石河子恒通物流有限公司"))
                .body("items.name", not(hasItem(SubjectFixtures.DEPARTMENT)));
    }

    @Test
    void shouldIgnoreBlankParameters() {
        given().queryParam("q", "  ").queryParam("region", "").queryParam("type", "").queryParam("limit", "2")
                .when().get("/api/v1/subjects")
                .then().statusCode(200).body("items.size()", equalTo(2));
        // An ideographic space folds to a space, and is blank too.
        given().queryParam("q", "\u3000").queryParam("limit", "2").when().get("/api/v1/subjects")
                .then().statusCode(200).body("items.size()", equalTo(2));
    }

    @Test
    void shouldReturnMatchesInUsccOrder() {
        List<String> page = given().queryParam("region", SubjectFixtures.REGION).queryParam("limit", "100").when().get("/api/v1/subjects")
                .then().statusCode(200).extract().path("items.uscc");
        assertEquals(page.stream().sorted().toList(), page);
    }

    private static Response search(String q) {
        return given().queryParam("q", q).queryParam("limit", "100").when().get("/api/v1/subjects");
    }

    private static List<String> walk(Map<String, String> params) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParams(params);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response response = request.when().get("/api/v1/subjects");
            response.then().statusCode(200);
            seen.addAll(response.path("items.uscc"));
            cursor = response.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 10_000);
        return seen;
    }

    private List<String> usccsWhere(String condition) throws SQLException {
        List<String> usccs = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                ResultSet rows = connection.createStatement()
                        .executeQuery("SELECT uscc FROM subject WHERE uscc IS NOT NULL AND " + condition + " ORDER BY uscc")) {
            while (rows.next()) {
                usccs.add(rows.getString(1));
            }
        }
        return usccs;
    }

    private static void execute(Connection connection, String sql, String uscc) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, uscc);
            statement.executeUpdate();
        }
    }
}
