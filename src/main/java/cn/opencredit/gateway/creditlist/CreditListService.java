package cn.opencredit.gateway.creditlist;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.paging.Page;
import cn.opencredit.gateway.shared.paging.PageRequest;
import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.time.ChinaTime;
import cn.opencredit.gateway.subject.SubjectParts;

/** Reads of red/black and other list entries: the public listing, one entry, and a subject's memberships and history. */
@ApplicationScoped
public class CreditListService {

    /** Memberships by list type, then newest inclusion first. */
    private static final Comparator<CreditListRepository.EntryRow> MEMBERSHIP_ORDER = Comparator
            .comparing((CreditListRepository.EntryRow row) -> row.type().name())
            .thenComparing(CreditListRepository.EntryRow::includedAt, Comparator.reverseOrder())
            .thenComparing(CreditListRepository.EntryRow::id, Comparator.reverseOrder());

    private final CreditListRepository repository;
    private final Clock clock;

    CreditListService(CreditListRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * The subject's current memberships and its whole list history, both from one read of its
     * entries (current is {@link ListEntryMapper#current} applied to each), as a part of a read of
     * the subject in one statement.
     */
    public SubjectParts.Part<ListStanding> standingPart(SubjectParts read) {
        Instant now = clock.instant();
        return read.add(CreditListRepository.historySql(read.subjectId()), CreditListRepository.HISTORY_ORDER,
                rows -> standing(CreditListRepository.toEntries(rows), now));
    }

    private static ListStanding standing(List<CreditListRepository.EntryRow> rows, Instant now) {
        return new ListStanding(
                rows.stream()
                        .filter(row -> ListEntryMapper.current(row, now))
                        .sorted(MEMBERSHIP_ORDER)
                        .map(ListEntryMapper::toMembership)
                        .toList(),
                rows.stream().map(row -> ListEntryMapper.toView(row, now)).toList());
    }

    /** How each of these lists changed per month over the last {@code months} months, this one included (China time). */
    public Uni<List<ListMonth>> monthly(List<ListType> types, int months) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate firstMonth = ChinaTime.today(clock).withDayOfMonth(1).minusMonths(months - 1L);
        return repository.monthly(types, firstMonth.atStartOfDay(ChinaTime.ZONE).toOffsetDateTime(), now);
    }

    /** One page of a list, newest inclusion first (ties by id, newest first). */
    public Uni<Page<ListEntryView>> list(ListEntryQuery query, String limit, String cursor) {
        Log.debugf("list %s", query);
        String fingerprint = query.fingerprint();
        PageRequest page = PageRequest.parse(limit, cursor, fingerprint, 2);
        Optional<CreditListRepository.Position> after = page.after(key -> new CreditListRepository.Position(
                OffsetDateTime.parse(key.get(0)), Long.parseLong(key.get(1))));
        OffsetDateTime now = OffsetDateTime.now(clock);
        return repository.page(query, after, now, page.fetchSize())
                .map(rows -> Page.of(rows, page, fingerprint, row -> List.of(row.includedAt().toString(), Long.toString(row.id())))
                        .map(row -> ListEntryMapper.toView(row, now.toInstant())));
    }

    /** The entry with this id on this list, or a 404 problem. */
    public Uni<ListEntryView> entry(ListType type, long id) {
        return repository.findEntry(type, id)
                .onItem().ifNull().failWith(() -> notFound(type, id))
                .map(row -> ListEntryMapper.toView(row, clock.instant()));
    }

    /**
     * The entries among {@code ids} by id, read in one statement (a change feed page names up to a
     * thousand); an id with no entry, deleted since it was named, is left out.
     */
    public Uni<Map<Long, ListEntryView>> entries(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return repository.findEntries(ids).map(rows -> {
            Instant now = clock.instant();
            Map<Long, ListEntryView> views = new HashMap<>();
            rows.forEach(row -> views.put(row.id(), ListEntryMapper.toView(row, now)));
            return views;
        });
    }

    static ProblemException notFound(ListType type, long id) {
        return new ProblemException(ProblemType.NOT_FOUND, "No " + type.code() + "-list entry with id " + id);
    }
}
