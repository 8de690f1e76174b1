package bench.anchor;

import java.util.concurrent.ThreadLocalRandom;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** {@code GET /db}: one random row of the 10 000 by primary key, as JSON. */
@Path("/db")
public class WorldResource {

    private final Pool pool;

    WorldResource(Pool pool) {
        this.pool = pool;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<World> db() {
        int id = ThreadLocalRandom.current().nextInt(1, WorldTable.ROWS + 1);
        return pool.preparedQuery("SELECT id, randomnumber FROM world WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new World(row.getInteger(0), row.getInteger(1));
                });
    }
}
