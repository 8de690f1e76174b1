package cn.opencredit.gateway.access;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An API consumer: the aggregate root of its keys. Identity is the id assigned at creation. */
@Entity
@Table(name = "access_consumer")
class Consumer {

    @Id
    UUID id;

    @Column(nullable = false)
    String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "consumer_type", nullable = false)
    ConsumerType type;

    @Column(columnDefinition = "text[]", nullable = false)
    String[] scopes;

    @Column(nullable = false)
    String plan;

    @Column(name = "bound_uscc")
    String boundUscc;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    ConsumerStatus status;

    @Column(name = "created_at", nullable = false)
    OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    OffsetDateTime updatedAt;

    @Version
    int version;

    @OneToMany(mappedBy = "consumer", cascade = CascadeType.PERSIST)
    @OrderBy("createdAt")
    List<ApiKey> keys = new ArrayList<>();

    @Override
    public boolean equals(Object other) {
        return other instanceof Consumer that && id != null && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return Consumer.class.hashCode();
    }
}
