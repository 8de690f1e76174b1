package cn.opencredit.gateway.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.web.Ids;
import cn.opencredit.gateway.shared.web.QueryParameters;

/**
 * The filters of the operations log, combined with AND.
 *
 * @param from first day (China Standard Time), inclusive
 * @param to   last day, inclusive
 */
record OperationLogQuery(Optional<UUID> consumer, Optional<String> operation, Optional<LocalDate> from, Optional<LocalDate> to) {

    static final int MAX_OPERATION_LENGTH = 100;

    static OperationLogQuery parse(String consumer, String operation, String from, String to) {
        List<FieldError> errors = new ArrayList<>();
        Optional<String> consumerText = QueryParameters.text(consumer, "consumer", errors);
        Optional<UUID> consumerId = Optional.empty();
        if (consumerText.isPresent()) {
            try {
                consumerId = Optional.of(Ids.uuid(consumerText.get(), "consumer"));
            } catch (cn.opencredit.gateway.shared.problem.ProblemException e) {
                errors.addAll(e.errors());
            }
        }
        Optional<String> operationName = QueryParameters.text(operation, "operation", errors);
        if (operationName.isPresent() && operationName.get().length() > MAX_OPERATION_LENGTH) {
            errors.add(new FieldError("operation", "too-long", "operation must be at most " + MAX_OPERATION_LENGTH + " characters"));
        }
        Optional<LocalDate> first = QueryParameters.date(from, "from", errors);
        Optional<LocalDate> last = QueryParameters.date(to, "to", errors);
        QueryParameters.ordered(first, "from", last, errors);
        QueryParameters.rejectIfAny(errors);
        return new OperationLogQuery(consumerId, operationName, first, last);
    }

    /** Identifies these filters in cursors, so that a cursor cannot be replayed against others. */
    String fingerprint() {
        return "operations-log|" + consumer.map(UUID::toString).orElse("") + "|" + operation.orElse("") + "|"
                + from.map(LocalDate::toString).orElse("") + "|" + to.map(LocalDate::toString).orElse("");
    }
}
