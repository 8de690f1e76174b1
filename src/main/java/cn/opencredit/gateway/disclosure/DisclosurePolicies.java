package cn.opencredit.gateway.disclosure;

import java.util.EnumSet;
import java.util.Set;

import cn.opencredit.gateway.record.RecordStatus;

/** Which records are disclosed. The repository turns these into the literal SQL the partial indexes of V009 match. */
final class DisclosurePolicies {

    /**
     * A record is disclosed with the same visibility as a subject's public records
     * (RecordPolicies.visible for the public audience): public level, one of these statuses, inside its publication
     * window. Disputed records stay disclosed and are marked; repaired and revoked ones are not.
     */
    static final Set<RecordStatus> DISCLOSED_STATUSES = EnumSet.of(RecordStatus.PUBLISHED, RecordStatus.DISPUTED, RecordStatus.CORRECTED);

    private DisclosurePolicies() {
    }
}
