package cn.opencredit.gateway.history;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The outcome of walking the history chain.
 *
 * @param verified   entries whose hash was recomputed and matched, in order from the first
 * @param head       the chain's recorded end when the walk started; record it elsewhere to detect a rewrite of the whole chain later
 * @param brokenLink the first link that does not hold, absent when the chain is intact
 */
@Schema(name = "Integrity", description = "Result of recomputing the tamper-evident history's hash chain")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntegrityView(@Schema(required = true) long verified, @Schema(required = true) boolean intact, @Schema(required = true) Head head,
        BrokenLink brokenLink) {

    @Schema(name = "HistoryHead")
    public record Head(@Schema(examples = "5242880") long sequence,
            @Schema(description = "SHA-256, hex", examples = "9f2c1a0d3b4e5f60718293a4b5c6d7e8f9012a3b4c5d6e7f8091a2b3c4d5e6f7") String hash) {
    }

    /**
     * @param sequence     the first entry that does not verify (or is missing)
     * @param table        what the entry records a change of: credit_record or list_entry (absent for a missing entry)
     * @param rowId        the id of that row
     * @param expectedHash the hash recomputed from the previous entry and the stored content
     * @param storedHash   the hash stored with the entry (or in the head)
     */
    @Schema(name = "BrokenLink")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BrokenLink(@Schema(required = true) long sequence, @Schema(required = true) BreakKind problem, String table, String rowId,
            String operation, String expectedHash, String storedHash, @Schema(required = true) String detail) {
    }
}
