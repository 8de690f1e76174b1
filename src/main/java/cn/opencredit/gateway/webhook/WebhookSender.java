package cn.opencredit.gateway.webhook;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;

import cn.opencredit.gateway.shared.problem.ProblemException;

/**
 * POSTs one message to one endpoint, signed, with the Vert.x HTTP client: non-blocking like the
 * rest of the gateway, and able to connect to the very address {@link WebhookTargets} checked
 * ({@code RequestOptions.setServer}) while the TLS handshake still sends and verifies the host
 * name. (java.net.http resolves names itself and would reopen the DNS-rebinding window.) Redirects
 * are not followed: a 3xx is a failed attempt.
 */
@ApplicationScoped
class WebhookSender {

    private final HttpClient client;
    private final WebhookTargets targets;
    private final WebhookSecrets secrets;
    private final WebhookConfig config;

    WebhookSender(Vertx vertx, WebhookTargets targets, WebhookSecrets secrets, WebhookConfig config) {
        this.client = vertx.createHttpClient(new HttpClientOptions().setVerifyHost(true).setForceSni(true).setKeepAlive(true)
                .setMaxPoolSize(Math.max(8, config.batchSize())).setConnectTimeout((int) config.timeout().toMillis()));
        this.targets = targets;
        this.secrets = secrets;
        this.config = config;
    }

    @PreDestroy
    void close() {
        client.closeAndAwait();
    }

    /** What the receiver answered: a status code, or why there was none (a refused target, a timeout, a connection error). */
    record Answer(Integer statusCode, String error, int latencyMs) {

        boolean accepted() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    Uni<Answer> send(DeliveryRepository.Claimed claimed, OffsetDateTime now) {
        long started = System.nanoTime();
        long timestamp = now.toEpochSecond();
        String signatures = WebhookSecrets.signatures(signingSecrets(claimed, now), claimed.messageId(), timestamp, claimed.body());
        return targets.resolve(claimed.url()).chain(resolved -> {
            WebhookPolicies.Target target = resolved.target();
            String path = target.uri().getRawPath() == null || target.uri().getRawPath().isEmpty() ? "/" : target.uri().getRawPath();
            RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
                    .setServer(SocketAddress.inetSocketAddress(target.port(), resolved.address().getHostAddress()))
                    .setHost(target.host()).setPort(target.port()).setSsl(target.https())
                    .setURI(target.uri().getRawQuery() == null ? path : path + "?" + target.uri().getRawQuery())
                    .setTimeout(config.timeout().toMillis()).setFollowRedirects(false)
                    .putHeader("content-type", "application/json").putHeader("user-agent", "OpenCredit-Gateway-Webhooks/1")
                    .putHeader("webhook-id", claimed.messageId()).putHeader("webhook-timestamp", Long.toString(timestamp))
                    .putHeader("webhook-signature", signatures);
            return client.request(options).chain(request -> request.send(Buffer.buffer(claimed.body())))
                    .chain(response -> response.body().replaceWith(response.statusCode()))
                    .map(status -> new Answer(status, status >= 200 && status < 300 ? null : "HTTP " + status, elapsed(started)));
        }).onFailure(ProblemException.class).recoverWithItem(refused -> new Answer(null, ((ProblemException) refused).errors().isEmpty()
                ? "refused-target" : ((ProblemException) refused).errors().getFirst().code(), elapsed(started)))
                .onFailure().recoverWithItem(failure -> new Answer(null, describe(failure), elapsed(started)));
    }

    /** The current secret, and the previous one while its overlap after a rotation lasts. */
    private List<String> signingSecrets(DeliveryRepository.Claimed claimed, OffsetDateTime now) {
        List<String> signing = new ArrayList<>();
        signing.add(secrets.open(claimed.secret(), claimed.consumerId()));
        if (claimed.previousSecret() != null && claimed.previousSecretUntil() != null && now.isBefore(claimed.previousSecretUntil())) {
            signing.add(secrets.open(claimed.previousSecret(), claimed.consumerId()));
        }
        return signing;
    }

    private static String describe(Throwable failure) {
        String kind = failure instanceof java.util.concurrent.TimeoutException || failure.getClass().getSimpleName().contains("Timeout")
                ? "timeout" : failure instanceof java.net.ConnectException ? "connection-refused" : "connection-failed";
        String message = failure.getMessage() == null ? "" : ": " + failure.getMessage();
        return (kind + message).length() > 300 ? (kind + message).substring(0, 300) : kind + message;
    }

    private static int elapsed(long started) {
        return (int) ((System.nanoTime() - started) / 1_000_000);
    }
}
