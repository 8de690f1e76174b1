package cn.opencredit.gateway.shared.uscc;

import java.util.List;

/**
 * The outcome of checking one input without throwing, for callers that must report every bad row of a batch
 * rather than stop at the first.
 *
 * @param normalised the input after normalisation; the violations' positions refer to this text
 * @param violations everything that is wrong, empty when the input is a valid USCC
 */
public record UsccValidation(String normalised, List<UsccViolation> violations) {

    public UsccValidation {
        violations = List.copyOf(violations);
    }

    public boolean isValid() {
        return violations.isEmpty();
    }
}
