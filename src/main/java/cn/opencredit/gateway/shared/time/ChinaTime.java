package cn.opencredit.gateway.shared.time;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Publication windows, quotas and due dates are counted in China Standard Time. */
public final class ChinaTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** China has kept one offset all year since 1991; answers show times at it. */
    public static final ZoneOffset OFFSET = ZoneOffset.ofHours(8);

    private ChinaTime() {
    }

    /** The instant as Beijing time, as the API shows times; null stays null. */
    public static OffsetDateTime inChina(OffsetDateTime at) {
        return at == null ? null : at.withOffsetSameInstant(OFFSET);
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
