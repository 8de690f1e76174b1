package cn.opencredit.gateway.history;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * A walk along the history chain, chunk by chunk, that stops at the first link that does not hold.
 * The hash is recomputed here, from the stored columns, and not by the database function that
 * wrote it: someone able to change the rows could also change that function.
 */
final class HistoryChain {

    /** The hash before the first entry. */
    static final byte[] GENESIS = new byte[32];

    private static final HexFormat HEX = HexFormat.of();

    private final long headSequence;
    private final byte[] headHash;
    private long lastSequence;
    private byte[] lastHash = GENESIS;
    private long verified;
    private IntegrityView.BrokenLink broken;

    HistoryChain(long headSequence, byte[] headHash) {
        this(0, GENESIS, headSequence, headHash);
    }

    /** A walk that starts after entry {@code fromSequence}, whose hash is taken as given (a checkpoint). */
    HistoryChain(long fromSequence, byte[] fromHash, long headSequence, byte[] headHash) {
        this.lastSequence = fromSequence;
        this.lastHash = fromHash.clone();
        this.headSequence = headSequence;
        this.headHash = headHash.clone();
    }

    /** sha256(previous hash || canonical text), as history_link_hash() in V008 computes it when appending. */
    static byte[] linkHash(byte[] previous, HistoryLink link) {
        String canonical = link.sequence() + "|" + link.table() + "|" + link.rowId() + "|" + link.operation() + "|" + link.recordedMicros()
                + "|" + link.content();
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(previous);
            return sha256.digest(canonical.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    long lastSequence() {
        return lastSequence;
    }

    long verified() {
        return verified;
    }

    boolean broken() {
        return broken != null;
    }

    /** Checks the next entries in sequence order; after the first broken link the rest is ignored. */
    void check(List<HistoryLink> chunk) {
        for (HistoryLink link : chunk) {
            if (broken != null) {
                return;
            }
            if (link.sequence() != lastSequence + 1) {
                broken = missing(lastSequence + 1, "entry " + (lastSequence + 1) + " is missing: the chain goes on from entry "
                        + lastSequence + " to entry " + link.sequence());
                return;
            }
            byte[] expected = linkHash(lastHash, link);
            if (!MessageDigest.isEqual(expected, link.hash())) {
                broken = new IntegrityView.BrokenLink(link.sequence(), BreakKind.HASH_MISMATCH, link.table(), Long.toString(link.rowId()),
                        link.operation(), HEX.formatHex(expected), HEX.formatHex(link.hash()), "entry " + link.sequence() + " ("
                        + link.operation() + " of " + link.table() + " " + link.rowId() + ") does not match its hash: its content, "
                        + "time or position was changed after it was written");
                return;
            }
            lastSequence = link.sequence();
            lastHash = link.hash();
            verified++;
        }
    }

    /** Whether another chunk is worth reading: nothing broken yet, the last chunk was full and the head is not reached. */
    boolean wantsMore(boolean lastChunkFull) {
        return broken == null && lastChunkFull && lastSequence < headSequence;
    }

    /** What a walk established: entries verified, the head it walked to, the first broken link if any. */
    record Outcome(long verified, IntegrityView.Head head, IntegrityView.BrokenLink brokenLink) {
    }

    Outcome result() {
        IntegrityView.Head head = new IntegrityView.Head(headSequence, HEX.formatHex(headHash));
        if (broken == null && lastSequence < headSequence) {
            broken = missing(lastSequence + 1, "entries " + (lastSequence + 1) + " to " + headSequence + " are missing: the chain "
                    + "ends at entry " + lastSequence + " but its head is entry " + headSequence);
        }
        if (broken == null && !Arrays.equals(lastHash, headHash)) {
            broken = new IntegrityView.BrokenLink(headSequence, BreakKind.HEAD_MISMATCH, null, null, null, HEX.formatHex(lastHash),
                    HEX.formatHex(headHash), "the chain's last hash is not the one recorded in its head");
        }
        return new Outcome(verified, head, broken);
    }

    private static IntegrityView.BrokenLink missing(long sequence, String detail) {
        return new IntegrityView.BrokenLink(sequence, BreakKind.MISSING_ENTRY, null, null, null, null, null, detail);
    }
}
