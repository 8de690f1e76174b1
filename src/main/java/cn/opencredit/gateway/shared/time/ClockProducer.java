package cn.opencredit.gateway.shared.time;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Rules take the time from this clock, never from {@code now()}, so tests can pin it. */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.system(ChinaTime.ZONE);
    }
}
