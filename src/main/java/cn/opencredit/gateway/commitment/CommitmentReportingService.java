package cn.opencredit.gateway.commitment;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.time.ChinaTime;
import cn.opencredit.gateway.shared.uscc.Uscc;
import cn.opencredit.gateway.shared.web.IdempotencyKeys;
import cn.opencredit.gateway.subject.SubjectService;
import cn.opencredit.gateway.timeline.TimelineService;

/**
 * Departments report the commitments taken in their procedures, in batches like ingestion: every
 * row checked on its own and answered (created, updated, unchanged or refused with its reasons), the
 * rows taken written in one transaction with their lines in the subjects' timelines. A commitment is
 * identified by its department and the department's own id, so a resend updates it while it is
 * open or leaves it unchanged. With an Idempotency-Key the first answer is kept and replayed.
 */
@ApplicationScoped
public class CommitmentReportingService {

    /** The unique (department, source id) constraint of V032. */
    private static final String SOURCE_CONSTRAINT = "commitment_source";

    private final CommitmentRepository repository;
    private final TimelineService timeline;
    private final SubjectService subjects;
    private final CommitmentConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    CommitmentReportingService(CommitmentRepository repository, TimelineService timeline, SubjectService subjects, CommitmentConfig config,
            ObjectMapper json, Clock clock) {
        this.repository = repository;
        this.timeline = timeline;
        this.subjects = subjects;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    /** The answer to a batch, and whether it is the stored answer to an earlier request with the same Idempotency-Key. */
    public record Answer(String reportJson, boolean replayed) {
    }

    public Uni<Answer> report(ApiClient caller, CommitmentBatchRequest request, String idempotencyKey) {
        CommitmentPolicies.reporterPolicy(caller).orThrow();
        Optional<String> key = IdempotencyKeys.read(idempotencyKey);
        List<CommitmentRowRequest> rows = request.rows() == null ? List.of() : request.rows();
        CommitmentPolicies.batchSizePolicy(rows.size(), config.maxRows()).orThrow();
        LocalDate today = ChinaTime.today(clock);
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<CommitmentPolicies.CheckedRow> checked = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            checked.add(rows.get(i) == null ? new CommitmentPolicies.CheckedRow(List.of(new FieldError("rows[" + i + "]",
                    CommitmentRejection.REQUIRED.code(), "a row is a commitment object")), null)
                    : CommitmentPolicies.rowPolicy(rows.get(i), caller, today));
        }
        Set<Integer> duplicates = CommitmentPolicies.duplicatesPolicy(checked);
        byte[] requestHash = CommitmentMapper.sha256(toJson(request));
        Log.debugf("commitment batch of %d rows by %s", rows.size(), caller.consumerId());
        return subjectIds(checked).chain(subjectIds -> Panache.withTransaction(() -> claim(caller, key, requestHash, now)
                .chain(earlier -> earlier.isPresent() ? Uni.createFrom().item(earlier.get())
                        : Multi.createFrom().range(0, checked.size())
                                .onItem().transformToUniAndConcatenate(i -> take(i, checked.get(i), duplicates.contains(i), subjectIds, caller,
                                        today, now))
                                .collect().asList()
                                .chain(reported -> answer(caller, key, reported)))))
                .onFailure(CommitmentReportingService::isSourceTaken).transform(failure -> new ProblemException(ProblemType.CONFLICT,
                        "Another batch reported one of these commitments at the same moment; send the batch again"));
    }

    /** The register's ids of the subjects the rows name; a USCC that is not registered is absent. */
    private Uni<Map<String, Long>> subjectIds(List<CommitmentPolicies.CheckedRow> checked) {
        Set<String> usccs = checked.stream().filter(CommitmentPolicies.CheckedRow::taken).map(row -> row.row().subjectUscc())
                .collect(Collectors.toCollection(TreeSet::new));
        return Multi.createFrom().iterable(usccs)
                .onItem().transformToUniAndConcatenate(uscc -> subjects.require(Uscc.parse(uscc, "subjectUscc"))
                        .map(subject -> Optional.of(Map.entry(uscc, subject.id())))
                        .onFailure(ProblemException.class).recoverWithItem(Optional.empty()))
                .collect().asList()
                .map(found -> found.stream().flatMap(Optional::stream).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    /** The stored answer when the key belongs to an earlier batch (the same request); empty when this batch now holds the key. */
    private Uni<Optional<Answer>> claim(ApiClient caller, Optional<String> key, byte[] requestHash, OffsetDateTime now) {
        if (key.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return repository.claimKey(caller.consumerId(), key.get(), requestHash, now.minus(config.idempotencyTtl())).chain(claimed -> claimed
                ? Uni.createFrom().item(Optional.<Answer>empty())
                : repository.storedAnswer(caller.consumerId(), key.get()).map(stored -> {
                    if (!MessageDigest.isEqual(stored.requestSha256(), requestHash)) {
                        throw IdempotencyKeys.reused("batch");
                    }
                    return Optional.of(new Answer(stored.body(), true));
                }));
    }

    /** One row: refused with its reasons, or written as a new commitment, an amendment, or nothing when it is as stored. */
    private Uni<CommitmentReportView.Row> take(int index, CommitmentPolicies.CheckedRow checked, boolean duplicate, Map<String, Long> subjectIds,
            ApiClient caller, LocalDate today, OffsetDateTime now) {
        int position = index + 1;
        if (!checked.taken()) {
            return refused(position, null, checked.errors());
        }
        CommitmentPolicies.Row row = checked.row();
        if (duplicate) {
            return refused(position, row.sourceCommitmentId(), List.of(new FieldError("sourceCommitmentId",
                    CommitmentRejection.DUPLICATE_IN_BATCH.code(), "an earlier row of this batch reports " + row.sourceCommitmentId())));
        }
        Long subjectId = subjectIds.get(row.subjectUscc());
        if (subjectId == null) {
            return refused(position, row.sourceCommitmentId(), List.of(new FieldError("subjectUscc", CommitmentRejection.UNKNOWN_SUBJECT.code(),
                    "no subject with USCC " + row.subjectUscc() + " is registered")));
        }
        byte[] fingerprint = CommitmentMapper.sha256(CommitmentPolicies.fingerprint(row));
        return repository.findBySourceForUpdate(row.departmentUscc(), row.sourceCommitmentId()).chain(stored -> {
            if (stored == null) {
                Optional<FieldError> passed = CommitmentPolicies.deadlinePolicy(row, null, today);
                return passed.isPresent() ? refused(position, row.sourceCommitmentId(), List.of(passed.get()))
                        : create(position, row, subjectId, fingerprint, caller, now);
            }
            boolean changed = CommitmentPolicies.changed(stored.contentSha256, fingerprint);
            Optional<FieldError> fault = CommitmentPolicies.resendPolicy(row, stored.subjectUscc, stored.state, changed)
                    .or(() -> changed ? CommitmentPolicies.deadlinePolicy(row, stored.deadline, today) : Optional.empty());
            if (fault.isPresent()) {
                return refused(position, row.sourceCommitmentId(), List.of(fault.get()));
            }
            if (!changed) {
                return Uni.createFrom().item(taken(position, stored, CommitmentReportView.Outcome.UNCHANGED));
            }
            CommitmentMapper.apply(row, stored, fingerprint);
            stored.amendedAt = now;
            return timeline.append(CommitmentMapper.transition(stored, "amended", CommitmentState.OPEN, caller, null, now))
                    .call(() -> repository.flush())
                    .map(ignored -> taken(position, stored, CommitmentReportView.Outcome.UPDATED));
        });
    }

    private Uni<CommitmentReportView.Row> create(int position, CommitmentPolicies.Row row, long subjectId, byte[] fingerprint, ApiClient caller,
            OffsetDateTime now) {
        Commitment commitment = new Commitment();
        CommitmentMapper.apply(row, commitment, fingerprint);
        commitment.subjectId = subjectId;
        commitment.state = CommitmentState.OPEN;
        commitment.reportedAt = now;
        commitment.reportedBy = caller.consumerId();
        return repository.persistAndFlush(commitment)
                .call(() -> timeline.append(CommitmentMapper.transition(commitment, "reported", null, caller, null, now)))
                .map(stored -> taken(position, stored, CommitmentReportView.Outcome.CREATED));
    }

    private static Uni<CommitmentReportView.Row> refused(int position, String sourceId, List<FieldError> errors) {
        return Uni.createFrom().item(new CommitmentReportView.Row(position, sourceId, CommitmentReportView.Outcome.REFUSED, null, errors));
    }

    private static CommitmentReportView.Row taken(int position, Commitment commitment, CommitmentReportView.Outcome outcome) {
        return new CommitmentReportView.Row(position, commitment.sourceCommitmentId, outcome, Long.toString(commitment.id), List.of());
    }

    /** The report of the batch, kept under its key (in this transaction) when it has one. */
    private Uni<Answer> answer(ApiClient caller, Optional<String> key, List<CommitmentReportView.Row> rows) {
        CommitmentReportView report = new CommitmentReportView(rows.size(), count(rows, CommitmentReportView.Outcome.CREATED),
                count(rows, CommitmentReportView.Outcome.UPDATED), count(rows, CommitmentReportView.Outcome.UNCHANGED),
                count(rows, CommitmentReportView.Outcome.REFUSED), rows);
        String body = toJson(report);
        Uni<Void> kept = key.isPresent() ? repository.storeAnswer(caller.consumerId(), key.get(), body) : Uni.createFrom().voidItem();
        return kept.map(ignored -> new Answer(body, false));
    }

    private static int count(List<CommitmentReportView.Row> rows, CommitmentReportView.Outcome outcome) {
        return (int) rows.stream().filter(row -> row.outcome() == outcome).count();
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("commitment batches and reports are plain JSON", e);
        }
    }

    /** The failure of an insert that found a commitment reported meanwhile by a concurrent batch. */
    private static boolean isSourceTaken(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException violation
                    && SOURCE_CONSTRAINT.equals(violation.getConstraintName())) {
                return true;
            }
            if (cause instanceof io.vertx.pgclient.PgException pg && SOURCE_CONSTRAINT.equals(pg.getConstraint())) {
                return true;
            }
        }
        return false;
    }
}
