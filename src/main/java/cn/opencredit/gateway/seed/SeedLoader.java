package cn.opencredit.gateway.seed;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.PGCopyOutputStream;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;

import cn.opencredit.gateway.shared.time.WorkdayCalendar;

/**
 * Loads {@link SyntheticCreditData} into an empty database with PostgreSQL COPY; {@link SeedOnStartup}
 * calls it when {@code opencredit.seed.subjects} is above 0 and never creates it otherwise.
 * <p>
 * Subjects are streamed first with the ids the generator gave them (COPY writes identity columns
 * as given, even GENERATED ALWAYS ones), then regenerated one by one to stream their records and
 * list entries, so memory stays flat however many rows are loaded. Everything happens in one
 * transaction: a failure leaves the tables as empty as they were.
 */
@ApplicationScoped
public class SeedLoader {

    /** The demo catalogue of 信易+ scenarios, loaded with the synthetic subjects. */
    private static final String INCENTIVE_SCENARIOS = resource("seed/incentive-scenarios.sql");


    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final int BUFFER_BYTES = 1 << 16;

    private final AgroalDataSource dataSource;
    private final SeedConfig config;
    private final WorkdayCalendar calendar;

    SeedLoader(AgroalDataSource dataSource, SeedConfig config, WorkdayCalendar calendar) {
        this.dataSource = dataSource;
        this.config = config;
        this.calendar = calendar;
    }

    /** How much one load wrote and how long it took. */
    public record Summary(long subjects, long records, long listEntries, Duration duration) {
    }

    /**
     * Loads {@code opencredit.seed.subjects} synthetic subjects with their records and list entries,
     * unless the subject table already has rows.
     *
     * @return what was loaded, or empty when the database was not empty
     */
    public Optional<Summary> seedIfEmpty() throws SQLException {
        LocalDate referenceDate = config.referenceDate().orElseGet(() -> LocalDate.now(CHINA));
        SyntheticCreditData data = SyntheticCreditData.of(config.randomSeed(), referenceDate, config.recordsPerSubject());
        Optional<Summary> summary;
        try (Connection connection = dataSource.getConnection()) {
            summary = seedIfEmpty(connection, data, config.subjects());
        }
        summary.ifPresentOrElse(
                loaded -> Log.infof("Loaded %d synthetic subjects, %d credit records and %d list entries in %d ms "
                                + "(seed %d, reference date %s)", loaded.subjects(), loaded.records(), loaded.listEntries(),
                        loaded.duration().toMillis(), config.randomSeed(), referenceDate),
                () -> Log.info("Synthetic credit data not loaded: the subject table already has rows"));
        return summary;
    }

    private Optional<Summary> seedIfEmpty(Connection connection, SyntheticCreditData data, int subjects)
            throws SQLException {
        long started = System.nanoTime();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        long subjectRows;
        long recordRows;
        long listRows;
        try {
            if (!lockAndCheckEmpty(connection)) {
                connection.rollback();
                return Optional.empty();
            }
            try (Statement statement = connection.createStatement()) {
                // Synthetic demo data is not a change anyone made: the change-feed triggers would record
                // millions of fake changes, and the history's row triggers would lock its head per statement;
                // the history gets one snapshot entry per row below instead. Foreign-key checks are skipped
                // with the triggers; the generator's ids are consistent by construction.
                statement.execute("SET LOCAL session_replication_role = replica");
            }
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            subjectRows = copy(copy, calendar, SeedCsv.COPY_SUBJECTS, csv -> {
                for (long id = 1; id <= subjects; id++) {
                    csv.subject(data.subjects().subject(id));
                }
            });
            recordRows = copy(copy, calendar, SeedCsv.COPY_RECORDS, csv -> {
                for (long id = 1; id <= subjects; id++) {
                    for (CreditRecordRow row : data.records().of(data.subjects().subject(id))) {
                        csv.record(row);
                    }
                }
            });
            listRows = copy(copy, calendar, SeedCsv.COPY_LIST_ENTRIES, csv -> {
                for (long id = 1; id <= subjects; id++) {
                    for (ListEntryRow row : data.listEntries().of(data.subjects().subject(id))) {
                        csv.listEntry(row);
                    }
                }
            });
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL session_replication_role = origin");
                // The rows go into the tamper-evident history as a snapshot, so that the integrity check finds each in it.
                statement.execute("SELECT history_snapshot_unrecorded()");
                // The search generation's triggers (V053) were off too: cached search pages must not outlive the load.
                statement.execute("SELECT subject_search_changed()");
                // COPY bypassed the identity sequence; move it past the ids we wrote so later inserts do not collide.
                statement.execute("SELECT setval(pg_get_serial_sequence('subject', 'id'), (SELECT max(id) FROM subject))");
                // The name-search pairs and characters (V011, V015) are kept by a trigger, which was off with the others: one statement instead.
                statement.execute("""
                        INSERT INTO subject_name_pair (pair, uscc)
                        SELECT key, uscc FROM (SELECT unnest(name_bigrams || subject_name_characters(name_folded)) AS key, uscc
                                               FROM subject WHERE uscc IS NOT NULL) keys
                        ORDER BY 1, 2""");
                // The 信易+ scenarios the demo shows (GET /api/v1/incentives).
                statement.execute(INCENTIVE_SCENARIOS);
            }
            connection.commit();
            try (Statement statement = connection.createStatement()) {
                // Fresh statistics, or the planner keeps treating the new rows as the empty tables it last saw.
                statement.execute("ANALYZE subject, subject_name_pair, credit_record, list_entry");
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return Optional.of(new Summary(subjectRows, recordRows, listRows, Duration.ofNanos(System.nanoTime() - started)));
    }

    // Two replicas starting together would both find the table empty; the lock makes the later one wait and see the rows.
    private static boolean lockAndCheckEmpty(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("LOCK TABLE subject IN SHARE ROW EXCLUSIVE MODE");
            try (ResultSet rows = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM subject)")) {
                rows.next();
                return !rows.getBoolean(1);
            }
        }
    }

    @FunctionalInterface
    private interface CsvBody {
        void writeTo(SeedCsv csv) throws IOException;
    }

    private static long copy(CopyManager copy, WorkdayCalendar calendar, String sql, CsvBody body) throws SQLException {
        PGCopyOutputStream stream = new PGCopyOutputStream(copy.copyIn(sql), BUFFER_BYTES);
        try {
            Writer writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), BUFFER_BYTES);
            body.writeTo(new SeedCsv(writer, calendar));
            writer.flush();
            return stream.endCopy();
        } catch (IOException | RuntimeException e) {
            SQLException failure = e.getCause() instanceof SQLException cause
                    ? cause // pgjdbc reports a server-side COPY error as an IOException around it
                    : new SQLException("COPY failed: " + sql, e);
            if (stream.isActive()) {
                try {
                    stream.cancelCopy();
                } catch (SQLException cancelFailure) {
                    failure.addSuppressed(cancelFailure);
                }
            }
            throw failure;
        }
    }

    private static String resource(String name) {
        try (var in = SeedLoader.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the build");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(name + " could not be read", e);
        }
    }
}
