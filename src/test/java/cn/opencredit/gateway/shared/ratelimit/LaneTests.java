package cn.opencredit.gateway.shared.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import cn.opencredit.gateway.shared.ratelimit.RateDecision.Limit;

/** One caller's lane: coalescing waiting calls into runs, and remembering Redis' refusals. */
class LaneTests {

    private static final RatePlan PLAN = new RatePlan("standard", 20, 40, 100_000);
    private static final RatePlan OTHER_PLAN = new RatePlan("premium", 200, 400, 5_000_000);
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private record Call(RatePlan plan, int id) implements Lane.Waiting {
    }

    @Test
    void shouldStartARunOnlyForTheFirstCallWhileOneIsInFlight() {
        Lane<Call> lane = new Lane<>(10);

        assertTrue(lane.enqueue(new Call(PLAN, 1)), "nothing in flight: the caller starts the run");
        assertFalse(lane.enqueue(new Call(PLAN, 2)), "a run is in flight: the call waits for the next");
        assertFalse(lane.enqueue(new Call(PLAN, 3)));
    }

    @Test
    void shouldDecideWaitingCallsTogetherInArrivalOrderUpToTheRunSize() {
        Lane<Call> lane = new Lane<>(3);
        for (int id = 1; id <= 5; id++) {
            lane.enqueue(new Call(PLAN, id));
        }

        assertEquals(List.of(1, 2, 3), ids(lane.nextRun()));
        assertEquals(List.of(4, 5), ids(lane.nextRun()));
        assertEquals(List.of(), ids(lane.nextRun()));
        assertTrue(lane.enqueue(new Call(PLAN, 6)), "the lane went idle, so the next call starts a run again");
    }

    @Test
    void shouldDecideCallsUnderAnotherPlanInARunOfTheirOwn() {
        Lane<Call> lane = new Lane<>(10);
        lane.enqueue(new Call(PLAN, 1));
        lane.enqueue(new Call(PLAN, 2));
        lane.enqueue(new Call(OTHER_PLAN, 3));
        lane.enqueue(new Call(PLAN, 4));

        assertEquals(List.of(1, 2), ids(lane.nextRun()));
        assertEquals(List.of(3), ids(lane.nextRun()));
        assertEquals(List.of(4), ids(lane.nextRun()));
    }

    @Test
    void shouldRepeatARefusalUntilTheMomentACallCouldBeAdmittedAndNotAfter() {
        Lane<Call> lane = new Lane<>(10);
        RateDecision refusal = refusal(30);
        lane.refuse(PLAN, refusal, 0, 30 * SECOND);

        RateDecision told = lane.refusal(PLAN, 10 * SECOND);
        assertNotNull(told);
        assertEquals(20, told.retryAfterSeconds(), "told later, the wait is shorter");
        assertNull(lane.refusal(PLAN, 30 * SECOND), "at the moment named, Redis may admit again");
        assertNull(lane.refusal(PLAN, 10 * SECOND), "and once lapsed it is forgotten");
    }

    @Test
    void shouldNotRepeatARefusalUnderAnotherPlan() {
        Lane<Call> lane = new Lane<>(10);
        lane.refuse(PLAN, refusal(30), 0, 30 * SECOND);

        assertNull(lane.refusal(OTHER_PLAN, SECOND), "an upgraded consumer asks Redis again");
    }

    @Test
    void shouldStayWhileARefusalStandsOrACallIsInFlight() {
        Lane<Call> lane = new Lane<>(10);
        lane.enqueue(new Call(PLAN, 1));
        assertFalse(lane.retireIfIdle(0, true), "a run is in flight");
        lane.nextRun();
        lane.refuse(PLAN, refusal(30), 0, 30 * SECOND);
        lane.nextRun();

        assertFalse(lane.retireIfIdle(SECOND, true), "its refusal still stands");
        assertTrue(lane.retireIfIdle(SECOND, false), "unless memory matters more");
        assertTrue(lane.retired());
    }

    @Test
    void shouldRetireOnceItsRefusalHasLapsed() {
        Lane<Call> lane = new Lane<>(10);
        lane.refuse(PLAN, refusal(30), 0, 30 * SECOND);

        assertTrue(lane.retireIfIdle(31 * SECOND, true));
    }

    @Test
    void shouldRefuseARunSizeOfNothing() {
        assertThrows(IllegalArgumentException.class, () -> new Lane<Call>(0));
    }

    private static RateDecision refusal(long retryAfterSeconds) {
        return new RateDecision(false, Limit.DAY, PLAN, 40, 0, 0, retryAfterSeconds, retryAfterSeconds, false);
    }

    private static List<Integer> ids(List<Call> calls) {
        return calls.stream().map(Call::id).toList();
    }
}
