package cn.opencredit.gateway.person;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import cn.opencredit.gateway.access.AccessFixtures;

/** Key rotation: rows sealed under a retired key still decrypt, and re-encryption moves them to the current key. */
@QuarkusTest
class IdentityKeyRotationTests {

    private static final String NUMBER = "659001198807150427";

    private final AgroalDataSource dataSource;
    private final IdentityCipher cipher;

    IdentityKeyRotationTests(AgroalDataSource dataSource, IdentityCipher cipher) {
        this.dataSource = dataSource;
        this.cipher = cipher;
    }

    /** The cipher a gateway had before the rotation: the retired key as its current one. */
    private static IdentityCipher beforeRotation() {
        String retired = ConfigProvider.getConfig().getValue("opencredit.person.retired-identity-keys", String.class);
        return new IdentityCipher(config(retired, List.of()));
    }

    private static PersonConfig config(String current, List<String> retired) {
        return new PersonConfig() {
            @Override
            public Optional<String> identityKey() {
                return Optional.ofNullable(current);
            }

            @Override
            public Optional<List<String>> retiredIdentityKeys() {
                return Optional.of(retired);
            }
        };
    }

    @Test
    void shouldDecryptRowsOfTheRetiredKeyAndReEncryptThemUnderTheCurrentOne() throws SQLException {
        String id = given().header("Authorization", AccessFixtures.bearer(AccessFixtures.OPERATOR_KEY)).contentType(ContentType.JSON)
                .body(Map.of("identityNumber", NUMBER, "name", "轮换测试人")).when().post("/api/v1/persons")
                .then().statusCode(201).extract().path("id");
        long subjectId = longValue("SELECT subject_id FROM person WHERE public_id = ?::uuid", id);
        IdentityCipher old = beforeRotation();
        IdentityCipher.Sealed sealedBefore = old.encrypt(NUMBER, subjectId);
        execute("UPDATE person SET identity_cipher = ?, identity_key_id = ? WHERE subject_id = ?", sealedBefore.bytes(), sealedBefore.keyId(),
                subjectId);
        assertEquals("test2025", sealedBefore.keyId());
        assertEquals(NUMBER, cipher.decrypt(sealedBefore.bytes(), "test2025", subjectId), "the retired key still decrypts");

        given().header("Authorization", AccessFixtures.bearer(AccessFixtures.OPERATOR_KEY)).when().post("/api/v1/admin/persons/re-encryption")
                .then().statusCode(200).body("keyId", equalTo("test2026")).body("reEncrypted", greaterThanOrEqualTo(1));

        byte[] sealedAfter = bytes("SELECT identity_cipher FROM person WHERE subject_id = ?", subjectId);
        assertEquals("test2026", text("SELECT identity_key_id FROM person WHERE subject_id = ?", subjectId));
        assertEquals(NUMBER, cipher.decrypt(sealedAfter, "test2026", subjectId));
        assertFalse(java.util.Arrays.equals(sealedBefore.bytes(), sealedAfter));
        assertEquals(0, longValue("SELECT count(*) FROM person WHERE identity_key_id <> 'test2026'"));
        given().header("Authorization", AccessFixtures.bearer(AccessFixtures.OPERATOR_KEY)).when().post("/api/v1/admin/persons/re-encryption")
                .then().statusCode(200).body("reEncrypted", equalTo(0));
    }

    @Test
    void shouldSealTheSameNumberDifferentlyEachTimeAndOnlyForItsOwnRow() {
        IdentityCipher.Sealed first = cipher.encrypt(NUMBER, 7);
        IdentityCipher.Sealed second = cipher.encrypt(NUMBER, 7);
        assertFalse(java.util.Arrays.equals(first.bytes(), second.bytes()), "a fresh nonce each time");
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(first.bytes(), first.keyId(), 8), "bound to its row");
        IllegalStateException unknown = assertThrows(IllegalStateException.class, () -> cipher.decrypt(first.bytes(), "k-unknown", 7));
        assertFalse(unknown.getMessage().contains(NUMBER));
    }

    @Test
    void shouldRefuseToStartWithoutAUsableKey() {
        assertThrows(IllegalStateException.class, () -> new IdentityCipher(config(null, List.of())));
        assertThrows(IllegalStateException.class, () -> new IdentityCipher(config("k1:c2hvcnQ=", List.of())));
        assertThrows(IllegalStateException.class, () -> new IdentityCipher(config("no-id-here", List.of())));
    }

    @Test
    void shouldMaskEveryKindOfDocument() {
        assertEquals("410526********1234", IdentityCipher.mask("410526199001011234"));
        assertEquals("E1*****78", IdentityCipher.mask("E12345678"));
        assertEquals("***4", IdentityCipher.mask("1234"));
        assertTrue(IdentityCipher.mask("41052619900101123X").endsWith("123X"));
    }

    private void execute(String sql, Object... args) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            statement.execute();
        }
    }

    private ResultSet query(Connection connection, String sql, Object... args) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
        ResultSet rows = statement.executeQuery();
        rows.next();
        return rows;
    }

    private long longValue(String sql, Object... args) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return query(connection, sql, args).getLong(1);
        }
    }

    private String text(String sql, Object... args) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return query(connection, sql, args).getString(1);
        }
    }

    private byte[] bytes(String sql, Object... args) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return query(connection, sql, args).getBytes(1);
        }
    }
}
