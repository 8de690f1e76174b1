package cn.opencredit.gateway.repair;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.creditlist.CreditListService;
import cn.opencredit.gateway.creditlist.ListEntryService;
import cn.opencredit.gateway.creditlist.ListType;
import cn.opencredit.gateway.creditlist.RemovalReason;
import cn.opencredit.gateway.creditlist.RemovalRequest;
import cn.opencredit.gateway.record.RecordChanges;
import cn.opencredit.gateway.record.RecordStatus;
import cn.opencredit.gateway.record.WorkflowRecord;
import cn.opencredit.gateway.shared.cache.SubjectDataVersions;
import cn.opencredit.gateway.shared.problem.Verdict;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.time.ChinaTime;
import cn.opencredit.gateway.shared.time.WorkdayCalendar;
import cn.opencredit.gateway.timeline.TimelineService;
import cn.opencredit.gateway.timeline.Transition;

/**
 * What ends a repair application and what ends publication. The authority's decision: approval
 * ends publication, sharing and use of the failing together (办法第三条): the record becomes
 * repaired as a new version in the decision's transaction, so its triggers carry the change to the
 * history, the change feed and the evaluation's queue, and the black-list entry the application
 * named is removed (reason repaired) by the list capability in the same transaction; the subject's
 * cached answers are invalidated once it has committed. And the daily end of publication at the
 * longest period, without an application.
 */
@ApplicationScoped
public class RepairDecisionService {

    private final RepairRepository repository;
    private final RepairService applications;
    private final RecordChanges records;
    private final CreditListService lists;
    private final ListEntryService listEntries;
    private final TimelineService timeline;
    private final SubjectDataVersions versions;
    private final WorkdayCalendar calendar;
    private final RepairConfig config;
    private final Clock clock;

    RepairDecisionService(RepairRepository repository, RepairService applications, RecordChanges records, CreditListService lists,
            ListEntryService listEntries, TimelineService timeline, SubjectDataVersions versions, WorkdayCalendar calendar, RepairConfig config,
            Clock clock) {
        this.repository = repository;
        this.applications = applications;
        this.records = records;
        this.lists = lists;
        this.listEntries = listEntries;
        this.timeline = timeline;
        this.versions = versions;
        this.calendar = calendar;
        this.config = config;
        this.clock = clock;
    }

    /**
     * The deciding authority (or an operator) approves or rejects, on the version last read. An
     * approval finds the record still published (an objection filed or the period ended since is
     * 409, nothing changed).
     */
    public Uni<RepairView> decide(long id, RepairDecisionRequest request, ApiClient decider) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = ChinaTime.today(clock);
        return Panache.withTransaction(() -> repository.findForUpdate(id).chain(application -> {
            if (application == null) {
                throw RepairService.notFound(id);
            }
            RepairPolicies.deciderPolicy(decider, application.departmentUscc).orThrow();
            RepairPolicies.openPolicy(application, request.version()).orThrow();
            RepairState before = application.state;
            application.state = request.outcome() == RepairDecisionRequest.Outcome.APPROVED ? RepairState.APPROVED : RepairState.REJECTED;
            application.decidedAt = now;
            application.decidedBy = decider.consumerId();
            application.decisionReason = request.reason().strip();
            application.handlingWorkingDays = RepairPolicies.handlingWorkingDays(calendar, ChinaTime.inChina(application.submittedAt)
                    .toLocalDate(), today);
            Uni<Boolean> effects = application.state == RepairState.APPROVED ? repair(application, decider, today)
                    : Uni.createFrom().item(false);
            return effects.call(() -> timeline.append(RepairService.transition(application, application.state == RepairState.APPROVED
                            ? "approved" : "rejected", before, decider.type(), decider.consumerId(), decider.boundUscc(),
                            application.decisionReason, now)))
                    .call(() -> repository.flush())
                    .map(changed -> new Decided(application, changed));
        })).call(decided -> decided.recordChanged() ? versions.subjectChanged(decided.application().subjectUscc) : Uni.createFrom().voidItem())
                .chain(decided -> applications.view(decided.application(), true));
    }

    private record Decided(RepairApplication application, boolean recordChanged) {
    }

    /** Ends the record's publication and the black-list entry the application named, if it is still current. */
    private Uni<Boolean> repair(RepairApplication application, ApiClient decider, LocalDate today) {
        return records.lock(application.recordId).chain(found -> {
            WorkflowRecord record = found.orElseThrow(() -> RepairService.recordNotFound(application.recordId));
            if (!RepairPolicies.published(record, today)) {
                Verdict.rejected(record.status() == RecordStatus.DISPUTED ? RepairRejection.UNDER_OBJECTION : RepairRejection.NOT_PUBLISHED,
                        "Record " + record.id() + " is " + (record.status() == RecordStatus.DISPUTED ? "under objection" : "no longer published")
                                + " since the application was made; decide the objection first, or reject").orThrow();
            }
            return records.setStatus(record.id(), RecordStatus.REPAIRED)
                    .call(() -> application.listEntryId == null ? Uni.createFrom().voidItem() : removeFromBlackList(application, decider))
                    .replaceWith(true);
        });
    }

    private Uni<Void> removeFromBlackList(RepairApplication application, ApiClient decider) {
        return lists.entry(ListType.BLACK, application.listEntryId).chain(entry -> entry.current()
                ? listEntries.remove(ListType.BLACK, application.listEntryId, new RemovalRequest(RemovalReason.REPAIRED,
                        "信用修复申请 " + application.id + "：" + application.decisionReason), decider).replaceWithVoid()
                : Uni.createFrom().voidItem());
    }

    /**
     * Ends, once a day, the publication of every record whose longest period is over (办法: at the
     * longest period publication ends by itself, without an application), and closes the open
     * applications for them. Replicas may run it at once: each batch is a conditional update that
     * skips rows another run holds.
     */
    @Scheduled(cron = "${opencredit.repair.publication-end-cron:0 10 0 * * ?}", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> endPublicationsDaily() {
        return endPublications().invoke(ended -> Log.infof("Publication ended by itself for %d records", ended))
                .onFailure().invoke(e -> Log.warnf("Ending publications failed; the next run catches up: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Ends every publication due today, batch by batch; answers how many records it ended. */
    Uni<Integer> endPublications() {
        return endBatch(ChinaTime.today(clock), 0);
    }

    private Uni<Integer> endBatch(LocalDate today, int endedBefore) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int batch = config.publicationEndBatch();
        return Panache.withTransaction(() -> records.endExpiredPublications(today, batch)
                        .call(ended -> closeApplications(ended.stream().map(RecordChanges.EndedPublication::recordId).toList(), now)))
                .call(ended -> announce(ended.stream().map(RecordChanges.EndedPublication::subjectUscc).toList()))
                .chain(ended -> ended.size() < batch ? Uni.createFrom().item(endedBefore + ended.size())
                        : endBatch(today, endedBefore + ended.size()));
    }

    private Uni<Void> closeApplications(List<Long> recordIds, OffsetDateTime now) {
        return repository.openFor(recordIds).chain(open -> {
            if (open.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            // One after the other: the transaction's session takes one statement at a time.
            Uni<Void> events = Uni.createFrom().voidItem();
            for (RepairApplication application : open) {
                application.state = RepairState.PUBLICATION_ENDED;
                application.decidedAt = now;
                application.decisionReason = "公示期满，失信信息已自动停止公示";
                Transition ended = RepairService.transition(application, "publication-ended", RepairState.SUBMITTED, Transition.SYSTEM, null,
                        null, application.decisionReason, now);
                events = events.call(() -> timeline.append(ended));
            }
            return events;
        });
    }

    private Uni<Void> announce(List<String> usccs) {
        Set<String> distinct = new LinkedHashSet<>(usccs);
        if (distinct.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(distinct.stream().map(versions::subjectChanged).toList()).andFailFast().replaceWithVoid();
    }
}
