package cn.opencredit.gateway.shared.ratelimit;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One caller on this replica: whether a script run for it is in flight, the calls waiting for the
 * next run, and the last refusal Redis gave. Not thread-safe: the limiter holds the lane's lock
 * around every call.
 *
 * <p>Nothing here admits a call. Admissions come only from runs of the script in Redis, so the
 * lane cannot make replicas together admit more than the plan. A remembered refusal only refuses
 * calls that Redis would refuse too: until the moment it names, no call of any replica can make
 * room (calls are only ever added to the counters).
 *
 * @param <W> a waiting call
 */
final class Lane<W extends Lane.Waiting> {

    /** A call waiting for its decision. */
    interface Waiting {

        RatePlan plan();
    }

    private final ArrayDeque<W> waiting = new ArrayDeque<>();
    private final int maxRun;
    private boolean running;
    private boolean retired;
    private RateDecision refusal;
    private RatePlan refusalPlan;
    private long refusedAt;
    private long refusedUntil;

    /** @param maxRun bounds one script run; more waiting calls go in the next */
    Lane(int maxRun) {
        if (maxRun < 1) {
            throw new IllegalArgumentException("A run decides at least one call, not " + maxRun);
        }
        this.maxRun = maxRun;
    }

    boolean retired() {
        return retired;
    }

    /** The refusal Redis gave under {@code plan}, told {@code now}, while no call could be admitted yet; else null. */
    RateDecision refusal(RatePlan plan, long now) {
        if (refusal != null) {
            if (plan.equals(refusalPlan) && now - refusedUntil < 0) {
                return refusal.aged(Duration.ofNanos(now - refusedAt));
            }
            refusal = null;
        }
        return null;
    }

    /** Remembers Redis' refusal until {@code until}, when a call could first be admitted again. */
    void refuse(RatePlan plan, RateDecision decision, long at, long until) {
        refusal = decision;
        refusalPlan = plan;
        refusedAt = at;
        refusedUntil = until;
    }

    /** Queues a call for the next run; true when no run is in flight, so that the caller must start one. */
    boolean enqueue(W call) {
        waiting.addLast(call);
        if (running) {
            return false;
        }
        running = true;
        return true;
    }

    /**
     * The calls of the next run: the oldest waiting ones under the plan of the first, at most
     * {@code maxRun}. Empty when nobody waits; then the lane has no run in flight any more.
     */
    List<W> nextRun() {
        List<W> run = new ArrayList<>();
        if (waiting.isEmpty()) {
            running = false;
            return run;
        }
        // One run is about one plan; a consumer whose plan just changed has the rest decided in the following run.
        RatePlan plan = waiting.peekFirst().plan();
        while (!waiting.isEmpty() && run.size() < maxRun && waiting.peekFirst().plan().equals(plan)) {
            run.add(waiting.pollFirst());
        }
        return run;
    }

    /**
     * Retires the lane when it has nothing to do: no run in flight, nobody waiting and no refusal
     * still standing (unless {@code keepRefusals} is false, when memory matters more). A retired
     * lane is never used again; the limiter makes a new one.
     */
    boolean retireIfIdle(long now, boolean keepRefusals) {
        boolean refusing = keepRefusals && refusal != null && now - refusedUntil < 0;
        if (!running && waiting.isEmpty() && !refusing) {
            retired = true;
        }
        return retired;
    }
}
