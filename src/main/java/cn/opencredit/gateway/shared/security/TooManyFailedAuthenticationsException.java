package cn.opencredit.gateway.shared.security;

/**
 * Why authentication was refused when the caller's address caused too many failures: the cause of
 * the {@link io.quarkus.security.AuthenticationFailedException} that takes the same path out of the
 * security layer as any other failure, so that it is answered 429 rather than 401.
 */
public class TooManyFailedAuthenticationsException extends RuntimeException {

    private final transient AuthenticationFailures.Refusal refusal;

    public TooManyFailedAuthenticationsException(AuthenticationFailures.Refusal refusal) {
        // A refusal is an answer, not a fault: no stack trace to fill.
        super(refusal.detail(), null, false, false);
        this.refusal = refusal;
    }

    public AuthenticationFailures.Refusal refusal() {
        return refusal;
    }
}
