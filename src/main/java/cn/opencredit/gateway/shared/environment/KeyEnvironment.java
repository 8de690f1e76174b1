package cn.opencredit.gateway.shared.environment;

/**
 * Which environment a key belongs to, told by its text alone: {@code ocg_test_…} keys are the
 * sandbox's, other {@code ocg_…} keys the live platform's. A key of the other environment is refused
 * before it is looked up, so neither database is ever asked about the other's keys. Keys without the
 * {@code ocg_} marker (a bootstrap operator key chosen by the operator) belong to the instance they
 * are configured on.
 */
public final class KeyEnvironment {

    public static final String LIVE_PREFIX = "ocg_";
    public static final String TEST_PREFIX = "ocg_test_";

    private KeyEnvironment() {
    }

    public static boolean isTestKey(String key) {
        return key.startsWith(TEST_PREFIX);
    }

    public static boolean isLiveKey(String key) {
        return key.startsWith(LIVE_PREFIX) && !isTestKey(key);
    }

    /** The prefix of the keys an instance issues. */
    public static String issuedPrefix(boolean sandbox) {
        return sandbox ? TEST_PREFIX : LIVE_PREFIX;
    }
}
