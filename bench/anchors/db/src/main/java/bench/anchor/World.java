package bench.anchor;

/** One row of the {@code world} table, as TechEmpower's benchmarks name it. */
public record World(int id, int randomNumber) {
}
