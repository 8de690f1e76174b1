package cn.opencredit.gateway.shared.time;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.logging.Log;

/** The shipped 2025 and 2026 calendar plus the years operators add through {@code opencredit.calendar.extra-files}. */
@ApplicationScoped
public class WorkdayCalendarProducer {

    static final String SHIPPED = "calendar/cn-workday-calendar.json";

    @Produces
    @Singleton
    WorkdayCalendar calendar(WorkdayCalendarConfig config) {
        WorkdayCalendar calendar = load(config.extraFiles().orElse(List.of()));
        Log.infof("Workday calendar covers %s; dates of other years are reckoned on plain weekdays and flagged", calendar.years());
        return calendar;
    }

    static WorkdayCalendar load(List<String> extraFiles) {
        WorkdayCalendar calendar;
        try (InputStream shipped = WorkdayCalendarProducer.class.getClassLoader().getResourceAsStream(SHIPPED)) {
            if (shipped == null) {
                throw new IllegalStateException("The shipped workday calendar " + SHIPPED + " is missing from the class path");
            }
            calendar = WorkdayCalendar.parse(shipped, SHIPPED);
        } catch (IOException e) {
            throw new UncheckedIOException("The shipped workday calendar could not be read", e);
        }
        for (String file : extraFiles) {
            try (InputStream extra = Files.newInputStream(Path.of(file))) {
                calendar = calendar.with(WorkdayCalendar.parse(extra, file));
            } catch (IOException e) {
                throw new UncheckedIOException("Workday calendar " + file + " (opencredit.calendar.extra-files) could not be read", e);
            }
        }
        return calendar;
    }
}
