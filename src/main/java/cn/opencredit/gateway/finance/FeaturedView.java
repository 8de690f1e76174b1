package cn.opencredit.gateway.finance;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.opencredit.gateway.evaluation.Grade;

/** An enterprise in the featured feed: opted in, graded 优 (or 良 where configured), active. */
@Schema(name = "FeaturedEnterprise")
public record FeaturedView(
        @Schema(required = true, examples = "91659001MA00000152") String uscc,
        @Schema(required = true, examples = "石河子恒通物流有限公司") String name,
        @Schema(required = true, description = "GB/T 2260 region code", examples = "659001") String regionCode,
        @Schema(nullable = true, description = "GB/T 4754 section", examples = "G") String industrySection,
        @Schema(required = true, enumeration = {"A", "B"}) Grade grade,
        @Schema(required = true, examples = "优") String gradeZh,
        @Schema(required = true, description = "The public credit evaluation's score, 0 to 1000, shown because the enterprise opted in",
                examples = "912") int score,
        @Schema(required = true, examples = "2026-12-01T09:30:00+08:00") OffsetDateTime optedInAt) {
}
