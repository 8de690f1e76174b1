package cn.opencredit.gateway.evaluation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.web.ApiCode;

/**
 * A subject's public credit evaluation. Everyone sees the grade, its supervision class, when and
 * under which model it was made; the subject itself and departments also see the score and every
 * contribution to it ({@code detail: full}).
 */
@Schema(name = "Evaluation", description = "公共信用综合评价 of one subject")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvaluationView(
        @Schema(required = true, examples = "91659001MA00000152") String uscc,
        @Schema(required = true, examples = "石河子恒通物流有限公司") String name,
        @Schema(required = true, description = "evaluated; not-evaluated (the subject is cancelled or revoked: no grade); pending "
                + "(registered moments ago, evaluated within seconds)") State state,
        @Schema(required = true, description = "summary for the public; full, with the score and its contributions, for the subject "
                + "itself and departments") Detail detail,
        @Schema(description = "A (优), B (良), C (中) or D (差)", enumeration = {"A", "B", "C", "D"}) Grade grade,
        @Schema(examples = "良") String gradeZh,
        @Schema(description = "How closely departments supervise the subject", enumeration = {"trusted", "general", "focused", "strict"})
        SupervisionClass supervisionClass,
        @Schema(examples = "一般监管") String supervisionClassZh,
        @Schema(description = "Why there is no grade: the subject's status", examples = "cancelled") String notEvaluated,
        @Schema(description = "The day ages and publication periods were counted to", examples = "2026-12-04") LocalDate asOf,
        @Schema(examples = "2026-12-04T10:15:30.123+08:00") OffsetDateTime evaluatedAt,
        @Schema(examples = "2026.1") String modelVersion,
        @Schema(description = "0–1000; full detail only", examples = "720") Integer score,
        @Schema(description = "The model's starting score; base + the points counted = score. Full detail only", examples = "700")
        Integer base,
        @Schema(description = "Every reason for the score; full detail only") List<Contribution> contributions,
        @Schema(required = true, description = "One sentence an app can show",
                examples = "公共信用综合评价等级为良（B），一般监管") String summaryZh) {

    public enum State implements ApiCode {
        EVALUATED, NOT_EVALUATED, PENDING;

        @JsonValue
        @Override
        public String code() {
            return ApiCode.super.code();
        }
    }

    public enum Detail implements ApiCode {
        SUMMARY, FULL;

        @JsonValue
        @Override
        public String code() {
            return ApiCode.super.code();
        }
    }
}
