package cn.opencredit.gateway.seed;

import java.time.OffsetDateTime;

/**
 * One generated row of {@code list_entry}. Enum names are the values the table's CHECK constraints allow.
 *
 * @param legalRepresentative set only on black-list entries of enterprises (责任追究)
 * @param expiresAt           null when the list keeps the subject until it is removed
 * @param removedAt           null while the subject is on the list; set together with the removal reason and note
 */
record ListEntryRow(long subjectId, ListType listType, Department authority, String reason, String legalBasis,
                    String legalRepresentative, OffsetDateTime includedAt, OffsetDateTime expiresAt,
                    OffsetDateTime removedAt, RemovalReason removalReason, String removalNote) {

    enum ListType {
        RED, BLACK, WATCH, ABNORMAL, DISHONEST_DEBTOR
    }

    enum RemovalReason {
        REPAIRED, EXPIRED, REVOKED, COURT_DECISION
    }
}
