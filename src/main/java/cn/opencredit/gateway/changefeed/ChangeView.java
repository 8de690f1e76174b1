package cn.opencredit.gateway.changefeed;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.opencredit.gateway.creditlist.ListEntryView;
import cn.opencredit.gateway.record.RecordView;
import cn.opencredit.gateway.subject.SubjectSummaryView;

/**
 * One change as a mirror applies it.
 *
 * @param data the public view of the row as it is now, absent when {@code op} is {@code unpublished}
 */
@Schema(name = "Change", description = "One change to a subject, credit record or list entry, at its position in the feed")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChangeView(
        @Schema(required = true, description = "Opaque position of this change; pass it as `after` to continue behind it",
                examples = "Y2hhbmdlczoxMDQ4NTc3") String position,
        @Schema(required = true) ChangeKind kind,
        @Schema(required = true) ChangeOperation op,
        @Schema(required = true, description = "The subject's USCC, or the record's or list entry's id", examples = "1048576") String id,
        @Schema(required = true, examples = "91410526MA9GQWXK0J") String subjectUscc,
        @Schema(required = true, description = "When the change was written") OffsetDateTime occurredAt,
        @Schema(oneOf = {SubjectSummaryView.class, RecordView.class, ListEntryView.class},
                description = "SubjectSummary, CreditRecord or ListEntry by `kind`: the row's public view when the page is read. "
                        + "A later change of the same row carries the same or a newer view, so applying the changes in order "
                        + "converges on the current public data") Object data) {
}
