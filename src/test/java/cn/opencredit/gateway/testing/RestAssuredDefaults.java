package cn.opencredit.gateway.testing;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;

/** How every test's REST Assured sends what it does not know by itself. */
final class RestAssuredDefaults {

    private static volatile boolean applied;

    private RestAssuredDefaults() {
    }

    /**
     * Scoring models are YAML documents: sent as the text they are, in UTF-8 (REST Assured's default
     * for text is ISO-8859-1). Evidence files are sent as bytes, or as short ASCII text.
     */
    static synchronized void apply() {
        if (applied) {
            return;
        }
        EncoderConfig encoders = RestAssured.config().getEncoderConfig().encodeContentTypeAs("application/yaml", ContentType.TEXT)
                .encodeContentTypeAs("text/yaml", ContentType.TEXT).defaultCharsetForContentType("UTF-8", "application/yaml")
                .defaultCharsetForContentType("UTF-8", "text/yaml")
                // Evidence files; tests send their bytes, or a few ASCII characters as text.
                .encodeContentTypeAs("application/pdf", ContentType.TEXT).encodeContentTypeAs("image/png", ContentType.TEXT)
                .encodeContentTypeAs("image/jpeg", ContentType.TEXT);
        RestAssured.config = RestAssured.config().encoderConfig(encoders);
        applied = true;
    }
}
