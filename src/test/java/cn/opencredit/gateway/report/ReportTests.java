package cn.opencredit.gateway.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HexFormat;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import cn.opencredit.gateway.access.AccessFixtures;
import cn.opencredit.gateway.access.ConsumerType;
import cn.opencredit.gateway.subject.SubjectFixtures;

/** Credit reports as JSON and PDF, their levels, and verifying them by code and hash. */
@QuarkusTest
class ReportTests {

    private static final String PROBLEMS = "https://api.opencredit.cn/problems/";
    private static final String RICH_NAME = "石河子恒通物流有限公司";

    private final SubjectFixtures subjects;
    private final AgroalDataSource dataSource;

    private static String richKey;
    private static String bareKey;

    ReportTests(SubjectFixtures subjects, AgroalDataSource dataSource) {
        this.subjects = subjects;
        this.dataSource = dataSource;
    }

    @BeforeEach
    void ready() {
        subjects.ensureLoaded();
        if (richKey == null) {
            richKey = AccessFixtures.issueKey(AccessFixtures.createConsumer("报告测试主体", ConsumerType.SUBJECT, SubjectFixtures.RICH, null, "standard"));
            bareKey = AccessFixtures.issueKey(AccessFixtures.createConsumer("报告测试另一主体", ConsumerType.SUBJECT, SubjectFixtures.BARE, null, "standard"));
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql, String argument) {
        try (Connection connection = dataSource.getConnection(); var statement = connection.prepareStatement(sql)) {
            statement.setString(1, argument);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldIssueAPublicJsonReportWhoseHashVerifies() {
        long logged = count("SELECT count(*) FROM audit_access_log WHERE subject_uscc = ? AND operation = 'subject.report'", SubjectFixtures.RICH);
        Response report = given().accept("application/json").when().get("/api/v1/subjects/{uscc}/report", SubjectFixtures.RICH)
                .then().statusCode(200).contentType("application/json")
                .body("platform", equalTo("公共信用信息平台")).body("verification.level", equalTo("public"))
                .body("subject.uscc", equalTo(SubjectFixtures.RICH)).body("subject.name", equalTo(RICH_NAME))
                .body("repairsAndObjections", equalTo(null))
                .extract().response();
        byte[] body = report.asByteArray();
        String code = report.path("verification.code");
        assertThat(report.header("X-Report-Code"), equalTo(code));
        assertThat(report.header("Repr-Digest"), equalTo("sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256(body))) + ":"));
        assertThat(report.<String>path("verification.url"), endsWith("/api/v1/reports/" + code + "/verification"));
        assertThat(count("SELECT count(*) FROM audit_access_log WHERE subject_uscc = ? AND operation = 'subject.report'", SubjectFixtures.RICH),
                equalTo(logged + 1));

        given().queryParam("sha256", sha256(body)).when().get("/api/v1/reports/{code}/verification", code)
                .then().statusCode(200).body("issued", equalTo(true)).body("subjectUscc", equalTo(SubjectFixtures.RICH))
                .body("level", equalTo("public")).body("format", equalTo("json")).body("valid", equalTo(true))
                .body("contentSha256", equalTo(sha256(body))).body("contentBytes", equalTo(body.length)).body("contentMatches", equalTo(true));
        given().contentType("application/json").body(body).when().post("/api/v1/reports/{code}/verification", code)
                .then().statusCode(200).body("contentMatches", equalTo(true));
        // Only what verifying needs is stored: one row, no content.
        assertThat(count("SELECT count(*) FROM report_issued WHERE code = ?", code), equalTo(1L));
        assertThat(count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'report_issued' AND column_name LIKE ?", "%content"),
                equalTo(0L));
    }

    @Test
    void shouldRenderThePdfInChineseWithTheCodeAndAQrCodeOfTheVerificationUrlAndFailATamperedCopy() throws IOException {
        Response report = given().accept("application/pdf").when().get("/api/v1/subjects/{uscc}/report", SubjectFixtures.RICH)
                .then().statusCode(200).contentType("application/pdf").extract().response();
        byte[] pdf = report.asByteArray();
        String code = report.header("X-Report-Code");
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII), equalTo("%PDF-"));
        Path target = Path.of("target");
        Files.write(target.resolve("credit-report.pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text, allOf(containsString(RICH_NAME), containsString(code), containsString(SubjectFixtures.RICH), containsString("公共信用信息平台"),
                    containsString("第 1 页")));
            assertThat((double) document.getPage(0).getMediaBox().getWidth(), closeTo(595.3, 1.0));
            // 300 dpi: at 150 the reader once missed the code in a CI run (the random report code changes the pattern,
            // and the image scaled into its box blurs module edges more at the lower resolution).
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 300);
            ImageIO.write(page, "png", target.resolve("credit-report-page1.png").toFile());
            // The QR code sits in the top right of the cover block; a reader finds it more surely on that part of the page alone.
            BufferedImage corner = page.getSubimage(page.getWidth() / 2, 0, page.getWidth() / 2, page.getHeight() / 3);
            int[] pixels = corner.getRGB(0, 0, corner.getWidth(), corner.getHeight(), null, 0, corner.getWidth());
            String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(corner.getWidth(),
                    corner.getHeight(), pixels))), java.util.Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
            assertThat(decoded, endsWith("/api/v1/reports/" + code + "/verification"));
        } catch (com.google.zxing.NotFoundException | com.google.zxing.ChecksumException | com.google.zxing.FormatException e) {
            throw new AssertionError("the QR code on page 1 could not be read", e);
        }

        given().contentType("application/pdf").body(pdf).when().post("/api/v1/reports/{code}/verification", code)
                .then().statusCode(200).body("format", equalTo("pdf")).body("contentMatches", equalTo(true));
        byte[] tampered = pdf.clone();
        tampered[tampered.length / 2] ^= 0x01;
        given().contentType("application/pdf").body(tampered).when().post("/api/v1/reports/{code}/verification", code)
                .then().statusCode(200).body("issued", equalTo(true)).body("contentMatches", equalTo(false));
        given().queryParam("sha256", sha256(tampered)).when().get("/api/v1/reports/{code}/verification", code)
                .then().statusCode(200).body("contentMatches", equalTo(false));
    }

    @Test
    void shouldGiveTheFullReportToTheSubjectItselfAndRefuseAnotherSubject() {
        given().header("Authorization", AccessFixtures.bearer(richKey)).queryParam("level", "full")
                .when().get("/api/v1/subjects/{uscc}/report", SubjectFixtures.RICH)
                .then().statusCode(200).body("verification.level", equalTo("full")).body("evaluation", org.hamcrest.Matchers.anything())
                .body("repairsAndObjections", org.hamcrest.Matchers.notNullValue());
        long issued = count("SELECT count(*) FROM report_issued WHERE subject_uscc = ?", SubjectFixtures.RICH);
        given().header("Authorization", AccessFixtures.bearer(bareKey)).queryParam("level", "full")
                .when().get("/api/v1/subjects/{uscc}/report", SubjectFixtures.RICH)
                .then().statusCode(403).contentType("application/problem+json").body("type", equalTo(PROBLEMS + "forbidden"));
        given().queryParam("level", "full").when().get("/api/v1/subjects/{uscc}/report", SubjectFixtures.RICH).then().statusCode(403);
        given().queryParam("level", "everything").when().get("/api/v1/subjects/{uscc}/report", SubjectFixtures.RICH)
                .then().statusCode(400).body("errors[0].field", equalTo("level"));
        assertThat(count("SELECT count(*) FROM report_issued WHERE subject_uscc = ?", SubjectFixtures.RICH), equalTo(issued));
    }

    @Test
    void shouldGiveTheFullReportToABankOrAgencyOnlyUnderTheSubjectsConsent() {
        String uscc = SubjectFixtures.uscc("91", "MR" + String.format("%06d", java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000)));
        subjects.register(uscc, "报告授权测试有限公司");
        String subjectKey = AccessFixtures.issueKey(AccessFixtures.createConsumer("报告授权主体 " + uscc, ConsumerType.SUBJECT, uscc, null, "standard"));
        String bankId = AccessFixtures.createConsumer("报告测试银行 " + uscc, ConsumerType.BANK, null, null, "standard");
        String bankKey = AccessFixtures.issueKey(bankId);
        String agencyKey = AccessFixtures.issueKey(AccessFixtures.createConsumer("报告测试征信机构 " + uscc, ConsumerType.CREDIT_AGENCY, null, null,
                "standard"));

        given().header("Authorization", AccessFixtures.bearer(bankKey)).queryParam("level", "full")
                .when().get("/api/v1/subjects/{uscc}/report", uscc)
                .then().statusCode(403).body("type", equalTo(PROBLEMS + "consent-required"));
        assertThat(count("SELECT count(*) FROM report_issued WHERE subject_uscc = ?", uscc), equalTo(0L));

        String consentId = given().header("Authorization", AccessFixtures.bearer(subjectKey)).contentType("application/json")
                .body(java.util.Map.of("subjectUscc", uscc, "granteeId", bankId, "purpose", "loan-application",
                        "categories", java.util.List.of("evaluation", "authorised-records", "commitments"),
                        "validUntil", java.time.LocalDate.now().plusMonths(3).toString(), "reference", "REPORT-" + uscc.substring(12)))
                .when().post("/api/v1/consents").then().statusCode(201).extract().path("id");
        given().header("Authorization", AccessFixtures.bearer(bankKey)).queryParam("level", "full")
                .when().get("/api/v1/subjects/{uscc}/report", uscc)
                .then().statusCode(200).body("verification.level", equalTo("full")).body("subject.uscc", equalTo(uscc));
        assertThat(count("SELECT count(*) FROM audit_access_log WHERE subject_uscc = ? AND operation = 'subject.report' AND consent_id = "
                + Long.parseLong(consentId), uscc), equalTo(1L));
        // The consent is the bank's, not every bank's or agency's.
        given().header("Authorization", AccessFixtures.bearer(agencyKey)).queryParam("level", "full")
                .when().get("/api/v1/subjects/{uscc}/report", uscc)
                .then().statusCode(403).body("type", equalTo(PROBLEMS + "consent-required"));
        assertThat(count("SELECT count(*) FROM report_issued WHERE subject_uscc = ?", uscc), equalTo(1L));
    }

    /** Found by fuzzing: an empty Accept header was a 500; it is disregarded (RFC 9110 12.5.1), so JSON. */
    @Test
    void shouldAnswerJsonWhenTheAcceptHeaderIsEmpty() {
        given().header("Accept", "").when().get("/api/v1/subjects/{uscc}/report", SubjectFixtures.RICH)
                .then().statusCode(200).contentType("application/json").body("subject.uscc", equalTo(SubjectFixtures.RICH));
    }

    @Test
    void shouldAnswer404ForACodeNeverIssuedAnd400ForAMalformedHash() {
        given().when().get("/api/v1/reports/{code}/verification", "2345-6789-ABCD-EFGH")
                .then().statusCode(404).contentType("application/problem+json").body("type", equalTo(PROBLEMS + "not-found"));
        given().when().get("/api/v1/reports/{code}/verification", "not-a-code").then().statusCode(404);
        given().queryParam("sha256", "xyz").when().get("/api/v1/reports/{code}/verification", "2345-6789-ABCD-EFGH")
                .then().statusCode(400).body("errors[0].field", equalTo("sha256"));
        given().when().get("/api/v1/subjects/{uscc}/report", SubjectFixtures.UNREGISTERED).then().statusCode(404)
                .body("type", startsWith(PROBLEMS));
    }
}
