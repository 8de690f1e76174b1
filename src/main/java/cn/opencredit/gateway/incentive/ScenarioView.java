package cn.opencredit.gateway.incentive;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One scenario of the 信易+ catalogue. */
@Schema(name = "IncentiveScenario")
public record ScenarioView(
        @Schema(examples = "library-deposit-waiver") String code,
        @Schema(examples = "信易阅") String name,
        @Schema(examples = "石河子市图书馆") String provider,
        List<String> subjectKinds,
        @Schema(examples = "免押金借阅图书, 最多 10 册") String benefit,
        LocalDate validFrom,
        @Schema(nullable = true) LocalDate validUntil,
        List<Condition> conditions,
        int version) {
}
