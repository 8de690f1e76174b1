package cn.opencredit.gateway.sampling;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A department's 双随机 plan: whom to draw from, how many per grade, and the seed. Codes, numbers
 * and texts are checked by the service, so that one answer names every bad field.
 */
@Schema(name = "InspectionPlanRequest")
public record InspectionPlanRequest(
        @Schema(required = true, maxLength = SamplingForms.MAX_TITLE_LENGTH, examples = "2026年第四季度食品生产企业双随机抽查")
        String title,
        @Schema(description = "USCC of the department that inspects and reports the results. A department consumer draws for itself: "
                + "absent, it is its bound USCC, and it may name no other. Required for operators",
                examples = "11659001MB0000019Q") String departmentUscc,
        @Schema(required = true, maxLength = SamplingForms.MAX_NAME_LENGTH, description = "数据来源单位 of the inspection records",
                examples = "石河子市市场监督管理局") String departmentName,
        @Schema(description = "What is inspected; A-grade subjects (\"非请勿扰\") are drawn only in the four key sectors. Default general",
                enumeration = {"general", "food", "drugs-and-vaccines", "special-equipment", "hazardous-chemicals"}, examples = "food")
        String sector,
        @Schema(description = "2, 4 or 6 digits of a GB/T 2260 region code; subjects whose region starts with it. A department draws "
                + "within its own region (its USCC's region code without trailing 00 pairs), which is also the default; operators "
                + "anywhere, everywhere when absent", pattern = "^([0-9]{2}|[0-9]{4}|[0-9]{6})$", examples = "659001") String region,
        @Schema(description = "GB/T 4754 industry sections (A to T), any of them; absent or empty: every industry",
                maxItems = SamplingForms.MAX_LIST_ITEMS, examples = "[\"C\", \"F\"]") List<String> industries,
        @Schema(description = "Subject types, any of them; absent or empty: every type but natural persons (who have no USCC and no grade)",
                maxItems = SamplingForms.MAX_LIST_ITEMS, examples = "[\"enterprise\", \"individual-business\"]") List<String> subjectTypes,
        @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "36", defaultValue = "0",
                description = "Leave out subjects with an inspection record decided in the last this many months (by any department)",
                examples = "6") BigDecimal excludeInspectedWithinMonths,
        @Schema(description = "Sample size per grade (A, B, C, D): a ratio of the grade's population or a size, not both. Grades not "
                + "named take the sampling ratio of the scoring model in force") Map<String, GradeSize> perGrade,
        @Schema(description = "The random seed, 1 to 64 printable ASCII characters; absent, the gateway generates 32 hex characters. "
                + "Published with the plan: anyone can re-run the draw", maxLength = SamplingForms.MAX_SEED_LENGTH,
                examples = "2026Q4-food-659001") String seed) {

    /** How many of one grade to draw. */
    @Schema(name = "InspectionPlanGradeSize", description = "Either ratio or size")
    public record GradeSize(
            @Schema(minimum = "0", maximum = "1", description = "Share of the grade's population, 0 to 1; the sample is "
                    + "ceil(ratio × population)", examples = "0.05") BigDecimal ratio,
            @Schema(type = SchemaType.INTEGER, minimum = "0", description = "Number of subjects to draw (all of them when fewer)",
                    examples = "10") BigDecimal size) {
    }
}
