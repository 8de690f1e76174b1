package cn.opencredit.gateway.registration;

import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "opencredit.registration")
public interface RegistrationConfig {

    /** The truthfulness commitment (信用承诺) every registration accepts, word for word, unless configured otherwise. */
    String STANDARD_COMMITMENT = "本单位（本人）郑重承诺：所注册的信用信息及提交的证明材料真实、准确、完整、有效，不存在虚假记载、误导性陈述或者"
            + "重大遗漏；信息发生变化时及时更新或者撤回。如有虚假，自愿接受有关部门依法依规作出的处理，并同意将违反信用承诺的情况记入本单位（本人）"
            + "信用记录，依法向社会公开。";

    /**
     * Working days the responsible department has to verify an item, counted from the day after it
     * was submitted with the shipped calendar. No national figure could be confirmed
     * (docs/capabilities/registration.md); set the local rule's.
     */
    @WithDefault("10")
    int verifyWithinWorkingDays();

    /**
     * The commitment text a registration accepts, published at GET /api/v1/registrations/commitment-text.
     * A registration stores the text it accepted, so changing it does not touch earlier items.
     */
    @WithDefault(STANDARD_COMMITMENT)
    String commitmentText();

    /**
     * Which department verifies: by category code ({@code qualification}, {@code operations},
     * {@code contract-performance}, {@code public-welfare}, {@code honour}), then by the prefix of the
     * subject's region code (行政区划, 1 to 6 digits; the longest that matches wins), the department's
     * USCC: {@code opencredit.registration.routes.qualification.659001=11659001MB0000019Q}. An item
     * without a route is refused (409 no-department).
     */
    Map<String, Map<String, String>> routes();
}
