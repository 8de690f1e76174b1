package cn.opencredit.gateway.history;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.opencredit.gateway.history.HistoryRepository.ChainHead;
import cn.opencredit.gateway.history.HistoryRepository.RangeComparison;
import cn.opencredit.gateway.history.HistoryRepository.RowMismatch;
import cn.opencredit.gateway.history.HistoryRepository.StoredCheckpoint;
import cn.opencredit.gateway.history.IntegrityView.Finding;

/**
 * One integrity check, in three phases that each read the data in bounded chunks:
 * <ol>
 * <li>the chain, recomputed from its first entry to the head as it was when the check started
 * (later appends are left for the next check), stopping at the first broken link;</li>
 * <li>every stored checkpoint up to that head, in the same pass: its signature must be by a
 * published key, and the recomputed chain must pass through its hash;</li>
 * <li>every current row of the recorded tables against its latest history entry, by ranges of ids.</li>
 * </ol>
 * Blocking: it runs on a virtual thread of its own, never on an event loop.
 */
final class IntegrityCheck {

    static final int CHUNK = 1_000;
    static final int ROW_RANGE = 10_000;
    static final int MAX_LISTED_FINDINGS = 100;
    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final HexFormat HEX = HexFormat.of();

    /** Told as the check goes; may also stop it, by throwing. */
    interface Progress {

        Progress NONE = (phase, entries, checkpointsTotal, checkpointsVerified, rowsTotal, rowsChecked, findings) -> {
        };

        void report(String phase, long entriesVerified, long checkpointsTotal, long checkpointsVerified, long rowsTotal, long rowsChecked,
                int findings);
    }

    private final HistoryRepository repository;
    private final CheckpointKeys keys;
    private final ObjectMapper json;
    private final List<Finding> findings = new ArrayList<>();
    private int findingsCount;

    IntegrityCheck(HistoryRepository repository, CheckpointKeys keys, ObjectMapper json) {
        this.repository = repository;
        this.keys = keys;
        this.json = json;
    }

    IntegrityView run(ChainHead head, Progress progress) {
        long checkpointsTotal = await(repository.countCheckpoints(head.sequence()));
        long rowsTotal = await(repository.countRows());
        for (StoredCheckpoint beyond : await(repository.checkpoints(head.sequence(), Long.MAX_VALUE))) {
            find(new Finding(FindingKind.CHECKPOINT_BEYOND_HEAD, null, null, beyond.sequence(), null, "checkpoint " + beyond.sequence()
                    + " was signed, but the chain now ends at entry " + head.sequence() + ": entries were removed from its end"));
        }
        HistoryChain walk = new HistoryChain(head.sequence(), head.hash());
        long checkpointsVerified = 0;
        List<HistoryLink> chunk;
        do {
            long after = walk.lastSequence();
            chunk = await(repository.links(after, head.sequence(), CHUNK));
            walk.check(chunk);
            if (!chunk.isEmpty()) {
                checkpointsVerified += checkpoints(chunk, await(repository.checkpoints(after, chunk.getLast().sequence())), walk);
            }
            progress.report("CHAIN", walk.verified(), checkpointsTotal, checkpointsVerified, rowsTotal, 0, findingsCount);
        } while (walk.wantsMore(chunk.size() == CHUNK));

        long rowsChecked = 0;
        for (String table : HistoryRepository.RECORDED_TABLES) {
            long highest = await(repository.highestRowId(table));
            for (long from = 1; from <= highest; from += ROW_RANGE) {
                RangeComparison range = await(repository.compare(table, from, from + ROW_RANGE));
                rowsChecked += range.rows();
                range.mismatches().forEach(mismatch -> find(finding(table, mismatch)));
                progress.report("TABLES", walk.verified(), checkpointsTotal, checkpointsVerified, Math.max(rowsTotal, rowsChecked), rowsChecked,
                        findingsCount);
            }
        }
        HistoryChain.Outcome chain = walk.result();
        return new IntegrityView(chain.verified(), chain.brokenLink() == null && findingsCount == 0, chain.head(), chain.brokenLink(),
                new IntegrityView.Checkpoints(checkpointsTotal, checkpointsVerified), rowsChecked, List.copyOf(findings), findingsCount);
    }

    /**
     * Checks the stored checkpoints that fall in a chunk just walked: signed by a published key, and
     * on the recomputed chain. Checkpoints past a broken link cannot be confirmed, and are not
     * findings of their own: the broken link is.
     *
     * @return how many were confirmed
     */
    private long checkpoints(List<HistoryLink> chunk, List<StoredCheckpoint> stored, HistoryChain walk) {
        long confirmed = 0;
        Iterator<HistoryLink> links = chunk.iterator();
        HistoryLink link = null;
        for (StoredCheckpoint checkpoint : stored) {
            boolean signed = keys.signer(checkpoint.sequence(), checkpoint.hash(), checkpoint.signature()).isPresent();
            if (!signed) {
                find(new Finding(FindingKind.CHECKPOINT_SIGNATURE_INVALID, null, null, checkpoint.sequence(), null, "checkpoint "
                        + checkpoint.sequence() + " (key " + checkpoint.keyId() + ") carries no valid signature of a published key"));
            }
            if (checkpoint.sequence() > walk.lastSequence()) {
                continue;
            }
            while (links.hasNext() && (link == null || link.sequence() < checkpoint.sequence())) {
                link = links.next();
            }
            // Every entry up to walk.lastSequence() has a stored hash equal to the recomputed one.
            boolean onChain = link != null && link.sequence() == checkpoint.sequence() && Arrays.equals(link.hash(), checkpoint.hash());
            if (!onChain) {
                find(new Finding(FindingKind.CHECKPOINT_MISMATCH, null, null, checkpoint.sequence(), null, "the chain passes entry "
                        + checkpoint.sequence() + " with hash " + (link == null ? "?" : HEX.formatHex(link.hash())) + ", but checkpoint "
                        + checkpoint.sequence() + " signed " + HEX.formatHex(checkpoint.hash()) + " on " + checkpoint.signedAt()
                        + ": the chain was rewritten from an entry at or before it"));
            } else if (signed) {
                confirmed++;
            }
        }
        return confirmed;
    }

    private Finding finding(String table, RowMismatch mismatch) {
        String row = table + " " + mismatch.rowId();
        if (mismatch.sequence() == null || (mismatch.rowContent() != null && "DELETE".equals(mismatch.operation()))) {
            String why = mismatch.sequence() == null ? "has no history entry" : "exists, but its latest history entry (" + mismatch.sequence()
                    + ") is its deletion";
            return new Finding(FindingKind.ROW_WITHOUT_HISTORY, table, Long.toString(mismatch.rowId()), mismatch.sequence(), null,
                    row + " " + why + ": it was written without the history triggers");
        }
        if (mismatch.rowContent() == null) {
            return new Finding(FindingKind.ROW_DELETED_WITHOUT_HISTORY, table, Long.toString(mismatch.rowId()), mismatch.sequence(), null,
                    row + " is gone, but its latest history entry (" + mismatch.sequence() + ", " + mismatch.operation()
                            + ") does not record a deletion: it was deleted without the history triggers");
        }
        List<String> fields = differingFields(mismatch.rowContent(), mismatch.historyContent());
        return new Finding(FindingKind.ROW_DIFFERS, table, Long.toString(mismatch.rowId()), mismatch.sequence(), fields,
                row + " differs from its latest history entry (" + mismatch.sequence() + ") in " + String.join(", ", fields)
                        + ": it was changed without the history triggers");
    }

    /** The columns whose values differ, in name order; a column only one side has counts too. */
    List<String> differingFields(String rowContent, String historyContent) {
        try {
            JsonNode row = json.readTree(rowContent);
            JsonNode history = json.readTree(historyContent);
            TreeSet<String> names = new TreeSet<>();
            row.fieldNames().forEachRemaining(names::add);
            history.fieldNames().forEachRemaining(names::add);
            List<String> differing = new ArrayList<>();
            for (String name : names) {
                if (!Objects.equals(row.get(name), history.get(name))) {
                    differing.add(name);
                }
            }
            return differing;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("PostgreSQL printed a jsonb value that does not parse", e);
        }
    }

    private void find(Finding finding) {
        findingsCount++;
        if (findings.size() < MAX_LISTED_FINDINGS) {
            findings.add(finding);
        }
    }

    private static <T> T await(io.smallrye.mutiny.Uni<T> uni) {
        return uni.await().atMost(WAIT);
    }
}
