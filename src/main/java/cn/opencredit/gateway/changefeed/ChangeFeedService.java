package cn.opencredit.gateway.changefeed;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.creditlist.CreditListService;
import cn.opencredit.gateway.creditlist.ListEntryView;
import cn.opencredit.gateway.shared.time.ChinaTime;

/**
 * The change feed: every change a public:read consumer may see, in the order the sequencer
 * numbered them (commit order), each at exactly one position. Changes carry the public view of
 * their row as it is when the page is read, so whatever a mirror receives is publishable now.
 */
@ApplicationScoped
public class ChangeFeedService {

    private final ChangeFeedRepository repository;
    private final ChangeFeedSequencer sequencer;
    private final CreditListService lists;
    private final Clock clock;

    ChangeFeedService(ChangeFeedRepository repository, ChangeFeedSequencer sequencer, CreditListService lists, Clock clock) {
        this.repository = repository;
        this.sequencer = sequencer;
        this.lists = lists;
        this.clock = clock;
    }

    /** The changes after the cursor {@code after} (from the start when absent), at most {@code limit} of them. */
    public Uni<ChangePage> changes(String after, String limit) {
        ChangeFeedRequest request = ChangeFeedRequest.parse(after, limit);
        Log.debugf("changes after %d limit %d", request.after().position(), request.limit());
        return sequencer.sequenceOnce()
                .chain(() -> repository.page(request.after().position(), request.limit()))
                .chain(this::render)
                .map(items -> new ChangePage(items, items.isEmpty() ? request.after().encode() : items.getLast().position()));
    }

    /** List entries are read in one statement for the page; the list capability decides what of each is public. */
    private Uni<List<ChangeView>> render(List<ChangeFeedRepository.StoredChange> changes) {
        LocalDate today = ChinaTime.today(clock);
        List<Long> entryIds = changes.stream().filter(c -> c.listType() != null).map(ChangeFeedRepository.StoredChange::entityId).toList();
        return lists.entries(entryIds).map(entries -> changes.stream().map(c -> toView(c, today, entries)).toList());
    }

    private static ChangeView toView(ChangeFeedRepository.StoredChange change, LocalDate today, Map<Long, ListEntryView> entries) {
        Object data = switch (change.kind()) {
            case SUBJECT -> change.subject();
            case RECORD -> change.record() != null && ChangeFeedPolicies.recordShownPolicy(change.disclosureLevel(),
                    change.record().status(), change.record().publishedUntil(), today) ? change.record() : null;
            case LIST_ENTRY -> entries.get(change.entityId());
        };
        ChangeOperation op = ChangeFeedPolicies.operationPolicy(change.operation(), data != null);
        String id = change.kind() == ChangeKind.SUBJECT ? change.subjectUscc() : Long.toString(change.entityId());
        return new ChangeView(new ChangeCursor(change.position()).encode(), change.kind(), op, id, change.subjectUscc(),
                change.occurredAt(), op == ChangeOperation.UNPUBLISHED ? null : data);
    }
}
