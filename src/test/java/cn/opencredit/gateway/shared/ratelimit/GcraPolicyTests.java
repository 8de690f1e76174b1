package cn.opencredit.gateway.shared.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.opencredit.gateway.shared.ratelimit.GcraPolicy.Outcome;
import cn.opencredit.gateway.shared.ratelimit.GcraPolicy.State;
import cn.opencredit.gateway.shared.ratelimit.RateDecision.Limit;

class GcraPolicyTests {

    private static final Instant NOON = OffsetDateTime.parse("2026-11-01T12:00:00+08:00").toInstant();

    /** A fake clock: each call is made at an instant the test names. */
    private State state = State.NEW;

    private RateDecision call(RatePlan plan, Instant at) {
        Outcome outcome = GcraPolicy.acquire(state, plan, GcraPolicy.micros(at), false);
        state = outcome.state();
        return outcome.decision();
    }

    @Test
    void shouldAdmitTheBurstThenRefuseWhenCallsArriveAtOnce() {
        RatePlan plan = new RatePlan("test", 1, 5, 1_000);

        for (int i = 4; i >= 0; i--) {
            RateDecision decision = call(plan, NOON);
            assertTrue(decision.allowed());
            assertNull(decision.refusedBy());
            assertEquals(i, decision.burstRemaining());
            assertEquals(0, decision.retryAfterSeconds());
        }
        RateDecision refused = call(plan, NOON);

        assertFalse(refused.allowed());
        assertEquals(Limit.BURST, refused.refusedBy());
        assertEquals(0, refused.burstRemaining());
        assertEquals(5, refused.burstResetSeconds());
        assertEquals(1, refused.retryAfterSeconds());
    }

    @Test
    void shouldAdmitAgainOnlyAfterOneEmissionInterval() {
        RatePlan plan = new RatePlan("test", 4, 2, 1_000);
        call(plan, NOON);
        call(plan, NOON);

        assertFalse(call(plan, NOON.plusMillis(249)).allowed());
        RateDecision refilled = call(plan, NOON.plusMillis(250));
        assertTrue(refilled.allowed());
        assertEquals(0, refilled.burstRemaining());
        assertFalse(call(plan, NOON.plusMillis(250)).allowed());
    }

    @Test
    void shouldCountRetryAfterUpToTheMomentTheNextCallFits() {
        RatePlan plan = new RatePlan("test", 0.5, 3, 1_000);
        for (int i = 0; i < 3; i++) {
            call(plan, NOON);
        }

        assertEquals(2, call(plan, NOON).retryAfterSeconds());
        assertEquals(6, call(plan, NOON).burstResetSeconds());
        assertEquals(2, call(plan, NOON.plusMillis(500)).retryAfterSeconds());
        assertEquals(1, call(plan, NOON.plusMillis(1_200)).retryAfterSeconds());
        assertEquals(1, call(plan, NOON.plusMillis(1_999)).retryAfterSeconds());
        assertTrue(call(plan, NOON.plusMillis(2_000)).allowed());
    }

    @Test
    void shouldLeaveTheStateAsItWasWhenACallIsRefused() {
        RatePlan plan = new RatePlan("test", 0.01, 1, 1_000);
        call(plan, NOON);
        State before = state;

        Outcome refused = GcraPolicy.acquire(before, plan, GcraPolicy.micros(NOON.plusSeconds(1)), false);

        assertFalse(refused.decision().allowed());
        assertSame(before, refused.state());
        assertEquals(1, refused.state().used());
    }

    @Test
    void shouldNotCountBurstRefusalsAgainstTheDailyQuota() {
        RatePlan plan = new RatePlan("test", 0.01, 2, 3);
        call(plan, NOON);
        call(plan, NOON);
        for (int i = 0; i < 10; i++) {
            RateDecision refused = call(plan, NOON);
            assertEquals(Limit.BURST, refused.refusedBy());
            assertEquals(1, refused.dayRemaining());
        }
    }

    @Test
    void shouldRefuseByDayAndKeepTheBurstWhenTheQuotaIsUsedUp() {
        RatePlan plan = new RatePlan("test", 100, 10, 2);
        call(plan, NOON);
        call(plan, NOON);

        RateDecision refused = call(plan, NOON);

        assertEquals(Limit.DAY, refused.refusedBy());
        assertEquals(0, refused.dayRemaining());
        assertEquals(8, refused.burstRemaining());
        assertEquals(Duration.ofHours(12).toSeconds(), refused.dayResetSeconds());
        assertEquals(Duration.ofHours(12).toSeconds(), refused.retryAfterSeconds());
    }

    @Test
    void shouldRenewTheQuotaAtMidnightInShanghai() {
        RatePlan plan = new RatePlan("test", 100, 10, 1);
        Instant beforeMidnight = OffsetDateTime.parse("2026-11-01T23:59:59.500+08:00").toInstant();
        assertTrue(call(plan, beforeMidnight.minusSeconds(60)).allowed());

        RateDecision lastHalfSecond = call(plan, beforeMidnight);
        assertEquals(Limit.DAY, lastHalfSecond.refusedBy());
        assertEquals(1, lastHalfSecond.dayResetSeconds());
        assertEquals(1, lastHalfSecond.retryAfterSeconds());

        RateDecision nextDay = call(plan, OffsetDateTime.parse("2026-11-02T00:00:00+08:00").toInstant());
        assertTrue(nextDay.allowed());
        assertEquals(0, nextDay.dayRemaining());
        assertEquals(GcraPolicy.DAY_SECONDS, nextDay.dayResetSeconds());
    }

    @Test
    void shouldNotRenewTheQuotaAtMidnightUtc() {
        RatePlan plan = new RatePlan("test", 100, 10, 1);
        assertTrue(call(plan, OffsetDateTime.parse("2026-11-01T23:59:00Z").toInstant()).allowed());

        RateDecision afterUtcMidnight = call(plan, OffsetDateTime.parse("2026-11-02T00:01:00Z").toInstant());

        assertEquals(Limit.DAY, afterUtcMidnight.refusedBy());
        assertEquals(Duration.ofHours(15).plusMinutes(59).toSeconds(), afterUtcMidnight.dayResetSeconds());
    }

    @Test
    void shouldScaleEveryLimitOfAPlanByTheShare() {
        RatePlan shared = GcraPolicy.share(new RatePlan("standard", 10, 20, 1_000), 0.5);

        assertEquals(new RatePlan("standard", 5, 10, 500), shared);
    }

    @Test
    void shouldRoundASharedPlanDownButNeverToNothing() {
        RatePlan shared = GcraPolicy.share(new RatePlan("tiny", 0.3, 3, 3), 0.25);

        assertEquals(0.075, shared.sustainedRate(), 1e-12);
        assertEquals(1, shared.burst());
        assertEquals(1, shared.dailyQuota());
    }

    @Test
    void shouldAdmitOnlyTheShareWhenDecidingAlone() {
        RatePlan plan = GcraPolicy.share(new RatePlan("test", 0.01, 10, 1_000), 0.5);
        int admitted = 0;
        for (int i = 0; i < 20; i++) {
            admitted += call(plan, NOON).allowed() ? 1 : 0;
        }
        assertEquals(5, admitted);
    }

    @Test
    void shouldAdvertiseTheTimeADrainedBurstTakesToRefill() {
        assertEquals(5, GcraPolicy.burstWindowSeconds(new RatePlan("test", 2, 10, 1)));
        assertEquals(1, GcraPolicy.burstWindowSeconds(new RatePlan("test", 1_000, 10, 1)));
        assertEquals(4, GcraPolicy.burstWindowSeconds(new RatePlan("test", 3, 10, 1)));
    }

    @Test
    void shouldKeepFastRatesExactInMicroseconds() {
        assertEquals(2_000, GcraPolicy.emissionIntervalMicros(new RatePlan("test", 500, 1, 1)));
        assertEquals(333_334, GcraPolicy.emissionIntervalMicros(new RatePlan("test", 3, 1, 1)));
    }

    @Test
    void shouldDecideCallsArrivingTogetherAsIfTheyHadComeOneByOne() {
        RatePlan plan = new RatePlan("test", 2, 5, 1_000);
        State together = State.NEW;
        GcraPolicy.BatchOutcome outcome = GcraPolicy.acquireAll(together, plan, GcraPolicy.micros(NOON), 8);
        List<RateDecision> batched = GcraPolicy.decisions(plan, 8, outcome.batch(), false);

        List<RateDecision> oneByOne = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            oneByOne.add(call(plan, NOON));
        }

        assertEquals(oneByOne, batched);
        assertEquals(5, outcome.batch().admitted());
        assertEquals(Limit.BURST, outcome.batch().refusedBy());
        assertEquals(state, outcome.state(), "the batch leaves the state the single calls left");
    }

    @Test
    void shouldAdmitTheRestOfTheQuotaAndRefuseTheOthersByDay() {
        RatePlan plan = new RatePlan("test", 1_000, 1_000, 3);
        call(plan, NOON);

        GcraPolicy.BatchOutcome outcome = GcraPolicy.acquireAll(state, plan, GcraPolicy.micros(NOON), 4);
        List<RateDecision> decisions = GcraPolicy.decisions(plan, 4, outcome.batch(), false);

        assertEquals(List.of(true, true, false, false), decisions.stream().map(RateDecision::allowed).toList());
        assertEquals(List.of(1L, 0L, 0L, 0L), decisions.stream().map(RateDecision::dayRemaining).toList());
        assertEquals(Limit.DAY, decisions.get(3).refusedBy());
        assertEquals(Duration.ofHours(12).toSeconds(), decisions.get(3).retryAfterSeconds());
        assertEquals(3, outcome.state().used());
    }

    @Test
    void shouldRefuseAWholeBatchWithoutChangingTheState() {
        RatePlan plan = new RatePlan("test", 0.01, 1, 1_000);
        call(plan, NOON);
        State before = state;

        GcraPolicy.BatchOutcome outcome = GcraPolicy.acquireAll(before, plan, GcraPolicy.micros(NOON), 3);

        assertEquals(0, outcome.batch().admitted());
        assertSame(before, outcome.state());
        assertTrue(GcraPolicy.decisions(plan, 3, outcome.batch(), false).stream()
                .allMatch(d -> d.refusedBy() == Limit.BURST && d.retryAfterSeconds() == 100));
    }

    @Test
    void shouldRefuseNegativeCounts() {
        assertThrows(IllegalArgumentException.class,
                () -> GcraPolicy.acquireAll(State.NEW, new RatePlan("test", 1, 1, 1), GcraPolicy.micros(NOON), -1));
    }
}
