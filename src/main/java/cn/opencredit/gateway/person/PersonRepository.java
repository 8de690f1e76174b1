package cn.opencredit.gateway.person;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Persons: the subject row (name, keyed hash) and the person row (sealed identity number, mask, occupation). */
@ApplicationScoped
class PersonRepository {

    private static final String COLUMNS = """
            p.subject_id, p.public_id, s.name, p.identity_masked, p.occupation""";

    private final Pool pool;

    PersonRepository(Pool pool) {
        this.pool = pool;
    }

    /** A person as read: never the identity number, only its mask. */
    record Found(long subjectId, UUID publicId, String name, String masked, String occupation) {
    }

    Uni<Optional<Found>> byPublicId(UUID publicId) {
        return one("SELECT " + COLUMNS + " FROM person p JOIN subject s ON s.id = p.subject_id WHERE p.public_id = $1", Tuple.of(publicId));
    }

    Uni<Optional<Found>> byIdentityHash(byte[] hash) {
        return one("SELECT " + COLUMNS + " FROM person p JOIN subject s ON s.id = p.subject_id WHERE s.identity_hash = $1",
                Tuple.of(Buffer.buffer(hash)));
    }

    private Uni<Optional<Found>> one(String sql, Tuple arguments) {
        return pool.preparedQuery(sql).execute(arguments)
                .map(rows -> rows.iterator().hasNext() ? Optional.of(found(rows.iterator().next())) : Optional.empty());
    }

    private static Found found(Row row) {
        return new Found(row.getLong("subject_id"), row.getUUID("public_id"), row.getString("name"), row.getString("identity_masked"),
                row.getString("occupation"));
    }

    /** What registering a person needs: the sealing is done once the subject's id is known. */
    record Registration(byte[] identityHash, String name, String regionCode, String masked, String occupation) {
    }

    /**
     * The person with this hash: the subject row is made if ingestion has not made it yet, the
     * person row if it is new (sealed by {@code seal}, which gets the subject id), and the name and
     * occupation are brought up to date. Answers whether the person row is new.
     */
    Uni<Boolean> register(Registration person, Function<Long, IdentityCipher.Sealed> seal, OffsetDateTime now) {
        return pool.withTransaction(tx -> tx.preparedQuery("""
                        INSERT INTO subject (uscc, identity_hash, name, subject_type, region_code)
                        VALUES (NULL, $1, $2, 'NATURAL_PERSON', $3)
                        ON CONFLICT (identity_hash) DO UPDATE SET name = excluded.name, updated_at = $4, version = subject.version + 1
                        RETURNING id""")
                .execute(Tuple.of(Buffer.buffer(person.identityHash()), person.name(), person.regionCode(), now))
                .chain(rows -> {
                    long subjectId = rows.iterator().next().getLong(0);
                    IdentityCipher.Sealed sealed = seal.apply(subjectId);
                    return insertPerson(tx, subjectId, sealed, person, now);
                }));
    }

    private static Uni<Boolean> insertPerson(SqlConnection tx, long subjectId, IdentityCipher.Sealed sealed, Registration person, OffsetDateTime now) {
        return tx.preparedQuery("""
                        INSERT INTO person (subject_id, public_id, identity_cipher, identity_key_id, identity_masked, occupation, created_at, updated_at)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
                        ON CONFLICT (subject_id) DO UPDATE SET occupation = coalesce(excluded.occupation, person.occupation), updated_at = $7,
                            version = person.version + 1
                        RETURNING (xmax = 0) AS inserted""")
                .execute(Tuple.tuple().addLong(subjectId).addUUID(UUID.randomUUID()).addValue(Buffer.buffer(sealed.bytes()))
                        .addString(sealed.keyId()).addString(person.masked()).addString(person.occupation()).addValue(now))
                .map(rows -> rows.iterator().next().getBoolean("inserted"));
    }

    /** A sealed identity number still under a key other than the current one. */
    record Stale(long subjectId, byte[] sealed, String keyId) {
    }

    Uni<List<Stale>> underOtherKeys(String currentKeyId, int limit) {
        return pool.preparedQuery("SELECT subject_id, identity_cipher, identity_key_id FROM person WHERE identity_key_id <> $1 ORDER BY subject_id LIMIT $2")
                .execute(Tuple.of(currentKeyId, limit)).map(rows -> {
                    List<Stale> stale = new ArrayList<>();
                    rows.forEach(row -> stale.add(new Stale(row.getLong(0), row.getBuffer(1).getBytes(), row.getString(2))));
                    return stale;
                });
    }

    /** Replaces a ciphertext, only if the row is still under the key it was read under (another replica may have moved it). */
    /** A row sealed again: its subject, the key it was sealed under, and the new seal. */
    record Resealed(long subjectId, String fromKeyId, IdentityCipher.Sealed sealed) {
    }

    /**
     * Writes a batch of new seals in one round trip (the statements pipelined), each only where the
     * row is still under the key it was read with; answers how many rows changed.
     */
    Uni<Long> reseal(List<Resealed> resealed, OffsetDateTime now) {
        if (resealed.isEmpty()) {
            return Uni.createFrom().item(0L);
        }
        List<Tuple> tuples = resealed.stream().map(r -> Tuple.tuple().addLong(r.subjectId()).addString(r.fromKeyId())
                .addValue(Buffer.buffer(r.sealed().bytes())).addString(r.sealed().keyId()).addValue(now)).toList();
        return pool.preparedQuery("""
                        UPDATE person SET identity_cipher = $3, identity_key_id = $4, updated_at = $5, version = version + 1
                        WHERE subject_id = $1 AND identity_key_id = $2""")
                .executeBatch(tuples)
                .map(first -> {
                    long changed = 0;
                    for (RowSet<Row> result = first; result != null; result = result.next()) {
                        changed += result.rowCount();
                    }
                    return changed;
                });
    }
}
