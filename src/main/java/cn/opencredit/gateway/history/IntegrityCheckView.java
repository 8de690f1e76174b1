package cn.opencredit.gateway.history;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.opencredit.gateway.shared.web.ApiCode;

/**
 * An integrity check run in the background, with its progress while it runs and its result once done.
 *
 * @param result present once the check has finished
 * @param failure why a failed check stopped
 */
@Schema(name = "IntegrityCheck")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntegrityCheckView(@Schema(required = true) UUID id, @Schema(required = true) State state, @Schema(required = true) Phase phase,
        @Schema(required = true) OffsetDateTime requestedAt, OffsetDateTime finishedAt, @Schema(required = true) Progress progress,
        IntegrityView result, String failure) {

    public enum State implements ApiCode {
        RUNNING,
        FINISHED,
        FAILED,
        /** The replica running it stopped reporting (it was stopped or died); start another. */
        ABANDONED;

        @JsonValue
        @Override
        public String code() {
            return ApiCode.super.code();
        }
    }

    public enum Phase implements ApiCode {
        CHAIN,
        TABLES,
        DONE;

        @JsonValue
        @Override
        public String code() {
            return ApiCode.super.code();
        }
    }

    /**
     * @param fraction      work done of all: history entries recomputed plus rows compared, 0 to 1
     * @param perSecond     entries and rows a second so far
     * @param etaSeconds    at that rate, until done; absent when finished or not measurable yet
     */
    @Schema(name = "IntegrityCheckProgress")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Progress(@Schema(required = true) long entriesVerified, @Schema(required = true) long entriesTotal,
            @Schema(required = true) long checkpointsVerified, @Schema(required = true) long checkpointsTotal,
            @Schema(required = true) long rowsChecked, @Schema(required = true) long rowsTotal, @Schema(required = true) int findings,
            @Schema(required = true) double fraction, @Schema(required = true) double perSecond, Long etaSeconds) {
    }
}
