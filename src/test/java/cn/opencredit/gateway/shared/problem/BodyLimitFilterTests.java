package cn.opencredit.gateway.shared.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

import cn.opencredit.gateway.access.AccessFixtures;

/** Bodies over the HTTP limit (10 MiB in the test profile, as in production) are refused as problems, unread. */
@QuarkusTest
class BodyLimitFilterTests {

    private static final long LIMIT = 10L * 1024 * 1024;
    private static final String CONSUMERS = "/api/v1/admin/consumers";

    private final AgroalDataSource dataSource;

    BodyLimitFilterTests(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Test
    void shouldRefuseAnAnnouncedBodyOverTheLimitWithAProblemBeforeReadingIt() throws IOException, SQLException {
        long consumers = consumerCount();

        String answer = exchange("POST " + CONSUMERS + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                + AccessFixtures.bearer(AccessFixtures.OPERATOR_KEY) + "\r\nContent-Type: application/json\r\nX-Request-Id: oversized-1\r\n"
                + "Content-Length: " + (LIMIT + 1) + "\r\n\r\n", new byte[0]);

        assertThat(answer, containsString("HTTP/1.1 413 "));
        String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
        assertThat(head, containsString("content-type: application/problem+json"));
        assertThat(head, containsString("connection: close"));
        assertThat(head, containsString("x-request-id: oversized-1"));
        assertThat(head, containsString("cache-control: no-store"));
        JsonNode problem = new ObjectMapper().readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
        assertEquals("https://api.opencredit.cn/problems/payload-too-large", problem.path("type").asText());
        assertEquals(413, problem.path("status").asInt());
        assertEquals(CONSUMERS, problem.path("instance").asText());
        assertEquals("oversized-1", problem.path("requestId").asText());
        assertEquals("body", problem.path("errors").path(0).path("field").asText());
        assertEquals("too-large", problem.path("errors").path(0).path("code").asText());
        assertThat(problem.path("detail").asText(), containsString(String.valueOf(LIMIT + 1)));
        assertEquals(consumers, consumerCount(), "nothing was created");
    }

    /** Clients that send the body straight after the headers (no Expect: 100-continue) must still read the answer. */
    @Test
    void shouldReadAndDropWhatTheClientStillSendsBeforeClosing() throws IOException {
        byte[] part = new byte[1024 * 1024];
        Arrays.fill(part, (byte) '[');

        String answer = exchange("POST " + CONSUMERS + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + (LIMIT + 1) + "\r\n\r\n", part);

        assertThat(answer, containsString("HTTP/1.1 413 "));
        assertThat(answer, containsString("\"code\":\"too-large\""));
    }

    @Test
    void shouldRefuseBeforeAuthenticationSoThatNoKeyIsNeededToBeToldTheLimit() throws IOException {
        String answer = exchange("PUT /api/v1/anything HTTP/1.1\r\nHost: localhost\r\nContent-Length: 99999999999\r\n\r\n", new byte[0]);
        assertThat(answer, containsString("HTTP/1.1 413 "));
        assertThat(answer, containsString("payload-too-large"));
    }

    @Test
    void shouldLetABodyOfExactlyTheLimitThroughToTheEndpoint() throws IOException {
        byte[] body = new byte[(int) LIMIT];
        Arrays.fill(body, (byte) ' ');

        String answer = exchange("POST " + CONSUMERS + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                + AccessFixtures.bearer(AccessFixtures.OPERATOR_KEY) + "\r\nContent-Type: application/json\r\nConnection: close\r\n"
                + "Content-Length: " + LIMIT + "\r\n\r\n", body);

        // Ten megabytes of blanks reach the JSON reader, which finds no document in them.
        assertThat(answer, not(containsString(" 413 ")));
        assertThat(answer, containsString("HTTP/1.1 400 "));
        assertThat(answer, containsString("application/problem+json"));
    }

    /**
     * A chunked body announces no length, so the filter cannot refuse it up front; the HTTP layer
     * cuts it off at the limit with its own 413. That answer is expected, not a failure: nothing
     * is created and nothing is logged as an error.
     */
    @Test
    void shouldLeaveAChunkedBodyOverTheLimitToTheHttpLayerWithoutLoggingAnError() throws IOException, SQLException {
        long consumers = consumerCount();
        List<LogRecord> errors = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    errors.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            String answer;
            try (Socket socket = new Socket("localhost", RestAssured.port)) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST " + CONSUMERS + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + AccessFixtures.bearer(AccessFixtures.OPERATOR_KEY)
                        + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                byte[] chunk = new byte[1024 * 1024];
                Arrays.fill(chunk, (byte) ' ');
                try {
                    for (long sent = 0; sent <= LIMIT; sent += chunk.length) {
                        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.UTF_8));
                        out.write(chunk);
                        out.write("\r\n".getBytes(StandardCharsets.UTF_8));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                } catch (IOException closedWhileSending) {
                    // The server answered and closed while the rest was on its way; its answer is still there to read.
                }
                ByteArrayOutputStream read = new ByteArrayOutputStream();
                socket.getInputStream().transferTo(read);
                answer = read.toString(StandardCharsets.UTF_8);
            }
            assertThat(answer, containsString("HTTP/1.1 413 "));
            // The failure reaches the error handlers on a worker thread after the answer went out.
            sleepQuietly(500);
            assertEquals(List.of(), errors.stream().map(r -> r.getLoggerName() + ": " + r.getMessage()).toList());
            assertEquals(consumers, consumerCount(), "nothing was created");
        } finally {
            root.removeHandler(capture);
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Not a length, or beyond any length: the HTTP layer refuses these before any endpoint runs. */
    @ParameterizedTest
    @ValueSource(strings = {"ten", "99999999999999999999", "-1", "1e9"})
    void shouldLeaveMalformedLengthsToTheHttpLayer(String length) throws IOException {
        String answer = exchange("POST " + CONSUMERS + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + length + "\r\n\r\n", new byte[0]);
        assertThat(answer, containsString("HTTP/1.1 400 "));
    }

    @Test
    void shouldAnswerSmallBodiesAsBefore() {
        given().header("Authorization", AccessFixtures.bearer(AccessFixtures.OPERATOR_KEY)).contentType(ContentType.JSON).body("{")
                .when().post(CONSUMERS).then().statusCode(400).contentType(ProblemDetail.MEDIA_TYPE);
    }

    /** Sends a request as written, then reads until the server closes the connection. */
    private static String exchange(String head, byte[] body) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            in.transferTo(read);
            String answer = read.toString(StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 "), answer);
            return answer;
        }
    }

    private long consumerCount() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                ResultSet count = connection.createStatement().executeQuery("SELECT count(*) FROM access_consumer")) {
            count.next();
            return count.getLong(1);
        }
    }
}
