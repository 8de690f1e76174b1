package cn.opencredit.gateway.registration;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * The evaluation's registration-verified facts: one per verified item (withdrawn and false ones
 * are not), dated the day it was verified, read in the evaluation's transaction. Writes to the
 * items queue their subject for evaluation by the table's trigger (V024).
 */
@Singleton
class RegistrationFacts implements FactSource {

    @Override
    public Map<Long, List<EvaluationInputs.FactInput>> facts(Connection connection, Collection<Long> subjectIds) throws SQLException {
        Map<Long, List<EvaluationInputs.FactInput>> facts = new HashMap<>();
        if (subjectIds.isEmpty()) {
            return facts;
        }
        Array ids = connection.createArrayOf("bigint", subjectIds.toArray());
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT subject_id, id, category, title, (decided_at AT TIME ZONE 'Asia/Shanghai')::date FROM registration
                WHERE state = 'VERIFIED' AND subject_id = ANY(?) ORDER BY id""")) {
            statement.setArray(1, ids);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    RegistrationCategory category = RegistrationCategory.valueOf(rows.getString(3));
                    facts.computeIfAbsent(rows.getLong(1), k -> new ArrayList<>()).add(new EvaluationInputs.FactInput(
                            "registration-" + rows.getLong(2), FactKind.REGISTRATION_VERIFIED, category.nameZh() + "：" + rows.getString(4),
                            rows.getObject(5, java.time.LocalDate.class)));
                }
            }
        } finally {
            ids.free();
        }
        return facts;
    }
}
