package cn.opencredit.gateway.evaluation;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where the facts of {@link FactKind} come from: each capability that establishes such facts (the
 * commitments and voluntary registrations of the subject workflows) provides one, reading its own
 * tables in the evaluation's transaction. A capability that changes a fact queues the subject in
 * {@code evaluation_pending} in the same transaction, as the record and list triggers do.
 */
public interface FactSource {

    /** The facts about each of {@code subjectIds} that have any. */
    Map<Long, List<EvaluationInputs.FactInput>> facts(Connection connection, Collection<Long> subjectIds) throws SQLException;
}
