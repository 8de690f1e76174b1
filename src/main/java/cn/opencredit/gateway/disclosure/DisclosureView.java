package cn.opencredit.gateway.disclosure;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.opencredit.gateway.record.RecordView;

/** One disclosed administrative action: who it concerns and the record as the public sees it. */
@Schema(name = "Disclosure", description = "A public administrative-action record (双公示 and the others) with the subject it concerns")
public record DisclosureView(@Schema(required = true) Subject subject,
        @Schema(required = true, description = "`disputed` is true while an objection against it is under review") RecordView record) {

    @Schema(name = "DisclosureSubject")
    public record Subject(@Schema(examples = "91410526MA9GQWXK0J") String uscc, @Schema(examples = "滑县恒信农业发展有限公司") String name,
            @Schema(examples = "410526") String regionCode) {
    }
}
