package cn.opencredit.gateway.shared.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.opencredit.gateway.shared.ratelimit.GcraPolicy.Outcome;
import cn.opencredit.gateway.shared.ratelimit.GcraPolicy.State;

/**
 * This replica's own limiter for while Redis cannot be reached. It admits only a share of each
 * plan, because every replica admits that much on its own; with N replicas and a share of 1/N
 * they stay within the plan together.
 *
 * <p>It remembers a bounded number of consumers and forgets the one seen least recently first. A
 * forgotten consumer starts again with a full burst and an unused day, which errs towards
 * admitting, but a flood of distinct callers (anonymous addresses) cannot exhaust the heap. One
 * lock over the map is enough: a decision takes microseconds and is only taken while degraded.
 */
final class FallbackLimiter {

    private final double share;
    private final Map<String, State> states;

    FallbackLimiter(double share, int capacity) {
        this.share = share;
        this.states = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, State> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized RateDecision acquire(String consumerKey, RatePlan plan, long nowMicros) {
        Outcome outcome = GcraPolicy.acquire(states.getOrDefault(consumerKey, State.NEW), GcraPolicy.share(plan, share), nowMicros, true);
        states.put(consumerKey, outcome.state());
        return outcome.decision();
    }

    /** The refusal the next call of {@code consumerKey} would get, without counting it; else null. */
    synchronized RateDecision refusal(String consumerKey, RatePlan plan, long nowMicros) {
        State state = states.get(consumerKey);
        if (state == null) {
            return null;
        }
        RateDecision next = GcraPolicy.acquire(state, GcraPolicy.share(plan, share), nowMicros, true).decision();
        return next.allowed() ? null : next;
    }
}
