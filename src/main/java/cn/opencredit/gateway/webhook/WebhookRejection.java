package cn.opencredit.gateway.webhook;

import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.problem.Rejection;

/** Why an endpoint or a target address is refused. Target reasons are also what a refused delivery attempt records. */
enum WebhookRejection implements Rejection {
    INVALID_URL(ProblemType.VALIDATION_FAILED, "invalid-url"),
    NOT_HTTPS(ProblemType.VALIDATION_FAILED, "not-https"),
    CREDENTIALS_IN_URL(ProblemType.VALIDATION_FAILED, "credentials-in-url"),
    UNRESOLVABLE_HOST(ProblemType.VALIDATION_FAILED, "unresolvable-host"),
    UNSPECIFIED_ADDRESS(ProblemType.VALIDATION_FAILED, "unspecified-address"),
    LOOPBACK_ADDRESS(ProblemType.VALIDATION_FAILED, "loopback-address"),
    PRIVATE_ADDRESS(ProblemType.VALIDATION_FAILED, "private-address"),
    SHARED_ADDRESS(ProblemType.VALIDATION_FAILED, "shared-address"),
    LINK_LOCAL_ADDRESS(ProblemType.VALIDATION_FAILED, "link-local-address"),
    METADATA_ADDRESS(ProblemType.VALIDATION_FAILED, "metadata-address"),
    UNIQUE_LOCAL_ADDRESS(ProblemType.VALIDATION_FAILED, "unique-local-address"),
    MULTICAST_ADDRESS(ProblemType.VALIDATION_FAILED, "multicast-address"),
    RESERVED_ADDRESS(ProblemType.VALIDATION_FAILED, "reserved-address"),
    NO_EVENT_TYPES(ProblemType.VALIDATION_FAILED, "required"),
    TOO_MANY_ENDPOINTS(ProblemType.CONFLICT, "too-many-endpoints"),
    NOT_ENABLED(ProblemType.CONFLICT, "endpoint-not-enabled"),
    INVALID_STATUS(ProblemType.VALIDATION_FAILED, "invalid-status"),
    NOT_CONFIGURED(ProblemType.SERVICE_UNAVAILABLE, "secret-key-missing");

    private final ProblemType problem;
    private final String code;

    WebhookRejection(ProblemType problem, String code) {
        this.problem = problem;
        this.code = code;
    }

    @Override
    public ProblemType problem() {
        return problem;
    }

    @Override
    public String code() {
        return code;
    }
}
