package cn.opencredit.gateway.creditlist;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** List entries as aggregates, through Hibernate Reactive: the inclusion and removal workflows. */
@ApplicationScoped
class ListEntryRepository implements PanacheRepositoryBase<ListEntry, Long> {

    /** The authority's entries of this list for the subject that were never removed; expired ones included. */
    Uni<List<ListEntry>> findNotRemoved(long subjectId, ListType type, String authorityUscc) {
        return list("subjectId = ?1 and listType = ?2 and authorityUscc = ?3 and removedAt is null order by includedAt desc, id desc",
                subjectId, type, authorityUscc);
    }

    /** The entry, locked for the rest of the transaction so that two removals cannot both see it open. */
    Uni<ListEntry> findForUpdate(long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
