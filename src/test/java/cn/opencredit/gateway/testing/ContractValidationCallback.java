package cn.opencredit.gateway.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeClassCallback;

/**
 * Installs {@link ContractValidation} and {@link RestAssuredDefaults} before the first
 * {@code @QuarkusTest} class runs, inside the class loader that runs the tests (and their REST
 * Assured), so that no answer escapes it.
 * Registered in META-INF/services.
 */
public class ContractValidationCallback implements QuarkusTestBeforeClassCallback {

    @Override
    public void beforeClass(Class<?> testClass) {
        RestAssuredDefaults.apply();
        ContractValidation.install();
    }
}
