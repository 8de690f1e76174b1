package cn.opencredit.gateway.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

import javax.sql.DataSource;

/**
 * A lock held in a transaction of the test's own, so that requests sent meanwhile certainly
 * overlap: each of them waits behind it (or behind another waiter) until the test lets them go.
 * Races are then decided by the database, not by how the threads happen to be scheduled.
 */
public final class HeldLock implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final Connection connection;
    private boolean released;

    private HeldLock(Connection connection) {
        this.connection = connection;
    }

    /** Runs {@code sql} (a {@code LOCK TABLE} or a {@code SELECT … FOR UPDATE}) in a new transaction and keeps it open. */
    public static HeldLock take(DataSource dataSource, String sql, Object... args) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    statement.setObject(i + 1, args[i]);
                }
                statement.execute();
            }
            return new HeldLock(connection);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * Waits until {@code count} other sessions of this database wait for a lock, and answers their
     * process ids. Fails when one of {@code requests} ends first: it did not wait, so it did not race.
     */
    public List<Integer> awaitWaiters(int count, List<? extends Future<?>> requests) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        try (PreparedStatement waiting = connection.prepareStatement("""
                SELECT DISTINCT l.pid FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE NOT l.granted AND a.datname = current_database() AND l.pid <> pg_backend_pid()""")) {
            while (System.nanoTime() < deadline) {
                List<Integer> pids = new ArrayList<>();
                try (ResultSet rows = waiting.executeQuery()) {
                    while (rows.next()) {
                        pids.add(rows.getInt(1));
                    }
                }
                if (pids.size() >= count) {
                    return pids;
                }
                for (Future<?> request : requests) {
                    if (request.isDone()) {
                        throw new AssertionError("a request ended before " + count + " waited for the lock: " + request);
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError(count + " sessions did not wait for the lock within " + WAIT);
    }

    /** Ends another session's connection, as a database failover or a cut network would. */
    public void terminate(int pid) throws SQLException {
        try (PreparedStatement terminate = connection.prepareStatement("SELECT pg_terminate_backend(?)")) {
            terminate.setInt(1, pid);
            terminate.execute();
        }
    }

    /** Ends the transaction and with it the lock: the waiting requests go on. */
    public void release() throws SQLException {
        if (!released) {
            released = true;
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            release();
        } finally {
            connection.close();
        }
    }
}
