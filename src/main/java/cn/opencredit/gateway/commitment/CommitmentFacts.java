package cn.opencredit.gateway.commitment;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import cn.opencredit.gateway.evaluation.EvaluationInputs;
import cn.opencredit.gateway.evaluation.FactKind;
import cn.opencredit.gateway.evaluation.FactSource;

/**
 * The evaluation's commitment-kept facts: one per fulfilled commitment, dated the day it was
 * fulfilled, read in the evaluation's transaction. A fulfilment queues its subject for evaluation
 * in its own transaction (CommitmentDecisionService); a breach counts as the failing record it
 * publishes, which the record triggers queue.
 */
@Singleton
class CommitmentFacts implements FactSource {

    @Override
    public Map<Long, List<EvaluationInputs.FactInput>> facts(Connection connection, Collection<Long> subjectIds) throws SQLException {
        Map<Long, List<EvaluationInputs.FactInput>> facts = new HashMap<>();
        if (subjectIds.isEmpty()) {
            return facts;
        }
        Array ids = connection.createArrayOf("bigint", subjectIds.toArray());
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT subject_id, id, type, procedure_name, fulfilled_on FROM commitment
                WHERE state = 'FULFILLED' AND subject_id = ANY(?) ORDER BY id""")) {
            statement.setArray(1, ids);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    CommitmentType type = CommitmentType.valueOf(rows.getString(3));
                    facts.computeIfAbsent(rows.getLong(1), k -> new ArrayList<>()).add(new EvaluationInputs.FactInput(
                            "commitment-" + rows.getLong(2), FactKind.COMMITMENT_KEPT, type.nameZh() + "：" + rows.getString(4),
                            rows.getObject(5, LocalDate.class)));
                }
            }
        } finally {
            ids.free();
        }
        return facts;
    }
}
