package cn.opencredit.gateway.shared.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The request id as callers see it: one per request, in the answer's header and in the problem
 * body, which reads it back from the request headers the filter wrote.
 */
@QuarkusTest
class RequestIdFilterTests {

    /** A random (version 4, RFC 4122 variant) UUID in lower-case hex. */
    private static final Pattern GENERATED = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    /** An invalid check character: answered by a problem at once, without the database. */
    private static final String PROBLEM_PATH = "/api/v1/subjects/914403001922038217";
    private static final int THREADS = 8;
    private static final int REQUESTS_PER_THREAD = 50;

    /** Requests from several connections at once reach several event-loop threads, each with its own random source. */
    @Test
    void shouldGiveEveryRequestADistinctVersionFourUuid() throws Exception {
        List<Future<List<String>>> batches = new ArrayList<>();
        try (ExecutorService callers = Executors.newFixedThreadPool(THREADS)) {
            for (int t = 0; t < THREADS; t++) {
                batches.add(callers.submit(() -> {
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
                        ids.add(idOf(given().when().get(PROBLEM_PATH)));
                    }
                    return ids;
                }));
            }
        }
        Set<String> distinct = new HashSet<>();
        for (Future<List<String>> batch : batches) {
            for (String id : batch.get()) {
                assertTrue(GENERATED.matcher(id).matches(), id);
                assertEquals(4, UUID.fromString(id).version(), id);
                assertEquals(2, UUID.fromString(id).variant(), id);
                distinct.add(id);
            }
        }
        assertEquals(THREADS * REQUESTS_PER_THREAD, distinct.size());
    }

    @Test
    void shouldKeepTheCallersIdWhenItIsSane() {
        for (String sane : List.of("client-req.42_A-b", "7", "a".repeat(64), UUID.randomUUID().toString().toUpperCase())) {
            assertEquals(sane, idOf(given().header(RequestIdFilter.HEADER, sane).when().get(PROBLEM_PATH)));
        }
    }

    /** Too long, empty, or with characters that do not belong in logs and headers: a new id instead, used throughout. */
    @Test
    void shouldReplaceTheCallersIdWhenItIsNotSane() {
        for (String insane : List.of("a".repeat(65), "", " ", "two words", "semi;colon", "a/b", "请求编号", "id\u0001")) {
            String id = idOf(given().header(RequestIdFilter.HEADER, insane).when().get(PROBLEM_PATH));
            assertNotEquals(insane, id);
            assertTrue(GENERATED.matcher(id).matches(), () -> "'" + insane + "' was replaced by " + id);
        }
    }

    /** The answer's X-Request-Id, once checked to be the one its problem body names. */
    private static String idOf(Response response) {
        response.then().statusCode(400);
        String header = response.header(RequestIdFilter.HEADER);
        assertEquals(header, response.path("requestId"), "the problem body names the request by the id of its header");
        return header;
    }
}
