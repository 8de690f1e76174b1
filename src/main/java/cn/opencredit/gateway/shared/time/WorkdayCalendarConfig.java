package cn.opencredit.gateway.shared.time;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "opencredit.calendar")
public interface WorkdayCalendarConfig {

    /**
     * Files with the announcements of further years (usually the next one, published each November),
     * in the format of the shipped {@code calendar/cn-workday-calendar.json}; read at start-up after
     * the shipped calendar, in order, a year in a later file replacing the same year before it. A
     * missing or malformed file stops the start.
     */
    Optional<List<String>> extraFiles();
}
