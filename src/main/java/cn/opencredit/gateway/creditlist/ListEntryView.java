package cn.opencredit.gateway.creditlist;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A list entry as the public sees it, current or not. */
@Schema(name = "ListEntry", description = "One inclusion of a subject in a list, with its removal if there was one")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ListEntryView(
        @Schema(examples = "2048") String id,
        ListType listType,
        @Schema(examples = "91410526MA9GQWXK0J") String subjectUscc,
        @Schema(examples = "滑县恒信农业发展有限公司") String subjectName,
        @Schema(examples = "滑县市场监督管理局") String authority,
        @Schema(examples = "11410526MB1C37623U") String authorityUscc,
        @Schema(examples = "拒不履行行政处罚决定，情节严重") String reason,
        String legalBasis,
        @Schema(description = "Black list only, and only while the entry is current (责任追究); the name of a natural person "
                + "stops being published with the entry", examples = "王建国") String legalRepresentative,
        OffsetDateTime includedAt,
        @Schema(description = "The entry leaves the list by itself at this instant; absent when open-ended") OffsetDateTime expiresAt,
        @JsonInclude(JsonInclude.Include.ALWAYS)
        @Schema(description = "Included, not removed and not expired at the time of the answer") boolean current,
        @Schema(description = "Absent unless the authority removed the entry") Removal removal) {

    /** Names a page of entries in the OpenAPI document, where a generic page has no name of its own. */
    @Schema(name = "ListEntryPage")
    record Page(@Schema(required = true) List<ListEntryView> items,
            @Schema(required = true, nullable = true, description = "Opaque; pass as `cursor` for the next page, null on the last page")
            String nextCursor) {
    }

    /** The recorded end of an entry; an entry that merely expired has none. */
    @Schema(name = "ListEntryRemoval")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Removal(OffsetDateTime removedAt, RemovalReason reason, String note) {
    }
}
