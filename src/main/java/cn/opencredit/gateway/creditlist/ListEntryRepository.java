package cn.opencredit.gateway.creditlist;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.subject.SubjectType;

/** List entries as aggregates, through Hibernate Reactive: the inclusion and removal workflows. */
@ApplicationScoped
class ListEntryRepository implements PanacheRepositoryBase<ListEntry, Long> {

    /** What the inclusion rules need to know about the subject. */
    record ListedSubject(long id, String name, SubjectType type, Optional<String> legalRepresentative) {
    }

    /**
     * The subject with this USCC, or null. Its row stays locked until the transaction ends, so
     * inclusions for one subject take turns and the duplicate check cannot race. FOR NO KEY UPDATE
     * still lets other transactions insert rows that reference the subject, such as its records.
     */
    Uni<ListedSubject> lockSubject(String uscc) {
        return getSession().chain(session -> session.createNativeQuery("""
                                SELECT id, name, subject_type, legal_representative FROM subject WHERE uscc = :uscc FOR NO KEY UPDATE""",
                        Object[].class)
                .setParameter("uscc", uscc)
                .getSingleResultOrNull())
                .map(row -> row == null ? null : new ListedSubject(((Number) row[0]).longValue(), (String) row[1],
                        SubjectType.valueOf((String) row[2]), Optional.ofNullable((String) row[3]).filter(name -> !name.isBlank())));
    }

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
