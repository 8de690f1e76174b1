package cn.opencredit.gateway.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replicas of the packaged gateway ({@code target/quarkus-app/quarkus-run.jar}), each its own JVM
 * process, sharing one PostgreSQL database and one Redis database, as replicas behind a
 * Kubernetes Service do. For the properties that hold only across processes: shared limits,
 * consent revocation on every replica, durability.
 *
 * <p>The database ({@code opencredit_it}) is created when missing and migrated by the first
 * replica; Redis database 3 is emptied first, so that runs do not see each other's counters.
 */
public final class PackagedReplicas implements AutoCloseable {

    public static final String OPERATOR_KEY = "it-operator-key-0123456789abcdef0123456";
    private static final String DATABASE = "opencredit_it";
    private static final String REDIS = "redis://127.0.0.1:6379/3";
    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern KEY = Pattern.compile("\"key\"\\s*:\\s*\"([^\"]+)\"");

    /** One Ed25519 pair for all replicas of a run, as one Secret would give them. */
    private static final java.security.KeyPair HISTORY_KEYS = historyKeys();

    private final List<Process> processes = new ArrayList<>();
    private final List<URI> apis = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PackagedReplicas() {
    }

    /**
     * Starts {@code count} replicas one after the other, each with these system properties, and
     * waits until each is ready.
     */
    public static PackagedReplicas start(int count, Map<String, String> properties) throws Exception {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: the integration tests run after `package`");
        }
        createDatabase();
        flushRedis();
        PackagedReplicas replicas = new PackagedReplicas();
        try {
            for (int i = 0; i < count; i++) {
                replicas.startOne(i, properties);
            }
        } catch (Exception e) {
            replicas.close();
            throw e;
        }
        return replicas;
    }

    public URI api(int replica) {
        return apis.get(replica);
    }

    public int size() {
        return apis.size();
    }

    /** A new consumer of {@code type} on {@code plan}, with one key; answers the key. */
    public String newKey(String type, String plan) throws IOException, InterruptedException {
        String consumer = send(post(api(0).resolve("/api/v1/admin/consumers"), OPERATOR_KEY,
                "{\"name\":\"it " + System.nanoTime() + "\",\"type\":\"" + type + "\",\"plan\":\"" + plan + "\"}"), 201);
        String id = first(ID, consumer);
        return first(KEY, send(post(api(0).resolve("/api/v1/admin/consumers/" + id + "/keys"), OPERATOR_KEY, "{}"), 201));
    }

    public HttpClient http() {
        return http;
    }

    public static HttpRequest get(URI uri, String key) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + key).GET().build();
    }

    private static HttpRequest post(URI uri, String key, String json) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private String send(HttpRequest request, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException(pattern + " not found in " + text);
        }
        return matcher.group(1);
    }

    private void startOne(int index, Map<String, String> properties) throws Exception {
        int port = freePort();
        int management = freePort();
        Path log = Path.of("target", "replica-" + index + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m"));
        properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.addAll(List.of("-jar", JAR.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://127.0.0.1:5432/" + DATABASE);
        settings.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/" + DATABASE);
        settings.put("QUARKUS_REDIS_HOSTS", REDIS);
        settings.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        settings.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(management));
        settings.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        settings.put("OPENCREDIT_BOOTSTRAP_OPERATOR_KEY", OPERATOR_KEY);
        settings.put("OPENCREDIT_SEED_SUBJECTS", index == 0 ? "50" : "0");
        settings.put("OPENCREDIT_HISTORY_SIGNING_KEY", java.util.Base64.getEncoder().encodeToString(HISTORY_KEYS.getPrivate().getEncoded()));
        settings.put("OPENCREDIT_HISTORY_PUBLIC_KEY", java.util.Base64.getEncoder().encodeToString(HISTORY_KEYS.getPublic().getEncoded()));
        // Persons' identity numbers are sealed with it; the packaged jar does not start without one.
        settings.put("OPENCREDIT_PERSON_IDENTITY_KEY", "replicas:" + java.util.Base64.getEncoder().encodeToString(new byte[32]));
        env.putAll(settings);
        Process process = builder.start();
        processes.add(process);
        URI ready = URI.create("http://127.0.0.1:" + management + "/q/health/ready");
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("replica " + index + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    break;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("replica " + index + " was not ready within " + STARTUP + "; see " + log);
            }
            Thread.sleep(200);
        }
        apis.add(URI.create("http://127.0.0.1:" + port));
    }

    private static java.security.KeyPair historyKeys() {
        try {
            return java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime since 15 has Ed25519", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void createDatabase() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0");
            }
        }
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + DATABASE, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
        }
    }

    private static void flushRedis() throws IOException {
        URI uri = URI.create(REDIS);
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(5_000);
            var out = socket.getOutputStream();
            out.write(("*2\r\n$6\r\nSELECT\r\n$1\r\n3\r\n*1\r\n$7\r\nFLUSHDB\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII));
            for (int reply = 0; reply < 2; reply++) {
                String line = in.readLine();
                if (line == null || !line.startsWith("+OK")) {
                    throw new IOException("Redis answered " + line + " to SELECT 3 / FLUSHDB");
                }
            }
        }
    }

    /** Stops every replica (SIGTERM, then SIGKILL after 20 s). */
    @Override
    public void close() {
        processes.forEach(Process::destroy);
        for (Process process : processes) {
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
