package cn.opencredit.gateway.shared.environment;

import cn.opencredit.gateway.shared.problem.ProblemType;

/** The cause of an authentication failure by a key of the other environment; mapped to its own problem type. */
public final class WrongEnvironmentKeyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ProblemType type;

    public WrongEnvironmentKeyException(ProblemType type, String detail) {
        super(detail, null, false, false);
        this.type = type;
    }

    public ProblemType type() {
        return type;
    }
}
