package cn.opencredit.gateway.shared.problem;

/**
 * A stable reason a capability refuses something. Each capability names its reasons in an enum
 * ({@code <Capability>Rejection}); the problem type says how a refusal is answered, the code is what
 * {@code errors[].code} carries when the refusal is about one input.
 */
public interface Rejection {

    ProblemType problem();

    /** The kebab-case code clients switch on, e.g. {@code not-a-government-body}. */
    String code();
}
