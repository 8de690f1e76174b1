package cn.opencredit.gateway.shared.time;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Publication windows, quotas and due dates are counted in China Standard Time. */
public final class ChinaTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ChinaTime() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
