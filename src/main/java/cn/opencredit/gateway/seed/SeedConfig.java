package cn.opencredit.gateway.seed;

import java.time.LocalDate;
import java.util.Optional;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Synthetic demo and benchmark data, loaded at start-up into an empty database. */
@ConfigMapping(prefix = "opencredit.seed")
public interface SeedConfig {

    /** How many synthetic subjects to load when the subject table is empty; 0 loads nothing. */
    @WithDefault("0")
    @Min(0)
    int subjects();

    /** Seed of the generator: the same seed and reference date always produce the same rows. */
    @WithDefault("20261123")
    long randomSeed();

    /** The "today" generated dates lead up to (ISO date); the current date in Asia/Shanghai when unset. */
    Optional<LocalDate> referenceDate();

    /** Average number of credit records per subject; a few subjects get many, most get few or none. */
    @WithDefault("4")
    @DecimalMin("0")
    @DecimalMax("20")
    double recordsPerSubject();
}
