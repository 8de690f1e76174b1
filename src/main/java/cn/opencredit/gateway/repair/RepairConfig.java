package cn.opencredit.gateway.repair;

import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import cn.opencredit.gateway.record.RecordCategory;

@ConfigMapping(prefix = "opencredit.repair")
public interface RepairConfig {

    /** The repair commitment (信用修复承诺) every application accepts, word for word, unless configured otherwise. */
    String STANDARD_COMMITMENT = "本单位（本人）郑重承诺：已纠正失信行为、履行完毕法定责任和义务，所提交的信用修复申请材料真实、准确、完整；"
            + "今后将严格遵守法律、法规和规章，诚信经营。如违反本承诺，自愿接受有关部门依法依规作出的处理，并同意将违反信用修复承诺的情况记入"
            + "本单位（本人）信用记录，依法向社会公开。";

    /**
     * Working days the deciding authority has to decide, counted from the day after the
     * application was submitted with the shipped calendar: 国办发〔2025〕22号, 三 (明确信用修复办理期限):
     * the sector authority decides within 3 working days of receiving the application
     * (docs/capabilities/repair.md).
     */
    @WithDefault("3")
    int decideWithinWorkingDays();

    /**
     * Working days within which the applicant has its answer, counted the same way: 国办发〔2025〕22号,
     * 三: the intake window (信用中国, here the gateway) answers within 10 working days of receiving
     * the application.
     */
    @WithDefault("10")
    int answerWithinWorkingDays();

    /**
     * The commitment text an application accepts, published at GET /api/v1/repair-applications/commitment-text.
     * An application stores the text it accepted, so changing it does not touch earlier ones.
     */
    @WithDefault(STANDARD_COMMITMENT)
    String commitmentText();

    /**
     * Record categories whose failings are not repaired through this workflow (《信用修复管理办法》第二条:
     * where laws, regulations or central policy say they cannot be). By default judicial records
     * (失信被执行人 and judgments): the court that made them ends them, through its own procedure.
     */
    @WithDefault("judicial")
    Set<RecordCategory> unrepairableCategories();

    /**
     * When the daily end of publication runs (a Quarkus cron, China time); {@code off} disables it.
     * Read by the scheduler as ${opencredit.repair.publication-end-cron}.
     */
    @WithDefault("0 10 0 * * ?")
    String publicationEndCron();

    /** Records ended per transaction by the daily end of publication; it runs batches until none is left. */
    @WithDefault("500")
    int publicationEndBatch();
}
