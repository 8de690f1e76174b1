package cn.opencredit.gateway.creditlist;

import java.time.Instant;
import java.time.OffsetDateTime;

/** Stored entry → public view; the one place that decides what of an entry is published. */
final class ListEntryMapper {

    private ListEntryMapper() {
    }

    /** Whether the entry puts its subject on the list at {@code now} ({@link CreditListPolicies#currentMembership}). */
    static boolean current(CreditListRepository.EntryRow row, Instant now) {
        return CreditListPolicies.currentMembership(row.includedAt().toInstant(), instant(row.expiresAt()), instant(row.removedAt()), now);
    }

    static ListEntryView toView(CreditListRepository.EntryRow row, Instant now) {
        boolean current = current(row, now);
        String legalRepresentative = CreditListPolicies.legalRepresentativeShownPolicy(row.type(), current) ? row.legalRepresentative() : null;
        ListEntryView.Removal removal = row.removedAt() == null ? null
                : new ListEntryView.Removal(row.removedAt(), row.removalReason(), row.removalNote());
        return new ListEntryView(Long.toString(row.id()), row.type(), row.subjectUscc(), row.subjectName(), row.authority(),
                row.authorityUscc(), row.reason(), row.legalBasis(), legalRepresentative, row.includedAt(), row.expiresAt(), current,
                removal);
    }

    static ListMembershipView toMembership(CreditListRepository.EntryRow row) {
        return new ListMembershipView(Long.toString(row.id()), row.type(), row.authority(), row.authorityUscc(), row.reason(),
                row.legalBasis(), row.includedAt(), row.expiresAt());
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
