package cn.opencredit.gateway.seed;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.StartupEvent;

/**
 * Whether start-up creates the loader. That a created loader loads is what every {@code @QuarkusTest}
 * relies on: the test profile seeds 300 subjects through this observer.
 */
class SeedOnStartupTests {

    @Test
    void shouldNotCreateTheLoaderWhenNoSubjectsAreAsked() {
        SeedOnStartup.onStart(new StartupEvent(), config(0), () -> {
            throw new AssertionError("the loader was created although opencredit.seed.subjects is 0");
        });
    }

    @Test
    void shouldCreateTheLoaderWhenSubjectsAreAsked() {
        assertThrows(LoaderCreated.class, () -> SeedOnStartup.onStart(new StartupEvent(), config(1), () -> {
            throw new LoaderCreated();
        }));
    }

    private static final class LoaderCreated extends RuntimeException {
        LoaderCreated() {
            super(null, null, false, false);
        }
    }

    // A proxy, not a class: a class implementing SeedConfig would bring its constraint annotations into the
    // application every @QuarkusTest builds, and ArC refuses them there.
    private static SeedConfig config(int subjects) {
        return (SeedConfig) Proxy.newProxyInstance(SeedConfig.class.getClassLoader(), new Class<?>[] {SeedConfig.class},
                (proxy, method, arguments) -> switch (method.getName()) {
                    case "subjects" -> subjects;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
