package cn.opencredit.gateway.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.validator.BeanValidationConfigValidator;

/**
 * A replica with no worker loop, or a worker that takes no subject at a time, would never evaluate
 * anything while it looks healthy: the service refuses to start with either, naming the key. Checked
 * with the same mapping and bean validation Quarkus applies at start-up.
 */
class EvaluationConfigTests {

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    private static SmallRyeConfigBuilder config(String key, String value) {
        return new SmallRyeConfigBuilder().withMapping(EvaluationConfig.class).withDefaultValue(key, value)
                .withValidator((BeanValidationConfigValidator) () -> VALIDATOR);
    }

    @ParameterizedTest
    @ValueSource(strings = {"opencredit.evaluation.worker-loops", "opencredit.evaluation.queue-batch"})
    void shouldRefuseToStartWithNothingThatEvaluates(String key) {
        for (String value : new String[] {"0", "-1"}) {
            ConfigValidationException refused = assertThrows(ConfigValidationException.class, () -> config(key, value).build(), key + "=" + value);
            assertTrue(refused.getMessage().contains(key), refused.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "4"})
    void shouldRunAsManyWorkerLoopsAsConfigured(String loops) {
        SmallRyeConfig config = config("opencredit.evaluation.worker-loops", loops).build();
        assertEquals(Integer.parseInt(loops), config.getConfigMapping(EvaluationConfig.class).workerLoops());
        assertEquals(500, config.getConfigMapping(EvaluationConfig.class).queueBatch());
    }
}
