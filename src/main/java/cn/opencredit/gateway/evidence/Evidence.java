package cn.opencredit.gateway.evidence;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A file a party to a case uploaded as evidence; immutable once stored. */
@Entity
@Table(name = "evidence")
class Evidence {

    @Id
    UUID id;

    @Column(name = "uploaded_by", nullable = false)
    UUID uploadedBy;

    @Column(name = "uploader_uscc")
    String uploaderUscc;

    @Column(name = "media_type", nullable = false)
    String mediaType;

    @Column(name = "size_bytes", nullable = false)
    int sizeBytes;

    @Column(nullable = false)
    byte[] sha256;

    @Column(name = "file_name")
    String fileName;

    @Column(nullable = false)
    byte[] content;

    @Column(name = "uploaded_at", nullable = false)
    OffsetDateTime uploadedAt;
}
