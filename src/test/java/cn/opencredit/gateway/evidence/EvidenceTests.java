package cn.opencredit.gateway.evidence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import cn.opencredit.gateway.access.AccessFixtures;
import cn.opencredit.gateway.access.ConsumerType;
import cn.opencredit.gateway.subject.SubjectFixtures;

/** Evidence files: the type told by content, the size limit, who reads them back. */
@QuarkusTest
class EvidenceTests {

    private static final String PROBLEM = "application/problem+json";
    private static final byte[] PDF = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    private final AgroalDataSource dataSource;
    private final SubjectFixtures subjects;
    private final AccessFixtures access;

    EvidenceTests(AgroalDataSource dataSource, SubjectFixtures subjects, AccessFixtures access) {
        this.dataSource = dataSource;
        this.subjects = subjects;
        this.access = access;
    }

    @BeforeEach
    void ready() {
        subjects.ensureLoaded();
    }

    private static ValidatableResponse upload(String key, String type, byte[] body) {
        return given().header("Authorization", AccessFixtures.bearer(key)).contentType(type).body(body)
                .header("X-File-Name", "%E7%BC%B4%E6%AC%BE%E5%87%AD%E8%AF%81.pdf")
                .when().post("/api/v1/evidence").then();
    }

    @Test
    void shouldStoreAFileWithItsDigestAndGiveItBackToItsUploaderAndDepartments() throws NoSuchAlgorithmException {
        String subjectKey = access.key(ConsumerType.SUBJECT);
        String id = upload(subjectKey, "application/pdf", PDF).statusCode(201)
                .header("Location", containsString("/api/v1/evidence/"))
                .body("mediaType", equalTo("application/pdf"))
                .body("sizeBytes", equalTo(PDF.length))
                .body("fileName", equalTo("缴款凭证.pdf"))
                .body("sha256", equalTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF))))
                .extract().path("id");
        byte[] back = given().header("Authorization", AccessFixtures.bearer(subjectKey)).when().get("/api/v1/evidence/{id}", id).then()
                .statusCode(200).contentType("application/pdf")
                .header("Repr-Digest", equalTo("sha-256=:" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(PDF))
                        + ":"))
                .extract().asByteArray();
        assertArrayEquals(PDF, back);
        given().header("Authorization", AccessFixtures.bearer(AccessFixtures.OPERATOR_KEY)).when().get("/api/v1/evidence/{id}", id).then()
                .statusCode(200);
        given().header("Authorization", AccessFixtures.bearer(access.key(ConsumerType.BANK))).when().get("/api/v1/evidence/{id}", id).then()
                .statusCode(403).contentType(PROBLEM);
        given().header("Authorization", AccessFixtures.bearer(AccessFixtures.OPERATOR_KEY)).when()
                .get("/api/v1/evidence/{id}", "0d6f1e2a-3b4c-4d5e-8f90-a1b2c3d4e5f6").then().statusCode(404);
    }

    @Test
    void shouldTellTheTypeByContentAndRefuseWhatIsNotDeclaredOrAllowed() {
        long before = count();
        String key = access.key(ConsumerType.SUBJECT);
        upload(key, "application/pdf", PNG).statusCode(415).contentType(PROBLEM).body("errors[0].code", equalTo("type-mismatch"));
        upload(key, "image/png", "just text, renamed to .png".getBytes(StandardCharsets.UTF_8)).statusCode(415)
                .body("errors[0].code", equalTo("unsupported-type"));
        upload(key, "text/plain", PDF).statusCode(415);
        upload(key, "image/png", new byte[0]).statusCode(400).body("errors[0].code", equalTo("empty"));
        byte[] large = Arrays.copyOf(PDF, 5 * 1024 * 1024 + 1);
        upload(key, "application/pdf", large).statusCode(413).body("errors[0].code", equalTo("too-large"));
        given().header("Authorization", AccessFixtures.bearer(key)).contentType("image/png").header("X-File-Name", "%zz").body(PNG)
                .when().post("/api/v1/evidence").then().statusCode(400).body("errors[0].field", equalTo("X-File-Name"));
        upload(key, "image/png", PNG).statusCode(201);
        upload(access.key(ConsumerType.APP), "image/png", PNG).statusCode(403);
        assertEquals(before + 1, count(), "only the accepted file was stored");
    }

    private long count() {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(
                "SELECT count(*) FROM evidence"); ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
