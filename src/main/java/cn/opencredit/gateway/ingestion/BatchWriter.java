package cn.opencredit.gateway.ingestion;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

import cn.opencredit.gateway.record.RecordService;
import cn.opencredit.gateway.record.RecordUpsert;
import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.time.WorkdayCalendar;
import cn.opencredit.gateway.subject.NewSubject;
import cn.opencredit.gateway.subject.SubjectNames;
import cn.opencredit.gateway.subject.SubjectService;

/**
 * Writes the accepted rows of a batch in one transaction: unknown subjects, the records (created,
 * updated or left unchanged), the batch, its 重错码 flags and, with an Idempotency-Key, its answer.
 * Whatever fails, nothing of the batch stays.
 */
@ApplicationScoped
class BatchWriter {

    private final IngestionRepository repository;
    private final SubjectService subjects;
    private final RecordService records;
    private final WorkdayCalendar calendar;
    private final ObjectMapper json;

    BatchWriter(IngestionRepository repository, SubjectService subjects, RecordService records, WorkdayCalendar calendar, ObjectMapper json) {
        this.repository = repository;
        this.subjects = subjects;
        this.records = records;
        this.calendar = calendar;
        this.json = json;
    }

    /** A validated batch ready to be written. */
    record Batch(UUID id, UUID consumerId, Optional<String> idempotencyKey, BatchReader.ParsedBatch parsed,
            List<IngestionPolicies.Checked> checks, LocalDate today, OffsetDateTime now, OffsetDateTime answerExpiresAt) {
    }

    /** The answer (as sent and as a view) and the subjects whose data changed. */
    record Written(String reportJson, IngestionReportView view, Set<String> changedUsccs) {
    }

    /** Another attempt holds (or answered) the batch's Idempotency-Key; this one rolled back. */
    static final class KeyTaken extends RuntimeException {
        KeyTaken() {
            super(null, null, false, false);
        }
    }

    Uni<Written> write(Batch batch) {
        return repository.inTransaction(tx -> writeIn(tx, batch));
    }

    /** As {@link #write}, in the caller's transaction {@code tx}: nothing of the batch stays if it rolls back. */
    Uni<Written> writeIn(SqlConnection tx, Batch batch) {
        return claim(tx, batch).chain(() -> writeRows(tx, batch));
    }

    /** In {@code tx}, after {@link #writeIn}: the id of the record each taken row (stored or unchanged) is, by row number. */
    Uni<Map<Integer, Long>> recordIds(SqlConnection tx, Batch batch) {
        List<AcceptedRow> accepted = batch.checks().stream().map(IngestionPolicies.Checked::accepted).filter(r -> r != null).toList();
        if (accepted.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return records.ids(tx, accepted.stream().map(AcceptedRow::sourceDepartmentUscc).toList(),
                        accepted.stream().map(AcceptedRow::sourceRecordId).toList())
                .map(ids -> {
                    Map<Integer, Long> byRow = new HashMap<>();
                    accepted.forEach(row -> {
                        Long id = ids.get(RecordService.key(row.sourceDepartmentUscc(), row.sourceRecordId()));
                        if (id != null) {
                            byRow.put(row.number(), id);
                        }
                    });
                    return byRow;
                });
    }

    /** The stored answer to an earlier attempt with this key, or null when none is kept. */
    Uni<IngestionRepository.StoredAnswer> storedAnswer(UUID consumerId, String key, OffsetDateTime now) {
        return repository.findAnswer(consumerId, key, now);
    }

    Uni<Long> purgeExpiredAnswers(OffsetDateTime now) {
        return repository.purgeExpiredAnswers(now);
    }

    private Uni<Void> claim(SqlConnection tx, Batch batch) {
        if (batch.idempotencyKey().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return repository.claimKey(tx, batch.consumerId(), batch.idempotencyKey().get(), batch.parsed().requestHash(), batch.id(),
                        batch.now(), batch.answerExpiresAt())
                .invoke(claimed -> {
                    if (!claimed) {
                        throw new KeyTaken();
                    }
                })
                .replaceWithVoid();
    }

    private Uni<Written> writeRows(SqlConnection tx, Batch batch) {
        List<AcceptedRow> accepted = batch.checks().stream().map(IngestionPolicies.Checked::accepted).filter(r -> r != null).toList();
        if (accepted.isEmpty()) {
            return finish(tx, batch, new Outcomes(Map.of(), Map.of(), List.of(), Map.of()));
        }
        return records.lockExisting(tx, accepted.stream().map(AcceptedRow::sourceDepartmentUscc).toList(),
                        accepted.stream().map(AcceptedRow::sourceRecordId).toList())
                .map(stored -> reckon(batch, accepted, stored))
                .chain(reckoned -> {
                    List<AcceptedRow> kept = reckoned.writes().stream().map(Reported::row).toList();
                    Set<String> usccs = new LinkedHashSet<>();
                    Set<String> rowNames = new LinkedHashSet<>();
                    kept.stream().filter(r -> r.subject().uscc() != null).forEach(r -> {
                        usccs.add(r.subject().uscc());
                        rowNames.add(r.subject().name());
                    });
                    Map<String, String> nameKeys = new HashMap<>();
                    rowNames.forEach(name -> nameKeys.put(name, SubjectNames.key(name)));
                    return subjects.registeredNames(tx, usccs)
                            .chain(names -> subjects.usccsByNameKey(tx, new LinkedHashSet<>(nameKeys.values()))
                                    .map(byName -> IngestionPolicies.duplicateCodePolicy(kept, names, byName, nameKeys))
                                    .chain(nameFlags -> subjects.registerAll(tx, newSubjects(kept, names.keySet()))
                                            .chain(() -> subjects.ids(tx, usccs, naturalPersons(kept)))
                                            .map(ids -> upserts(reckoned.writes(), ids))
                                            .chain(upserts -> records.upsertAll(tx, upserts))
                                            .map(written -> new Outcomes(written, reckoned.timeliness(), nameFlags, reckoned.refusals()))));
                })
                .chain(outcomes -> finish(tx, batch, outcomes));
    }

    /** A row to write, with the report date and 双公示 timeliness the transaction worked out for it. */
    private record Reported(AcceptedRow row, LocalDate reportedOn, IngestionReportView.Timeliness timeliness) {
    }

    /** What the transaction decided per row. */
    private record Outcomes(Map<String, Boolean> written, Map<Integer, IngestionReportView.Timeliness> timeliness,
            List<IngestionPolicies.NameFlag> nameFlags, Map<Integer, List<FieldError>> refusals) {
    }

    private record Reckoned(List<Reported> writes, Map<Integer, IngestionReportView.Timeliness> timeliness,
            Map<Integer, List<FieldError>> refusals) {
    }

    /** Report dates (the row's, else the stored one, else today) and timeliness; rows decided after their first report are refused. */
    private Reckoned reckon(Batch batch, List<AcceptedRow> accepted, Map<String, LocalDate> stored) {
        List<Reported> writes = new ArrayList<>();
        Map<Integer, IngestionReportView.Timeliness> timeliness = new HashMap<>();
        Map<Integer, List<FieldError>> refusals = new HashMap<>();
        Map<Integer, IncomingRow> incoming = new HashMap<>();
        batch.parsed().rows().forEach(row -> incoming.put(row.number(), row));
        for (AcceptedRow row : accepted) {
            String key = RecordService.key(row.sourceDepartmentUscc(), row.sourceRecordId());
            LocalDate reportedOn = row.reportedOn() != null ? row.reportedOn() : stored.getOrDefault(key, batch.today());
            List<FieldError> errors = IngestionPolicies.decidedBeforeReportPolicy(row.decisionDate(), reportedOn,
                    incoming.get(row.number()).label("decisionDate")).errors();
            if (!errors.isEmpty()) {
                refusals.put(row.number(), errors);
                continue;
            }
            IngestionReportView.Timeliness due = IngestionPolicies.timelinessPolicy(row.category(), row.decisionDate(), reportedOn, calendar)
                    .orElse(null);
            if (due != null) {
                timeliness.put(row.number(), due);
            }
            writes.add(new Reported(row, reportedOn, due));
        }
        // Locks are taken in one order by every batch, so two batches sharing records cannot deadlock.
        writes.sort(Comparator.comparing((Reported w) -> w.row().sourceDepartmentUscc())
                .thenComparing(w -> w.row().sourceRecordId()));
        return new Reckoned(writes, timeliness, refusals);
    }

    private Uni<Written> finish(SqlConnection tx, Batch batch, Outcomes outcomes) {
        Report report = report(batch, outcomes);
        String body = serialise(report.view());
        Set<String> storedRows = report.storedRows();
        List<IngestionPolicies.NameFlag> storedFlags = outcomes.nameFlags().stream()
                .filter(flag -> storedRows.contains(RecordService.key(flag.row().sourceDepartmentUscc(), flag.row().sourceRecordId())))
                .toList();
        IngestionReportView view = report.view();
        IngestionRepository.BatchSummary summary = new IngestionRepository.BatchSummary(batch.id(), batch.consumerId(),
                view.format().toUpperCase(Locale.ROOT), view.template() == null ? null : batch.parsed().template().name(),
                view.encoding(), view.received(), view.created(), view.updated(), view.unchanged(), view.refused());
        Uni<Void> answer = batch.idempotencyKey().isEmpty() ? Uni.createFrom().voidItem()
                : repository.storeAnswer(tx, batch.consumerId(), batch.idempotencyKey().get(), 200, body);
        return repository.insertBatch(tx, summary)
                .chain(() -> repository.insertFlags(tx, batch.id(), storedFlags))
                .chain(() -> answer)
                .replaceWith(new Written(body, view, report.changedUsccs()));
    }

    private record Report(IngestionReportView view, Set<String> storedRows, Set<String> changedUsccs) {
    }

    private Report report(Batch batch, Outcomes outcomes) {
        Map<Integer, List<IngestionReportView.Flag>> nameFlags = new HashMap<>();
        outcomes.nameFlags().forEach(flag -> nameFlags.computeIfAbsent(flag.row().number(), n -> new ArrayList<>()).add(flag.toFlag()));
        List<IngestionReportView.Row> rows = new ArrayList<>();
        Set<String> storedRows = new LinkedHashSet<>();
        Set<String> changedUsccs = new LinkedHashSet<>();
        int[] counts = new int[IngestionReportView.Outcome.values().length];
        List<Received> received = new ArrayList<>();
        for (int i = 0; i < batch.checks().size(); i++) {
            received.add(new Received(batch.parsed().rows().get(i), batch.checks().get(i)));
        }
        for (Received each : received) {
            AcceptedRow row = each.check().accepted();
            List<FieldError> errors = row == null ? each.check().errors() : outcomes.refusals().getOrDefault(row.number(), List.of());
            IngestionReportView.Outcome outcome;
            List<IngestionReportView.Flag> flags = new ArrayList<>(each.check().flags());
            IngestionReportView.Timeliness due = null;
            if (!errors.isEmpty()) {
                outcome = IngestionReportView.Outcome.REFUSED;
            } else {
                String key = RecordService.key(row.sourceDepartmentUscc(), row.sourceRecordId());
                Boolean created = outcomes.written().get(key);
                outcome = created == null ? IngestionReportView.Outcome.UNCHANGED
                        : created ? IngestionReportView.Outcome.CREATED : IngestionReportView.Outcome.UPDATED;
                if (created != null) {
                    storedRows.add(key);
                    if (row.subject().uscc() != null) {
                        changedUsccs.add(row.subject().uscc());
                    }
                }
                due = outcomes.timeliness().get(row.number());
                flags.addAll(nameFlags.getOrDefault(row.number(), List.of()));
                if (due != null) {
                    flags.addAll(timelinessFlags(due));
                }
            }
            counts[outcome.ordinal()]++;
            String sourceRecordId = row != null ? row.sourceRecordId() : blankToNull(each.incoming().fields().sourceRecordId());
            rows.add(new IngestionReportView.Row(each.incoming().number(), sourceRecordId, outcome, errors, flags, due));
        }
        BatchReader.ParsedBatch parsed = batch.parsed();
        IngestionReportView view = new IngestionReportView(batch.id().toString(), parsed.format(),
                parsed.template() == null ? null : parsed.template().code(), parsed.encoding(), parsed.notices().isEmpty() ? null : parsed.notices(),
                rows.size(), counts[IngestionReportView.Outcome.CREATED.ordinal()], counts[IngestionReportView.Outcome.UPDATED.ordinal()],
                counts[IngestionReportView.Outcome.UNCHANGED.ordinal()], counts[IngestionReportView.Outcome.REFUSED.ordinal()], rows);
        return new Report(view, storedRows, changedUsccs);
    }

    private record Received(IncomingRow incoming, IngestionPolicies.Checked check) {
    }

    private static List<IngestionReportView.Flag> timelinessFlags(IngestionReportView.Timeliness due) {
        List<IngestionReportView.Flag> flags = new ArrayList<>();
        if (due.late()) {
            flags.add(new IngestionReportView.Flag("late", "reported after " + due.dueOn() + ", the 7th working day after the decision ("
                    + due.workingDaysToReport() + " working days)"));
        }
        if (!due.calendarCovered()) {
            flags.add(new IngestionReportView.Flag("calendar-year-not-loaded", "the working-day calendar has no announcement for a year "
                    + "between the decision and " + due.dueOn() + "; due date and lateness were reckoned on plain weekdays"));
        }
        return flags;
    }

    private static List<NewSubject> newSubjects(List<AcceptedRow> rows, Set<String> registered) {
        Map<String, NewSubject> parties = new LinkedHashMap<>();
        for (AcceptedRow row : rows) {
            NewSubject party = row.subject();
            if (party.uscc() == null || !registered.contains(party.uscc())) {
                parties.putIfAbsent(party.key(), party);
            }
        }
        return List.copyOf(parties.values());
    }

    private static List<byte[]> naturalPersons(List<AcceptedRow> rows) {
        return rows.stream().map(r -> r.subject().identityHash()).filter(h -> h != null).toList();
    }

    private List<RecordUpsert> upserts(List<Reported> writes, Map<String, Long> ids) {
        return writes.stream().map(w -> {
            AcceptedRow row = w.row();
            Long id = ids.get(row.subject().key());
            if (id == null) {
                throw new IllegalStateException("subject of row " + row.number() + " was neither found nor created");
            }
            IngestionReportView.Timeliness due = w.timeliness();
            return new RecordUpsert(id, row.category(), row.sourceDepartment(), row.sourceDepartmentUscc(), row.sourceRecordId(),
                    row.decisionNumber(), row.title(), row.decisionDate(), w.reportedOn(), row.content(), row.legalBasis(), row.severity(),
                    row.amount(), row.currency(), row.disclosureLevel(), row.publishedUntil(), row.revoked(), row.issuingAuthority(),
                    row.issuingAuthorityUscc(), row.legalRepresentative(), row.legalRepresentativeIdHash(), row.penaltyTypes(),
                    detailsJson(row.details()), due == null ? null : due.dueOn(), due == null ? null : due.workingDaysToReport(),
                    due == null ? null : due.late());
        }).toList();
    }

    private String detailsJson(Map<String, String> details) {
        return details.isEmpty() ? null : serialise(details);
    }

    private String serialise(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an ingestion report could not be serialised", e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

}
