package bench.anchor;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;

/** Creates and fills the {@code world} table at start when it is missing, so that run.sh needs nothing else. */
@Singleton
public class WorldTable {

    static final int ROWS = 10_000;

    void fill(@Observes StartupEvent event, Pool pool) {
        pool.query("CREATE TABLE IF NOT EXISTS world (id integer PRIMARY KEY, randomnumber integer NOT NULL)").execute()
                .chain(() -> pool.query("INSERT INTO world SELECT i, 1 + floor(random() * 10000)::int FROM generate_series(1, " + ROWS
                        + ") AS i ON CONFLICT (id) DO NOTHING").execute())
                .chain(() -> pool.query("ANALYZE world").execute())
                .await().indefinitely();
    }
}
