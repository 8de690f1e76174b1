package cn.opencredit.gateway.testing;

import java.util.List;

import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;

/** Vert.x contexts on distinct event loops, as HTTP connections served by different loops have. */
public final class EventLoops {

    private EventLoops() {
    }

    /** Two event-loop contexts on different loops; fails when Vert.x runs fewer than two. */
    public static List<ContextInternal> two(VertxInternal vertx) {
        ContextInternal first = vertx.createEventLoopContext();
        for (int i = 0; i < 16; i++) {
            ContextInternal next = vertx.createEventLoopContext();
            if (next.nettyEventLoop() != first.nettyEventLoop()) {
                return List.of(first, next);
            }
        }
        throw new IllegalStateException("the test needs two event loops");
    }
}
