package cn.opencredit.gateway.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

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

    /**
     * Every row's first column, a line each, read with the caller's {@code statement} (so in its
     * transaction and under its settings): the plan of an {@code EXPLAIN}.
     */
    public static String lines(Statement statement, String sql) throws SQLException {
        StringBuilder lines = new StringBuilder();
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                lines.append(rows.getString(1)).append('\n');
            }
        }
        return lines.toString();
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... args) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
        return statement;
    }
}
