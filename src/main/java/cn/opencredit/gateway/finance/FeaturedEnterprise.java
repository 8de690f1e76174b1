package cn.opencredit.gateway.finance;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An enterprise's choice to be in the featured feed banks read: in since {@code optedInAt} unless opted out since. */
@Entity
@Table(name = "finance_featured")
class FeaturedEnterprise {

    @Id
    @Column(name = "subject_id")
    Long subjectId;

    @Column(name = "opted_in_at", nullable = false)
    OffsetDateTime optedInAt;

    @Column(name = "opted_out_at")
    OffsetDateTime optedOutAt;

    @Version
    int version;

    boolean optedIn() {
        return optedOutAt == null;
    }
}
