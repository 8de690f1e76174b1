package cn.opencredit.gateway.profile;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.opencredit.gateway.evaluation.GradeSummary;
import cn.opencredit.gateway.creditlist.ListEntryView;
import cn.opencredit.gateway.creditlist.ListMembershipView;
import cn.opencredit.gateway.record.RecordView;
import cn.opencredit.gateway.shared.money.Money;
import cn.opencredit.gateway.subject.SubjectStatus;
import cn.opencredit.gateway.subject.SubjectType;

/** The public credit profile of one subject. */
@Schema(name = "SubjectProfile", description = "Basic registration data, current list memberships, the list history, public record counts and the latest public records")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProfileView(
        @Schema(examples = "91410526MA9GQWXK0J") String uscc,
        @Schema(examples = "滑县恒信农业发展有限公司") String name,
        SubjectType subjectType,
        @Schema(examples = "王建国") String legalRepresentative,
        @Schema(examples = "410526") String regionCode,
        @Schema(description = "GB/T 4754 industry section letter", examples = "A") String industrySection,
        LocalDate registeredOn,
        SubjectStatus status,
        Money registeredCapital,
        @Schema(examples = "河南省安阳市滑县道口镇文明路18号") String address,
        @JsonInclude(JsonInclude.Include.ALWAYS)
        @Schema(description = "Current memberships only: included, not removed, not expired") List<ListMembershipView> listMemberships,
        @JsonInclude(JsonInclude.Include.ALWAYS)
        @Schema(description = "Every list entry of the subject, newest inclusion first, removed and expired ones included with "
                + "their removal") List<ListEntryView> listHistory,
        @JsonInclude(JsonInclude.Include.ALWAYS)
        @Schema(description = "Number of public records per category code; categories without records are absent",
                examples = "{\"licence\": 4, \"penalty\": 1}") Map<String, Long> recordCounts,
        @JsonInclude(JsonInclude.Include.ALWAYS)
        @Schema(description = "The newest public records, newest first (at most " + ProfileService.LATEST_RECORDS + ")") List<RecordView> latestRecords,
        @Schema(description = "The public credit grade; absent while the subject has none (being evaluated, cancelled or revoked)")
        GradeSummary evaluation) {
}
