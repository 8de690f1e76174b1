package cn.opencredit.gateway.shared.problem;

import java.net.URI;

/**
 * The stable kinds of error the gateway answers with. The {@code type} URI of each is part of the
 * public contract: clients switch on it, so a code is never renamed or reused.
 */
public enum ProblemType {
    INVALID_USCC(400, "Invalid unified social credit code"),
    INVALID_PARAMETER(400, "Invalid request parameter"),
    INVALID_CURSOR(400, "Invalid pagination cursor"),
    MALFORMED_BODY(400, "Malformed request body"),
    MALFORMED_URI(400, "Malformed request URI"),
    VALIDATION_FAILED(400, "Request validation failed"),
    UNAUTHENTICATED(401, "Authentication required"),
    FORBIDDEN(403, "Access denied"),
    NOT_FOUND(404, "Resource not found"),
    SUBJECT_NOT_FOUND(404, "Subject not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    CONFLICT(409, "Conflict"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    URI_TOO_LONG(414, "URI too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    RATE_LIMITED(429, "Too many requests"),
    INTERNAL_ERROR(500, "Internal error"),
    SERVICE_UNAVAILABLE(503, "Service unavailable"),
    IDEMPOTENCY_KEY_REUSED(409, "Idempotency key reused"),
    CONSENT_REQUIRED(403, "Consent required"),
    CONSENT_EXPIRED(403, "Consent expired"),
    CONSENT_REVOKED(403, "Consent revoked"),
    CATEGORY_NOT_CONSENTED(403, "Category not consented"),
    TEST_KEY_ON_LIVE(401, "Test key on the live platform"),
    LIVE_KEY_ON_SANDBOX(401, "Live key on the sandbox");

    public static final String BASE_URI = "https://api.opencredit.cn/problems/";

    private final int status;
    private final String title;

    ProblemType(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The kebab-case code that ends the type URI, e.g. {@code invalid-uscc}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public URI uri() {
        return URI.create(BASE_URI + code());
    }
}
