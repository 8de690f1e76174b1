package cn.opencredit.gateway.creditlist;

import java.time.Instant;

/** When a list entry counts as a current membership. */
final class CreditListPolicies {

    private CreditListPolicies() {
    }

    /**
     * Included already, not removed, and not past its expiry: expired entries leave the list by
     * themselves, without anyone recording a removal.
     */
    static boolean currentMembership(Instant includedAt, Instant expiresAt, Instant removedAt, Instant now) {
        return !includedAt.isAfter(now) && removedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
