package cn.opencredit.gateway.sandbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The sandbox's mark on its database (table {@code sandbox_marker}, V049); blocking JDBC, start-up and reset only. */
final class SandboxMarker {

    private SandboxMarker() {
    }

    static boolean present(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT 1 FROM sandbox_marker")) {
            return rows.next();
        }
    }

    /** Whether the database holds anything a sandbox's start would have to be sure of: subjects or consumers. */
    static boolean holdsData(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM subject) OR EXISTS (SELECT 1 FROM access_consumer)")) {
            rows.next();
            return rows.getBoolean(1);
        }
    }

    static void write(Connection connection, long randomSeed, boolean reset) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sandbox_marker (random_seed, last_reset_at) VALUES (?, "
                + (reset ? "now()" : "NULL") + ")")) {
            insert.setLong(1, randomSeed);
            insert.executeUpdate();
        }
    }
}
