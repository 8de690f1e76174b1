package cn.opencredit.gateway.shared.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.context.ThreadContext;
import org.eclipse.microprofile.context.spi.ThreadContextProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.context.SmallRyeThreadContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Mutiny's steps carry the CDI request context, which holds the caller's identity, and nothing else
 * (application.properties: capturing OpenTelemetry's and JTA's contexts as well cost every request
 * allocation and CPU for contexts that either travel with the Vert.x context or are never used).
 */
@QuarkusTest
class ContextPropagationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    /** Stands for the request-scoped caller: what a step must still see after a hop to another thread. */
    @RequestScoped
    static class RequestNote {

        private String text;

        String text() {
            return text;
        }

        void write(String text) {
            this.text = text;
        }
    }

    @Inject
    RequestNote note;

    @Test
    void shouldPropagateTheRequestContextAndNothingElse() {
        SmallRyeThreadContext mutinys = SmallRyeThreadContext.getCurrentThreadContextOrDefaultContexts();

        assertEquals(Set.of(ThreadContext.CDI), types(mutinys.getPlan().propagatedProviders));
        assertEquals(Set.of(), types(mutinys.getPlan().clearedProviders));
        assertTrue(types(mutinys.getPlan().unchangedProviders).containsAll(Set.of("OpenTelemetry", ThreadContext.TRANSACTION)),
                types(mutinys.getPlan().unchangedProviders).toString());
    }

    @Test
    void shouldSeeTheRequestsBeansInAStepRunOnAWorkerThread() {
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            note.write("caller of this request");
            String caller = Thread.currentThread().getName();

            String[] seen = Uni.createFrom().item("step")
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                    .map(ignored -> new String[] { note.text(), Thread.currentThread().getName() })
                    .await().atMost(PATIENCE);

            assertNotEquals(caller, seen[1], "the step ran on another thread");
            assertEquals("caller of this request", seen[0]);
        } finally {
            requestContext.terminate();
        }
    }

    private static Set<String> types(Set<ThreadContextProvider> providers) {
        return providers.stream().map(ThreadContextProvider::getThreadContextType).collect(Collectors.toSet());
    }
}
