package cn.opencredit.gateway.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The committed contract {@code openapi/openapi.yaml} must equal what the running gateway serves.
 * After an intended API change, regenerate it with {@code bin/openapi} and commit the result.
 */
@QuarkusTest
class OpenApiContractTests {

    private static final Path COMMITTED = Path.of("openapi/openapi.yaml");
    private static final Path SERVED_COPY = Path.of("target/openapi/openapi.yaml");

    @Test
    void shouldServeExactlyTheCommittedContract() throws IOException {
        String served = given().accept("application/yaml").when().get("/q/openapi").then().statusCode(200).extract().asString();
        Files.createDirectories(SERVED_COPY.getParent());
        Files.writeString(SERVED_COPY, served, StandardCharsets.UTF_8);
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
        assertEquals(committed, served, "openapi/openapi.yaml differs from the served document (" + SERVED_COPY
                + "); if the change is intended, run bin/openapi and commit openapi/openapi.yaml");
    }
}
