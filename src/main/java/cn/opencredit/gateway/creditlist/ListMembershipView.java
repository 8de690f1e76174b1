package cn.opencredit.gateway.creditlist;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subject's current place on a list. */
@Schema(name = "ListMembership", description = "A current (not removed, not expired) list entry of the subject")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ListMembershipView(
        @Schema(examples = "2048") String id,
        ListType listType,
        @Schema(examples = "滑县市场监督管理局") String authority,
        @Schema(examples = "11410526MB1C37623U") String authorityUscc,
        @Schema(examples = "守合同重信用企业") String reason,
        String legalBasis,
        OffsetDateTime includedAt,
        @Schema(description = "The entry leaves the list by itself after this instant; absent when open-ended") OffsetDateTime expiresAt) {
}
