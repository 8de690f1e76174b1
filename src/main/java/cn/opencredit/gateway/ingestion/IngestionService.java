package cn.opencredit.gateway.ingestion;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.SqlConnection;

import cn.opencredit.gateway.record.RecordCategory;
import cn.opencredit.gateway.shared.cache.SubjectDataVersions;
import cn.opencredit.gateway.shared.web.IdempotencyKeys;
import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.time.ChinaTime;
import cn.opencredit.gateway.shared.time.WorkdayCalendar;

/**
 * 数据归集: departments' batches of credit records. A batch is read, every row validated on its
 * own, the accepted rows written in one transaction, and the answer says per row what happened.
 */
@ApplicationScoped
public class IngestionService {

    static final String IDEMPOTENCY_KEY = IdempotencyKeys.HEADER;
    private static final int MIN_IDENTITY_KEY_LENGTH = 32;

    private final BatchReader reader;
    private final BatchWriter writer;
    private final SubjectDataVersions versions;
    private final IngestionConfig config;
    private final Clock clock;
    private final Optional<SecretKeySpec> identityKey;

    IngestionService(BatchReader reader, BatchWriter writer, SubjectDataVersions versions, IngestionConfig config, Clock clock) {
        this.reader = reader;
        this.writer = writer;
        this.versions = versions;
        this.config = config;
        this.clock = clock;
        this.identityKey = config.identityHashKey().filter(key -> !key.isBlank()).map(key -> {
            if (key.length() < MIN_IDENTITY_KEY_LENGTH) {
                throw new IllegalStateException("opencredit.ingestion.identity-hash-key must have at least " + MIN_IDENTITY_KEY_LENGTH
                        + " characters");
            }
            return new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        });
    }

    /**
     * A natural person's identity number as ingestion keeps it: NFKC-folded, without white space,
     * upper case; empty when the text is no identity number. Other capabilities that take a person's
     * number (person lookup) use this and {@link #identityHash} so that they find the person
     * ingestion recorded.
     */
    public static Optional<String> normalisedIdentityNumber(String raw) {
        return raw == null ? Optional.empty() : IdentityNumber.read(raw).map(IdentityNumber::value);
    }

    /** The keyed hash ingestion finds a person by; empty without a hash key or for text that is no identity number. */
    public Optional<byte[]> identityHash(String raw) {
        return identityKey.flatMap(key -> normalisedIdentityNumber(raw).map(number -> hmac(key, number)));
    }

    /** The answer to a batch, and whether it is the stored answer to an earlier attempt with the same Idempotency-Key. */
    public record Answer(String reportJson, boolean replayed) {
    }

    void checkConfiguration(@Observes StartupEvent started) {
        if (identityKey.isEmpty()) {
            Log.warn("opencredit.ingestion.identity-hash-key is not set: legal representatives' identity numbers are dropped and rows "
                    + "about natural persons are refused");
        }
    }

    /**
     * Reads, validates and stores one batch for {@code caller}.
     *
     * @param contentType    application/json, text/csv or the XLSX type
     * @param template       licence or penalty for files whose template the headers do not make clear; may be null
     * @param idempotencyKey null, or the key under which the first answer is kept and replayed
     */
    public Uni<Answer> ingest(ApiClient caller, String contentType, String template, String idempotencyKey, byte[] body) {
        IngestionPolicies.Sender sender = new IngestionPolicies.Sender(caller.type(), caller.boundUscc());
        IngestionPolicies.senderPolicy(sender).orThrow();
        Optional<String> key = IdempotencyKeys.read(idempotencyKey);
        Log.debugf("ingest by %s (%s), %d bytes of %s", caller.consumerId(), caller.type(), body == null ? 0 : body.length, contentType);
        // Parsing a 5 000-row workbook is CPU work for tens of milliseconds: off the event loop.
        return Uni.createFrom().<BatchReader.ParsedBatch>emitter(emitter -> {
                    try {
                        emitter.complete(reader.read(contentType, template, body, key.isPresent()));
                    } catch (Exception e) {
                        emitter.fail(e);
                    }
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(parsed -> store(caller, sender, key, parsed));
    }

    /**
     * What rows reported in process did: the report, the id of the record each taken row is (by
     * its 1-based position in the rows), and the subjects whose data changed.
     */
    public record Ingested(IngestionReportView report, Map<Integer, Long> recordIds, Set<String> changedUsccs) {
    }

    /**
     * For a capability whose own write reports credit records (a sampling plan's inspection
     * results): the rows are taken exactly as a JSON batch of {@code caller} would be (the same
     * sender rules, per-row validation and writing, the batch recorded like any other), in the
     * caller's transaction {@code tx}, so that nothing of them stays if it rolls back. Refused rows
     * are in the report; deciding what they mean is the caller's. Once {@code tx} has committed, the
     * caller hands the result to {@link #announce}.
     */
    public Uni<Ingested> ingestInTransaction(SqlConnection tx, ApiClient caller, List<IngestionRecordRequest> rows) {
        IngestionPolicies.Sender sender = new IngestionPolicies.Sender(caller.type(), caller.boundUscc());
        IngestionPolicies.senderPolicy(sender).orThrow();
        BatchWriter.Batch batch = batch(caller, sender, Optional.empty(), reader.rows(rows));
        return writer.writeIn(tx, batch)
                .chain(written -> writer.recordIds(tx, batch).map(ids -> new Ingested(written.view(), ids, written.changedUsccs())));
    }

    /** After the transaction of {@link #ingestInTransaction} committed: the changed subjects' cached views are invalidated. */
    public Uni<Void> announce(Ingested ingested) {
        return versions.subjectsChanged(ingested.changedUsccs());
    }

    private Uni<Answer> store(ApiClient caller, IngestionPolicies.Sender sender, Optional<String> key, BatchReader.ParsedBatch parsed) {
        BatchWriter.Batch batch = batch(caller, sender, key, parsed);
        return writer.write(batch)
                .call(written -> versions.subjectsChanged(written.changedUsccs()))
                .map(written -> new Answer(written.reportJson(), false))
                .onFailure(BatchWriter.KeyTaken.class).recoverWithUni(() -> replay(caller, key.orElseThrow(), parsed.requestHash(), batch.now()));
    }

    /** The batch of {@code caller}, every row validated on its own. */
    private BatchWriter.Batch batch(ApiClient caller, IngestionPolicies.Sender sender, Optional<String> key, BatchReader.ParsedBatch parsed) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = ChinaTime.today(clock);
        Function<String, byte[]> identityHash = identityKey.<Function<String, byte[]>>map(k -> number -> hmac(k, number)).orElse(null);
        List<IngestionPolicies.Checked> checks = new ArrayList<>(parsed.rows().size());
        parsed.rows().forEach(row -> checks.add(RowValidation.check(row, sender, today, identityHash)));
        return new BatchWriter.Batch(UUID.randomUUID(), caller.consumerId(), key, parsed, IngestionPolicies.uniqueRecordPolicy(parsed.rows(), checks),
                today, now, now.plus(config.idempotencyTtl()));
    }

    /** A retry gets the first answer; a different request under the same key is a client error. */
    private Uni<Answer> replay(ApiClient caller, String key, byte[] requestHash, OffsetDateTime now) {
        return writer.storedAnswer(caller.consumerId(), key, now).map(stored -> {
            if (stored == null || stored.status() == 0) {
                throw new ProblemException(ProblemType.CONFLICT, "Another request with this " + IDEMPOTENCY_KEY + " is still being processed; "
                        + "retry shortly");
            }
            if (!MessageDigest.isEqual(stored.requestHash(), requestHash)) {
                throw IdempotencyKeys.reused("batch");
            }
            return new Answer(stored.body(), true);
        });
    }

    /** Expired answers are only ever read as absent; deleting them keeps the table small. */
    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeExpiredAnswers() {
        return writer.purgeExpiredAnswers(OffsetDateTime.now(clock))
                .invoke(purged -> Log.debugf("purged %d expired idempotency answers", purged))
                .replaceWithVoid();
    }

    private static byte[] hmac(SecretKeySpec key, String number) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(number.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM provides HmacSHA256", e);
        }
    }

    /**
     * The 双公示 timeliness ingestion records with a row (due date, working days to the report, late),
     * for writers of records that do not pass through ingestion, such as the synthetic seed.
     */
    public static Optional<IngestionReportView.Timeliness> timeliness(RecordCategory category, LocalDate decisionDate, LocalDate reportedOn,
            WorkdayCalendar calendar) {
        return IngestionPolicies.timelinessPolicy(category, decisionDate, reportedOn, calendar);
    }
}
