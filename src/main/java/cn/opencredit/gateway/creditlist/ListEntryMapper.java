package cn.opencredit.gateway.creditlist;

import java.time.Instant;
import java.time.OffsetDateTime;

/** Stored entry → public view; the one place that decides what of an entry is published. */
final class ListEntryMapper {

    private ListEntryMapper() {
    }

    static ListEntryView toView(CreditListRepository.EntryRow row, Instant now) {
        boolean current = CreditListPolicies.currentMembership(row.includedAt().toInstant(), instant(row.expiresAt()),
                instant(row.removedAt()), now);
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
