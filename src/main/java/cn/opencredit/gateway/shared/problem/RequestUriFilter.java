package cn.opencredit.gateway.shared.problem;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;

import cn.opencredit.gateway.shared.web.RequestIdFilter;

/**
 * Refuses a request URI that is too long (414) or whose percent-encoding is malformed or not
 * UTF-8 (400) with a problem body, before the router decodes it. Left to the HTTP layer, both are
 * answered with an empty body. The HTTP layer takes request lines up to
 * {@code quarkus.http.limits.max-initial-line-length} (64 KB), so that this filter sees them.
 */
@ApplicationScoped
public class RequestUriFilter {

    /**
     * The system property that turns Quarkus' own URI check off (an empty 400), set before start-up
     * by {@code GatewayMain} and by the test runners, so that this filter answers instead.
     */
    public static final String URI_VALIDATION_SWITCH = "vertx.disableURIValidation";

    /** The longest request URI answered; browsers and proxies commonly stop at 8 KB. */
    public static final int MAX_URI_LENGTH = 8192;
    /** After {@link RequestIdFilter} (1000), so that the problem names the request's id. */
    private static final int PRIORITY = 950;

    private final ObjectMapper json;

    RequestUriFilter(ObjectMapper json) {
        this.json = json;
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    private void check(RoutingContext context) {
        String uri = context.request().uri();
        if (uri.length() > MAX_URI_LENGTH) {
            refuse(context, ProblemType.URI_TOO_LONG, "The request URI has " + uri.length() + " characters; at most " + MAX_URI_LENGTH
                    + " are answered. Send long filters in fewer, shorter parameters", List.of());
            return;
        }
        int malformedAt = malformedAt(uri);
        if (malformedAt < 0) {
            malformedAt = unparsableAt(uri);
        }
        if (malformedAt >= 0) {
            refuse(context, ProblemType.MALFORMED_URI, "The request URI is not a valid percent-encoded UTF-8 URI (RFC 3986) at position "
                    + (malformedAt + 1) + ": every '%' must be followed by two hex digits, the bytes they encode must be UTF-8, and "
                    + "spaces, quotes, <, >, \\, ^, `, {, | and } must be percent-encoded",
                    List.of(new FieldError("uri", "percent-encoding", "malformed at position " + (malformedAt + 1))));
            return;
        }
        context.next();
    }

    /** Where {@link URI} stops parsing the request URI, as Quarkus' own check would; -1 when it parses. */
    static int unparsableAt(String uri) {
        try {
            new URI(uri);
            return -1;
        } catch (URISyntaxException e) {
            return Math.max(0, e.getIndex());
        }
    }

    /** Where the URI's percent-encoding is malformed, or what it encodes is not UTF-8; -1 when it is fine. */
    static int malformedAt(String uri) {
        int percent = uri.indexOf('%');
        if (percent < 0) {
            return -1;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(uri.length());
        int runStart = -1;
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c != '%') {
                if (runStart >= 0 && !utf8(bytes)) {
                    return runStart;
                }
                runStart = -1;
                bytes.reset();
                continue;
            }
            if (i + 2 >= uri.length() || Character.digit(uri.charAt(i + 1), 16) < 0 || Character.digit(uri.charAt(i + 2), 16) < 0) {
                return i;
            }
            if (runStart < 0) {
                runStart = i;
            }
            bytes.write(Character.digit(uri.charAt(i + 1), 16) * 16 + Character.digit(uri.charAt(i + 2), 16));
            i += 2;
        }
        return runStart >= 0 && !utf8(bytes) ? runStart : -1;
    }

    private static boolean utf8(ByteArrayOutputStream run) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(run.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private void refuse(RoutingContext context, ProblemType type, String detail, List<FieldError> errors) {
        ProblemAnswers.end(context, new ProblemException(type, detail, errors), json);
    }
}
