package cn.opencredit.gateway.evidence;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A stored evidence file, as the cases that cite it refer to it. */
@Schema(name = "Evidence")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvidenceView(
        @Schema(required = true, description = "Cite it in a case by this id") UUID id,
        @Schema(required = true, enumeration = {"application/pdf", "image/jpeg", "image/png"}) String mediaType,
        @Schema(required = true, examples = "184320") int sizeBytes,
        @Schema(required = true, description = "SHA-256 of the file, hex", examples = "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b")
        String sha256,
        @Schema(description = "The name the uploader gave (X-File-Name)", examples = "罚款缴纳凭证.pdf") String fileName,
        @Schema(required = true) OffsetDateTime uploadedAt) {
}
