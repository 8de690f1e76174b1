package cn.opencredit.gateway.history;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The outcome of an integrity check: the chain walked and recomputed, every stored checkpoint
 * verified against it, and every current row compared with its latest history entry.
 *
 * @param verified      entries whose hash was recomputed and matched, in order from the first
 * @param head          the chain's recorded end when the check started; checkpoints of it are published
 * @param brokenLink    the first link that does not hold, absent when the chain is intact
 * @param checkpoints   how many stored checkpoints up to the head there were, and how many the walk confirmed
 * @param rowsChecked   current rows of credit_record and list_entry compared with their history
 * @param findings      the first {@value IntegrityCheck#MAX_LISTED_FINDINGS} findings, in the order found
 * @param findingsCount all findings
 */
@Schema(name = "Integrity", description = "Result of an integrity check of the tamper-evident history")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntegrityView(@Schema(required = true) long verified, @Schema(required = true) boolean intact, @Schema(required = true) Head head,
        BrokenLink brokenLink, @Schema(required = true) Checkpoints checkpoints, @Schema(required = true) long rowsChecked,
        @Schema(required = true) List<Finding> findings, @Schema(required = true) int findingsCount) {

    @Schema(name = "HistoryHead")
    public record Head(@Schema(required = true, examples = "5242880") long sequence,
            @Schema(required = true, description = "SHA-256, hex", examples = "9f2c1a0d3b4e5f60718293a4b5c6d7e8f9012a3b4c5d6e7f8091a2b3c4d5e6f7")
            String hash) {
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

    @Schema(name = "IntegrityCheckpoints")
    public record Checkpoints(@Schema(required = true, description = "Stored checkpoints up to the head") long total,
            @Schema(required = true, description = "Of those, how many the recomputed chain passes through with a valid signature")
            long verified) {
    }

    /**
     * @param sequence the history entry or checkpoint concerned, when there is one
     * @param fields   for a row that differs, the columns whose values are not those of its latest history entry
     */
    @Schema(name = "IntegrityFinding")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Finding(@Schema(required = true) FindingKind kind, String table, String rowId, Long sequence, List<String> fields,
            @Schema(required = true) String detail) {
    }
}
