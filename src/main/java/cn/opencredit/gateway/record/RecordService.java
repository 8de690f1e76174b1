package cn.opencredit.gateway.record;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Singleton;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

import cn.opencredit.gateway.shared.cache.CachedJson;
import cn.opencredit.gateway.shared.cache.ReadThroughCache;
import cn.opencredit.gateway.shared.paging.Page;
import cn.opencredit.gateway.shared.paging.PageRequest;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.time.ChinaTime;
import cn.opencredit.gateway.shared.uscc.Uscc;
import cn.opencredit.gateway.subject.SubjectParts;
import cn.opencredit.gateway.subject.SubjectService;

/** A subject's credit records, as the audience of the caller sees them. */
@Singleton
public class RecordService {

    private final RecordRepository repository;
    private final RecordWriteRepository writes;
    private final SubjectService subjects;
    private final ReadThroughCache cache;
    private final Clock clock;

    RecordService(RecordRepository repository, RecordWriteRepository writes, SubjectService subjects, ReadThroughCache cache, Clock clock) {
        this.repository = repository;
        this.writes = writes;
        this.subjects = subjects;
        this.cache = cache;
        this.clock = clock;
    }

    /** The audience a caller reads this subject's records as (see {@link RecordPolicies#audience}). */
    public RecordAudience audienceOf(ApiClient caller, Uscc uscc) {
        return caller == null ? RecordAudience.PUBLIC : RecordPolicies.audience(caller.type(), caller.boundUscc(), uscc.value());
    }

    /**
     * One page of the records the audience may see, as cached JSON, newest first; a 404 problem
     * when no subject has this USCC. Parameters are checked before the cache is asked.
     */
    public Uni<CachedJson> records(Uscc uscc, RecordAudience audience, Optional<RecordCategory> category, String limit, String cursor) {
        Log.debugf("records uscc=%s audience=%s category=%s", uscc, audience, category);
        String query = "records|" + uscc.value() + "|" + category.map(Enum::name).orElse("");
        PageRequest page = PageRequest.parse(limit, cursor, query, 2);
        Optional<List<String>> after = page.after(key -> List.of(LocalDate.parse(key.get(0)).toString(), Long.toString(Long.parseLong(key.get(1)))));
        String answer = "records:" + category.map(RecordCategory::code).orElse("all") + ":" + page.limit() + ":" + (cursor == null ? "" : cursor);
        return cache.get(uscc.value(), answer, audience.code(), () -> subjects.requireId(uscc)
                        .chain(subjectId -> repository.findVisible(subjectId, audience, category, after, page.fetchSize(),
                                ChinaTime.today(clock)))
                        .map(rows -> Page.of(rows, page, query, r -> List.of(r.decisionDate().toString(), r.id()))))
                .invoke(cached -> {
                    if (!cached.found()) {
                        throw SubjectService.notFound(uscc);
                    }
                });
    }

    /**
     * Counts per category and the {@code latest} newest records the audience may see, for the
     * profile, as a part of a read of the subject in one statement.
     */
    public SubjectParts.Part<RecordSummary> visibleSummaryPart(SubjectParts read, RecordAudience audience, int latest) {
        return RecordRepository.summaryPart(read, audience, ChinaTime.today(clock), latest);
    }

    /**
     * The records of these categories the audience may see, with their payment and rating details,
     * at most {@code perCategory} of each, newest first (for a read under the subject's consent, and
     * the credit report), as a part of a read of the subject in one statement.
     */
    public SubjectParts.Part<List<DetailedRecord>> detailedPart(SubjectParts read, RecordAudience audience, Set<RecordCategory> categories,
            int perCategory) {
        return RecordRepository.detailedPart(read, audience, categories, perCategory, ChinaTime.today(clock));
    }

    /**
     * In the caller's transaction {@code tx}: the report date of each of these records that is
     * stored already, by {@link #key}, locked until the transaction ends.
     */
    public Uni<Map<String, LocalDate>> lockExisting(SqlConnection tx, List<String> departmentUsccs, List<String> sourceRecordIds) {
        return writes.lockExisting(tx, departmentUsccs, sourceRecordIds);
    }

    /** In the caller's transaction {@code tx}: the ids of these records that are stored, by {@link #key}. */
    public Uni<Map<String, Long>> ids(SqlConnection tx, List<String> departmentUsccs, List<String> sourceRecordIds) {
        return writes.ids(tx, departmentUsccs, sourceRecordIds);
    }

    /**
     * In the caller's transaction: inserts new records and updates those whose content changed
     * (version + 1); identical ones are not touched. A department's revocation wins; otherwise the
     * status the platform gave a record (disputed, repaired, corrected) stays. Answers {@link #key} →
     * true when created, false when updated; unchanged records are absent.
     */
    public Uni<Map<String, Boolean>> upsertAll(SqlConnection tx, List<RecordUpsert> records) {
        return records.isEmpty() ? Uni.createFrom().item(Map.of()) : writes.upsert(tx, records.stream().map(RecordService::withinLegalPeriod).toList());
    }

    /** Whatever the writer sent, a failing is stored with a publication end within the legal period ({@link PublicationPeriods}). */
    private static RecordUpsert withinLegalPeriod(RecordUpsert record) {
        LocalDate until = PublicationPeriods.window(record.severity(), record.decisionDate(), record.publishedUntil()).until();
        if (java.util.Objects.equals(until, record.publishedUntil())) {
            return record;
        }
        return new RecordUpsert(record.subjectId(), record.category(), record.sourceDepartment(), record.sourceDepartmentUscc(),
                record.sourceRecordId(), record.decisionNumber(), record.title(), record.decisionDate(), record.reportedOn(), record.content(),
                record.legalBasis(), record.severity(), record.amount(), record.currency(), record.disclosureLevel(), until, record.revoked(),
                record.issuingAuthority(), record.issuingAuthorityUscc(), record.legalRepresentative(), record.legalRepresentativeIdHash(),
                record.penaltyTypes(), record.detailsJson(), record.dueOn(), record.workingDaysToReport(), record.late());
    }

    /** What identifies a record: its data source and the source's own id. */
    public static String key(String departmentUscc, String sourceRecordId) {
        return departmentUscc + RecordWriteRepository.LIST_SEPARATOR + sourceRecordId;
    }
}
