package cn.opencredit.gateway.subject;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subject as a search hit. */
@Schema(name = "SubjectSummary")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubjectSummaryView(
        @Schema(examples = "91410526MA9GQWXK0J") String uscc,
        @Schema(examples = "滑县恒信农业发展有限公司") String name,
        SubjectType subjectType,
        @Schema(description = "GB/T 2260 region code of the registering authority", examples = "410526") String regionCode,
        SubjectStatus status,
        LocalDate registeredOn) {
}
