package cn.opencredit.gateway.evaluation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Scoring models in {@code evaluation_model}, over JDBC for the background work. A version's
 * document never changes once stored, so a model read once is kept by its version.
 */
@ApplicationScoped
class ModelStore {

    private final Map<String, EvaluationModel> parsed = new ConcurrentHashMap<>();

    /** A stored model: its version, status and document. */
    record StoredModel(String version, String status, String document) {
    }

    /** The model in force, if one is published. */
    Optional<EvaluationModel> inForce(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT version, document FROM evaluation_model WHERE status = 'PUBLISHED'");
                ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(model(rows.getString(1), rows.getString(2))) : Optional.empty();
        }
    }

    Optional<EvaluationModel> find(Connection connection, String version) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT document FROM evaluation_model WHERE version = ?")) {
            statement.setString(1, version);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(model(version, rows.getString(1))) : Optional.empty();
            }
        }
    }

    /** Stores {@code document} as the model in force when none is; false when one is in force already. */
    boolean publishIfNone(Connection connection, String document, UUID by) throws SQLException {
        EvaluationModel model = ModelDocuments.read(document);
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO evaluation_model (version, status, document, document_sha256, created_by, published_at, published_by)
                SELECT ?, 'PUBLISHED', ?, ?, ?, now(), ?
                WHERE NOT EXISTS (SELECT 1 FROM evaluation_model WHERE status = 'PUBLISHED')
                ON CONFLICT DO NOTHING""")) {
            statement.setString(1, model.version());
            statement.setString(2, document);
            statement.setBytes(3, sha256(document));
            statement.setObject(4, by);
            statement.setObject(5, by);
            return statement.executeUpdate() == 1;
        }
    }

    /** The parsed model of a stored document; parsing twice gives the same model, so the first is kept. */
    EvaluationModel model(String version, String document) {
        return parsed.computeIfAbsent(version, v -> ModelDocuments.read(document));
    }

    static byte[] sha256(String document) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(document.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
