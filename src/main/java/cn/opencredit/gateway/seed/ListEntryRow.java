package cn.opencredit.gateway.seed;

import java.time.OffsetDateTime;

import cn.opencredit.gateway.creditlist.ListType;
import cn.opencredit.gateway.creditlist.RemovalReason;

/**
 * One generated row of {@code list_entry}, with the credit-list capability's own enums: the table
 * stores their constant names.
 *
 * @param legalRepresentative set only on black-list entries of enterprises (责任追究)
 * @param expiresAt           null when the list keeps the subject until it is removed
 * @param removedAt           null while the subject is on the list; set together with the removal reason and note
 */
record ListEntryRow(long subjectId, ListType listType, Department authority, String reason, String legalBasis,
                    String legalRepresentative, OffsetDateTime includedAt, OffsetDateTime expiresAt,
                    OffsetDateTime removedAt, RemovalReason removalReason, String removalNote) {
}
