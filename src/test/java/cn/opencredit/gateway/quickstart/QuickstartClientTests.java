package cn.opencredit.gateway.quickstart;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import cn.opencredit.client.model.Grade;
import cn.opencredit.client.model.IngestionReport;
import cn.opencredit.client.model.SubjectSummary;
import cn.opencredit.client.model.SubjectType;
import cn.opencredit.client.api.SubjectApi;
import cn.opencredit.gateway.access.AccessFixtures;
import cn.opencredit.gateway.access.ConsumerType;
import cn.opencredit.gateway.subject.SubjectFixtures;

/** The Java snippets of docs/quickstart/ for every consumer type but the bank (ClientBankFlowTests), run against the gateway. */
@QuarkusTest
class QuickstartClientTests {

    private static final String DEPARTMENT_USCC = "11659001MB0000019Q";

    @TestHTTPResource("")
    URL root;

    private final SubjectFixtures subjects;
    private String baseUrl;
    private SubjectSummary enterprise;

    QuickstartClientTests(SubjectFixtures subjects) {
        this.subjects = subjects;
    }

    @BeforeEach
    void ready() throws Exception {
        subjects.ensureLoaded();
        baseUrl = root.toString().replaceAll("/$", "");
        enterprise = new SubjectApi(BankQuickstart.client(baseUrl, AccessFixtures.OPERATOR_KEY))
                .searchSubjects(null, 1, null, null, SubjectType.ENTERPRISE, null).getItems().getFirst();
    }

    private static String keyOf(String name, ConsumerType type, String boundUscc) {
        return AccessFixtures.issueKey(AccessFixtures.createConsumer(name, type, boundUscc, null, "standard"));
    }

    @Test
    void aCreditAgencyReadsRecordsAndTheChangeFeed() throws Exception {
        ConsumerQuickstarts.AgencyReads reads = ConsumerQuickstarts.creditAgency(baseUrl, keyOf("评级机构", ConsumerType.CREDIT_AGENCY, null),
                enterprise.getUscc());

        assertTrue(reads.records().getItems().size() <= 5);
        assertFalse(reads.changes().getItems().isEmpty(), "the seeded subjects are in the feed");
    }

    @Test
    void anAppReadsTheGradeItDecidesOn() throws Exception {
        ConsumerQuickstarts.AppDecision decision = ConsumerQuickstarts.app(baseUrl, keyOf("信易+ 应用", ConsumerType.APP, null),
                enterprise.getUscc());

        assertEquals(enterprise.getUscc(), decision.evaluation().getUscc());
        assertEquals(decision.evaluation().getGrade() == Grade.A, decision.eligible());
    }

    @Test
    void aDepartmentReportsALicenceThatIsThenPublic() throws Exception {
        String key = keyOf("石河子市市场监督管理局", ConsumerType.DEPARTMENT, DEPARTMENT_USCC);
        String decision = "石市监许〔2026〕QS" + System.nanoTime() + "号";

        IngestionReport report = ConsumerQuickstarts.department(baseUrl, key, DEPARTMENT_USCC, enterprise, decision, "licence-" + System.nanoTime());

        assertEquals(1, report.getCreated());
        assertEquals(0, report.getRefused());
        given().header("Authorization", AccessFixtures.bearer(key)).queryParam("category", "licence").queryParam("limit", 100)
                .when().get("/api/v1/subjects/{uscc}/records", enterprise.getUscc())
                .then().statusCode(200).body("items.decisionNumber", hasItem(decision));
    }

    @Test
    void aSubjectReadsItsEvaluationWithTheScoreAndItsAccessLog() throws Exception {
        ConsumerQuickstarts.SelfReads reads = ConsumerQuickstarts.subject(baseUrl, keyOf("企业自身", ConsumerType.SUBJECT, enterprise.getUscc()),
                enterprise.getUscc());

        assertEquals(enterprise.getUscc(), reads.evaluation().getUscc());
        assertNotNull(reads.evaluation().getScore(), "the subject sees its own score");
        assertNotNull(reads.lookups().getItems());
    }

    @Test
    void anOperatorIssuesAndRevokesAKey() throws Exception {
        // The generated client's DELETE asks for application/problem+json only (the 204 has no body): served, not refused 406.
        ConsumerQuickstarts.Revoked revoked = ConsumerQuickstarts.operator(baseUrl, AccessFixtures.OPERATOR_KEY);

        given().header("Authorization", AccessFixtures.bearer(AccessFixtures.OPERATOR_KEY))
                .when().get("/api/v1/admin/consumers/{id}", revoked.app().getId().toString())
                .then().statusCode(200).body("keys.size()", equalTo(1)).body("keys[0].usable", equalTo(false));
    }
}
