package cn.opencredit.gateway.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * What a test reads or writes in the database directly, to see what a request changed or to set the
 * stage the way another writer would: one value, or one statement. A database error fails the test.
 */
public final class Jdbc {

    private Jdbc() {
    }

    /** The first column of the first row, as text; null when there is no row. */
    public static String text(DataSource dataSource, String sql, Object... args) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = prepare(connection, sql, args);
                ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row as a number (a count, an id). */
    public static long scalar(DataSource dataSource, String sql, Object... args) {
        return Long.parseLong(text(dataSource, sql, args));
    }

    public static void execute(DataSource dataSource, String sql, Object... args) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = prepare(connection, sql, args)) {
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... args) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
        return statement;
    }
}
