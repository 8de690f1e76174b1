package cn.opencredit.gateway.creditlist;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A subject's place on a list: the aggregate that inclusion creates and removal closes. Never
 * deleted; whether it is current is computed at read time (CreditListPolicies.currentMembership).
 */
@Entity
@Table(name = "list_entry")
class ListEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "subject_id", nullable = false)
    long subjectId;

    @Enumerated(EnumType.STRING)
    @Column(name = "list_type", nullable = false)
    ListType listType;

    @Column(nullable = false)
    String authority;

    @Column(name = "authority_uscc", nullable = false)
    String authorityUscc;

    @Column(nullable = false)
    String reason;

    @Column(name = "legal_basis")
    String legalBasis;

    @Column(name = "legal_representative")
    String legalRepresentative;

    @Column(name = "included_at", nullable = false)
    OffsetDateTime includedAt;

    @Column(name = "expires_at")
    OffsetDateTime expiresAt;

    @Column(name = "removed_at")
    OffsetDateTime removedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "removal_reason")
    RemovalReason removalReason;

    @Column(name = "removal_note")
    String removalNote;

    @Column(name = "created_at", nullable = false)
    OffsetDateTime createdAt;

    @Version
    int version;

    @Override
    public boolean equals(Object other) {
        return other instanceof ListEntry that && id != null && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return ListEntry.class.hashCode();
    }
}
