package cn.opencredit.gateway.seed;

import static cn.opencredit.gateway.seed.DepartmentKind.AGRICULTURE;
import static cn.opencredit.gateway.seed.DepartmentKind.CIVIL_AFFAIRS;
import static cn.opencredit.gateway.seed.DepartmentKind.COURT;
import static cn.opencredit.gateway.seed.DepartmentKind.DEVELOPMENT_AND_REFORM;
import static cn.opencredit.gateway.seed.DepartmentKind.ECOLOGY;
import static cn.opencredit.gateway.seed.DepartmentKind.EDUCATION;
import static cn.opencredit.gateway.seed.DepartmentKind.EMERGENCY_MANAGEMENT;
import static cn.opencredit.gateway.seed.DepartmentKind.HEALTH;
import static cn.opencredit.gateway.seed.DepartmentKind.HOUSING;
import static cn.opencredit.gateway.seed.DepartmentKind.HUMAN_RESOURCES;
import static cn.opencredit.gateway.seed.DepartmentKind.MARKET_REGULATION;
import static cn.opencredit.gateway.seed.DepartmentKind.TAXATION;
import static cn.opencredit.gateway.seed.DepartmentKind.TRANSPORT;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;


import cn.opencredit.gateway.record.RecordCategory;
import cn.opencredit.gateway.subject.SubjectType;

/**
 * What each kind of record says and which department sends it. A template applies to a subject
 * when the subject's type is among {@code types} and its industry section is in {@code sections}
 * (an empty string means any section): a restaurant gets food licences, a builder site inspections.
 */
final class RecordTemplates {

    sealed interface Template permits Licence, Penalty, Action {
        RecordCategory category();

        DepartmentKind department();

        String sections();

        Set<SubjectType> types();

        default boolean appliesTo(SubjectType type, char section) {
            return types().contains(type) && (sections().isEmpty() || sections().indexOf(section) >= 0);
        }
    }

    /**
     * An administrative licence (行政许可).
     *
     * @param numberPattern {@code USCC} followed by an optional suffix when the licence number is the
     *                      holder's code (营业执照, 排污许可证); otherwise a prefix the region code and a serial follow
     * @param validYears    0 for a licence without an end date
     */
    record Licence(DepartmentKind department, String sections, Set<SubjectType> types, String certificate,
                   String licenceClass, String scope, String numberPattern, int validYears, String legalBasis)
            implements Template {
        @Override
        public RecordCategory category() {
            return RecordCategory.LICENCE;
        }
    }

    /** An administrative penalty (行政处罚): the offence as the template names it, the facts and the provision applied. */
    record Penalty(DepartmentKind department, String sections, Set<SubjectType> types, String offence, String facts,
                   String legalBasis) implements Template {
        @Override
        public RecordCategory category() {
            return RecordCategory.PENALTY;
        }
    }

    /**
     * Any other record: a title, a detail line and, when {@code outcomes} is set, one outcome after its label.
     *
     * @param documentMark the character after the department in the decision number (强 in 滑市监强〔2026〕1号);
     *                     for court records the case type (民初, 执); null when such records carry no number
     * @param maxYuan      0 when the record involves no money; otherwise amounts run from {@code minYuan} to it
     */
    record Action(RecordCategory category, DepartmentKind department, String sections, Set<SubjectType> types, String title,
                  String detail, String outcomeLabel, Weighted<String> outcomes, String legalBasis,
                  String documentMark, long minYuan, long maxYuan) implements Template {
    }

    static final Set<SubjectType> MARKET = GeneratedSubjectTypes.MARKET;
    static final Set<SubjectType> ENTERPRISES = EnumSet.of(SubjectType.ENTERPRISE);
    static final Set<SubjectType> SOCIAL = EnumSet.of(SubjectType.SOCIAL_ORGANISATION);
    static final Set<SubjectType> MARKET_AND_SOCIAL = EnumSet.of(SubjectType.ENTERPRISE, SubjectType.INDIVIDUAL_BUSINESS,
            SubjectType.FARMERS_COOPERATIVE, SubjectType.SOCIAL_ORGANISATION);
    static final Set<SubjectType> NON_GOVERNMENT = EnumSet.of(SubjectType.ENTERPRISE, SubjectType.INDIVIDUAL_BUSINESS,
            SubjectType.FARMERS_COOPERATIVE, SubjectType.SOCIAL_ORGANISATION, SubjectType.PUBLIC_INSTITUTION);
    static final Set<SubjectType> ANY = GeneratedSubjectTypes.ALL;

    private static final Weighted<String> INSPECTION_OUTCOMES = Weighted.<String>builder()
            .add("未发现问题", 82).add("发现问题，已责令整改", 13).add("发现问题，已立案调查", 3)
            .add("通过登记的住所（经营场所）无法联系", 2).build();
    private static final Weighted<String> JUDGMENTS = Weighted.<String>builder()
            .add("判令被告支付欠款及利息", 50).add("驳回原告的诉讼请求", 15).add("双方当事人达成调解协议", 25)
            .add("准许原告撤回起诉", 10).build();
    private static final Weighted<String> ENFORCEMENTS = Weighted.<String>builder()
            .add("执行完毕", 45).add("终结本次执行程序", 40).add("双方当事人达成执行和解", 15).build();
    private static final Weighted<String> FULFILMENT = Weighted.<String>builder()
            .add("履约中", 45).add("已践诺", 50).add("未践诺", 5).build();

    static final List<Template> ALL = List.of(
            // 行政许可
            new Licence(MARKET_REGULATION, "", MARKET, "营业执照", "登记", "变更登记", "USCC", 0,
                    "《中华人民共和国市场主体登记管理条例》第二十一条"),
            new Licence(MARKET_REGULATION, "HFC", MARKET, "食品经营许可证", "普通",
                    "预包装食品（含冷藏冷冻食品）销售；热食类食品制售", "JY1", 5, "《中华人民共和国食品安全法》第三十五条"),
            new Licence(MARKET_REGULATION, "C", MARKET, "食品生产许可证", "普通", "粮食加工品；糕点；饮料", "SC1", 5,
                    "《中华人民共和国食品安全法》第三十五条"),
            new Licence(HOUSING, "E", MARKET, "建筑业企业资质证书", "认可", "施工总承包三级；专业承包二级", "D3", 5,
                    "《中华人民共和国建筑法》第十三条"),
            new Licence(HOUSING, "EK", MARKET, "建筑工程施工许可证", "核准", "住宅楼及配套设施工程施工", "", 0,
                    "《中华人民共和国建筑法》第七条"),
            new Licence(TRANSPORT, "G", MARKET, "道路运输经营许可证", "普通", "道路普通货物运输；货物专用运输（集装箱）",
                    "", 4, "《中华人民共和国道路运输条例》第二十四条"),
            new Licence(ECOLOGY, "BCD", MARKET, "排污许可证", "普通", "大气污染物、水污染物排放", "USCC001V", 5,
                    "《排污许可管理条例》第二条"),
            new Licence(HEALTH, "Q", NON_GOVERNMENT, "医疗机构执业许可证", "普通", "内科；外科；预防保健科；医学检验科",
                    "PDY", 5, "《医疗机构管理条例》第十五条"),
            new Licence(HEALTH, "HO", MARKET, "公共场所卫生许可证", "普通", "住宿；美容美发；沐浴", "卫公证字", 4,
                    "《公共场所卫生管理条例》第八条"),
            new Licence(EMERGENCY_MANAGEMENT, "BC", MARKET, "安全生产许可证", "普通", "非煤矿山开采；危险化学品生产",
                    "WH安许证字", 3, "《安全生产许可证条例》第二条"),
            new Licence(EMERGENCY_MANAGEMENT, "F", MARKET, "危险化学品经营许可证", "普通", "汽油、柴油零售", "危化经字", 3,
                    "《危险化学品安全管理条例》第三十三条"),
            new Licence(HUMAN_RESOURCES, "L", MARKET, "劳务派遣经营许可证", "普通", "劳务派遣", "人社派许字", 3,
                    "《中华人民共和国劳动合同法》第五十七条"),
            new Licence(HUMAN_RESOURCES, "L", MARKET, "人力资源服务许可证", "普通", "职业介绍；人才推荐；人员招聘",
                    "人社服许字", 0, "《人力资源市场暂行条例》第十八条"),
            new Licence(EDUCATION, "P", MARKET_AND_SOCIAL, "民办学校办学许可证", "普通", "非学历文化教育培训", "教民", 5,
                    "《中华人民共和国民办教育促进法》第十二条"),
            new Licence(AGRICULTURE, "AF", MARKET, "农药经营许可证", "普通", "农药（不含限制使用农药）零售", "农药经许", 5,
                    "《农药管理条例》第二十四条"),
            new Licence(AGRICULTURE, "A", MARKET, "动物防疫条件合格证", "普通", "动物饲养场（生猪）", "动防合字", 0,
                    "《中华人民共和国动物防疫法》第二十五条"),
            new Licence(CIVIL_AFFAIRS, "", SOCIAL, "社会组织登记证书", "登记", "变更登记", "USCC", 5,
                    "《社会团体登记管理条例》第三条"),

            // 行政处罚
            new Penalty(MARKET_REGULATION, "HFC", MARKET, "经营超过保质期的食品",
                    "当事人在其经营场所销售超过保质期的预包装食品", "《中华人民共和国食品安全法》第一百二十四条第一款第五项"),
            new Penalty(MARKET_REGULATION, "", MARKET, "发布虚假广告",
                    "当事人在其微信公众号及经营场所发布含有虚假或者引人误解内容的广告", "《中华人民共和国广告法》第五十五条第一款"),
            new Penalty(MARKET_REGULATION, "FC", MARKET, "销售不合格产品", "当事人销售的产品经抽样检验不合格",
                    "《中华人民共和国产品质量法》第四十九条"),
            new Penalty(MARKET_REGULATION, "FH", MARKET, "不按规定明码标价", "当事人销售商品未按规定明码标价",
                    "《中华人民共和国价格法》第四十二条"),
            new Penalty(TAXATION, "", MARKET, "未按照规定期限办理纳税申报",
                    "当事人未按照规定的期限办理纳税申报和报送纳税资料", "《中华人民共和国税收征收管理法》第六十二条"),
            new Penalty(TAXATION, "", MARKET, "未按照规定设置、保管账簿",
                    "当事人未按照规定设置、保管账簿或者保管记账凭证和有关资料", "《中华人民共和国税收征收管理法》第六十条"),
            new Penalty(ECOLOGY, "BCD", MARKET, "超标排放大气污染物", "当事人排放的颗粒物浓度超过国家规定的排放标准",
                    "《中华人民共和国大气污染防治法》第九十九条第二项"),
            new Penalty(ECOLOGY, "CE", MARKET, "未依法报批环境影响评价文件擅自开工建设",
                    "当事人建设项目环境影响评价文件未经批准即开工建设", "《中华人民共和国环境影响评价法》第三十一条第一款"),
            new Penalty(EMERGENCY_MANAGEMENT, "BCF", MARKET, "未按规定对从业人员进行安全生产教育和培训",
                    "当事人未如实记录安全生产教育和培训情况", "《中华人民共和国安全生产法》第九十七条"),
            new Penalty(EMERGENCY_MANAGEMENT, "BCE", MARKET, "未采取措施消除事故隐患", "当事人对检查发现的事故隐患未按期整改",
                    "《中华人民共和国安全生产法》第一百零二条"),
            new Penalty(HOUSING, "EK", MARKET, "未取得施工许可证擅自施工", "当事人未取得建筑工程施工许可证擅自开工建设",
                    "《建筑工程施工许可管理办法》第十二条"),
            new Penalty(HOUSING, "E", MARKET, "施工扬尘污染防治措施不到位", "当事人施工工地未采取覆盖、洒水等扬尘污染防治措施",
                    "《中华人民共和国大气污染防治法》第一百一十五条第一款"),
            new Penalty(TRANSPORT, "G", MARKET, "车辆违法超限运输", "当事人车辆在公路上擅自超限行驶",
                    "《公路安全保护条例》第六十四条"),
            new Penalty(TRANSPORT, "G", MARKET, "未取得道路运输经营许可擅自从事经营",
                    "当事人未取得道路运输经营许可，擅自从事道路普通货物运输经营", "《中华人民共和国道路运输条例》第六十三条"),
            new Penalty(HEALTH, "HO", MARKET, "从业人员未取得健康合格证明上岗",
                    "当事人安排未获得有效健康合格证明的从业人员从事直接为顾客服务的工作", "《公共场所卫生管理条例实施细则》第三十八条"),
            new Penalty(HEALTH, "Q", NON_GOVERNMENT, "使用非卫生技术人员从事医疗卫生技术工作",
                    "当事人使用非卫生技术人员从事医疗卫生技术工作", "《医疗机构管理条例》第四十七条"),
            new Penalty(HUMAN_RESOURCES, "", MARKET_AND_SOCIAL, "未按规定办理社会保险登记",
                    "当事人未按照规定为职工办理社会保险登记", "《中华人民共和国社会保险法》第八十四条"),
            new Penalty(HUMAN_RESOURCES, "E", MARKET, "无故拖欠劳动者工资", "当事人未按照约定及时足额支付农民工工资",
                    "《劳动保障监察条例》第二十六条"),
            new Penalty(AGRICULTURE, "AF", MARKET, "经营劣质农药", "当事人经营的农药经检验有效成分含量不符合产品质量标准",
                    "《农药管理条例》第五十六条"),
            new Penalty(CIVIL_AFFAIRS, "", SOCIAL, "未按照规定接受年度检查", "当事人未按照规定接受年度检查",
                    "《社会团体登记管理条例》第三十条"),
            new Penalty(EDUCATION, "P", MARKET_AND_SOCIAL, "超出审批范围办学", "当事人超出办学许可范围开展培训活动",
                    "《中华人民共和国民办教育促进法》第六十二条"),

            // 行政强制
            new Action(RecordCategory.COERCION, ECOLOGY, "BCD", MARKET, "查封造成污染物排放的设施设备",
                    "强制措施：查封；对象：生产线及配套污染防治设施", "期限", Weighted.<String>builder()
                    .add("三十日", 3).add("三十日，已依法解除", 2).build(), "《中华人民共和国环境保护法》第二十五条", "强", 0, 0),
            new Action(RecordCategory.COERCION, MARKET_REGULATION, "CFH", MARKET, "扣押涉嫌不符合食品安全标准的食品",
                    "强制措施：扣押；对象：涉案食品及原料", "处理结果", Weighted.<String>builder()
                    .add("依法予以销毁", 1).add("检验合格后解除扣押", 1).build(),
                    "《中华人民共和国食品安全法》第一百一十条第四项", "强", 0, 0),
            new Action(RecordCategory.COERCION, TAXATION, "", MARKET, "税收强制执行", "强制措施：书面通知开户银行从存款中扣缴税款及滞纳金",
                    null, null, "《中华人民共和国税收征收管理法》第四十条", "强", 1_000, 200_000),
            new Action(RecordCategory.COERCION, EMERGENCY_MANAGEMENT, "BC", MARKET, "查封不符合保障安全生产标准的设施设备",
                    "强制措施：查封；对象：存在重大事故隐患的生产设备", null, null,
                    "《中华人民共和国安全生产法》第六十五条第一款第四项", "强", 0, 0),

            // 行政确认
            new Action(RecordCategory.CONFIRMATION, HUMAN_RESOURCES, "", NON_GOVERNMENT, "工伤认定决定",
                    "确认事项：职工在工作时间和工作场所内因工作原因受到事故伤害", "认定结论", Weighted.<String>builder()
                    .add("认定为工伤", 8).add("视同工伤", 1).add("不予认定为工伤", 1).build(), "《工伤保险条例》第十四条", "确", 0, 0),
            new Action(RecordCategory.CONFIRMATION, MARKET_REGULATION, "CEKG", MARKET, "特种设备使用登记",
                    "确认事项：特种设备使用登记", "设备类别", Weighted.<String>builder()
                    .add("电梯", 3).add("压力容器", 2).add("起重机械", 2).add("场（厂）内专用机动车辆", 2).build(),
                    "《中华人民共和国特种设备安全法》第三十三条", "确", 0, 0),

            // 行政征收
            new Action(RecordCategory.LEVY, TAXATION, "", NON_GOVERNMENT, "残疾人就业保障金征收",
                    "征收项目：残疾人就业保障金；所属期：上年度", null, null, "《残疾人就业保障金征收使用管理办法》", "征",
                    2_000, 200_000),
            new Action(RecordCategory.LEVY, TAXATION, "", MARKET, "社会保险费征收",
                    "征收项目：基本养老保险费、失业保险费、工伤保险费", null, null, "《中华人民共和国社会保险法》第五十九条", "征",
                    5_000, 500_000),

            // 行政给付
            new Action(RecordCategory.PAYMENT, HUMAN_RESOURCES, "", MARKET_AND_SOCIAL, "失业保险稳岗返还",
                    "给付项目：失业保险稳岗返还", null, null, "《失业保险条例》", "给", 1_000, 100_000),
            new Action(RecordCategory.PAYMENT, HUMAN_RESOURCES, "", MARKET, "社会保险补贴",
                    "给付项目：吸纳就业困难人员社会保险补贴", null, null, "《就业补助资金管理办法》", "给", 2_000, 60_000),
            new Action(RecordCategory.PAYMENT, CIVIL_AFFAIRS, "Q", NON_GOVERNMENT, "养老机构运营补贴",
                    "给付项目：养老机构运营补贴", null, null, "《国务院办公厅关于推进养老服务发展的意见》", "给", 10_000, 300_000),
            new Action(RecordCategory.PAYMENT, AGRICULTURE, "A", MARKET, "农机购置与应用补贴",
                    "给付项目：农机购置与应用补贴", null, null, "《中华人民共和国农业机械化促进法》第二十七条", "给", 3_000, 150_000),

            // 行政裁决
            new Action(RecordCategory.ADJUDICATION, MARKET_REGULATION, "", MARKET, "专利侵权纠纷行政裁决",
                    "裁决事项：专利侵权纠纷", "裁决结果", Weighted.<String>builder()
                    .add("责令停止侵权行为", 5).add("驳回请求人的请求", 3).add("双方当事人达成调解协议", 2).build(),
                    "《中华人民共和国专利法》第六十五条", "裁", 0, 0),

            // 行政补偿
            new Action(RecordCategory.COMPENSATION, HOUSING, "", NON_GOVERNMENT, "国有土地上房屋征收补偿",
                    "补偿方式：货币补偿；补偿项目：被征收房屋价值、搬迁费、停产停业损失", null, null,
                    "《国有土地上房屋征收与补偿条例》第十七条", "补", 50_000, 3_000_000),

            // 行政奖励
            new Action(RecordCategory.REWARD, HUMAN_RESOURCES, "", MARKET_AND_SOCIAL, "就业创业先进单位奖励",
                    "奖励内容：通报表扬并给予一次性奖励", null, null, "《中华人民共和国就业促进法》第十条", "奖", 5_000, 50_000),
            new Action(RecordCategory.REWARD, MARKET_REGULATION, "C", ENTERPRISES, "政府质量奖",
                    "奖励内容：授予政府质量奖", null, null, "《中华人民共和国产品质量法》第六条", "奖", 100_000, 500_000),
            new Action(RecordCategory.REWARD, EMERGENCY_MANAGEMENT, "BCE", MARKET, "安全生产先进单位奖励",
                    "奖励内容：授予安全生产先进单位称号", null, null, "《中华人民共和国安全生产法》", "奖", 0, 0),

            // 监督检查
            new Action(RecordCategory.INSPECTION, MARKET_REGULATION, "", MARKET, "“双随机、一公开”抽查",
                    "检查事项：登记事项及公示信息情况", "检查结果", INSPECTION_OUTCOMES, "《企业信息公示暂行条例》第十四条",
                    null, 0, 0),
            new Action(RecordCategory.INSPECTION, ECOLOGY, "BCD", MARKET, "污染源日常执法检查",
                    "检查事项：排污许可证执行情况、污染防治设施运行情况", "检查结果", INSPECTION_OUTCOMES,
                    "《中华人民共和国环境保护法》第二十四条", null, 0, 0),
            new Action(RecordCategory.INSPECTION, EMERGENCY_MANAGEMENT, "BCEF", MARKET, "安全生产执法检查",
                    "检查事项：安全生产主体责任落实情况", "检查结果", INSPECTION_OUTCOMES,
                    "《中华人民共和国安全生产法》第六十五条", null, 0, 0),
            new Action(RecordCategory.INSPECTION, HEALTH, "QHO", NON_GOVERNMENT, "卫生监督检查",
                    "检查事项：卫生许可、从业人员健康管理及卫生制度落实情况", "检查结果", INSPECTION_OUTCOMES,
                    "《中华人民共和国基本医疗卫生与健康促进法》", null, 0, 0),
            new Action(RecordCategory.INSPECTION, HOUSING, "EK", MARKET, "建设工程质量安全监督检查",
                    "检查事项：工程实体质量及施工现场安全生产", "检查结果", INSPECTION_OUTCOMES, "《建设工程质量管理条例》第四十七条",
                    null, 0, 0),
            new Action(RecordCategory.INSPECTION, TRANSPORT, "G", MARKET, "道路运输安全生产检查",
                    "检查事项：营运车辆技术状况及驾驶员从业资格", "检查结果", INSPECTION_OUTCOMES, "《中华人民共和国道路运输条例》",
                    null, 0, 0),
            new Action(RecordCategory.INSPECTION, HUMAN_RESOURCES, "", NON_GOVERNMENT, "劳动保障监察",
                    "检查事项：劳动合同签订、工资支付和社会保险缴纳情况", "检查结果", INSPECTION_OUTCOMES, "《劳动保障监察条例》第十一条",
                    null, 0, 0),
            new Action(RecordCategory.INSPECTION, CIVIL_AFFAIRS, "", SOCIAL, "社会组织年度检查", "检查事项：年度工作报告及财务状况",
                    "年检结论", Weighted.<String>builder().add("合格", 85).add("基本合格", 12).add("不合格", 3).build(),
                    "《社会团体登记管理条例》", null, 0, 0),
            new Action(RecordCategory.INSPECTION, EDUCATION, "P", NON_GOVERNMENT, "办学行为专项检查",
                    "检查事项：招生宣传、收费及安全管理情况", "检查结果", INSPECTION_OUTCOMES, "《中华人民共和国教育法》", null, 0, 0),

            // 司法
            new Action(RecordCategory.JUDICIAL, COURT, "", NON_GOVERNMENT, "买卖合同纠纷民事判决书", "案由：买卖合同纠纷；诉讼地位：被告",
                    "裁判结果", JUDGMENTS, "《中华人民共和国民法典》第五百七十七条", "民初", 5_000, 2_000_000),
            new Action(RecordCategory.JUDICIAL, COURT, "", NON_GOVERNMENT, "借款合同纠纷民事判决书", "案由：借款合同纠纷；诉讼地位：被告",
                    "裁判结果", JUDGMENTS, "《中华人民共和国民法典》第六百七十五条", "民初", 10_000, 3_000_000),
            new Action(RecordCategory.JUDICIAL, COURT, "E", MARKET, "建设工程施工合同纠纷民事判决书",
                    "案由：建设工程施工合同纠纷；诉讼地位：被告", "裁判结果", JUDGMENTS, "《中华人民共和国民法典》第八百零七条",
                    "民初", 50_000, 5_000_000),
            new Action(RecordCategory.JUDICIAL, COURT, "", NON_GOVERNMENT, "劳动争议民事判决书", "案由：劳动争议；诉讼地位：被告",
                    "裁判结果", JUDGMENTS, "《中华人民共和国劳动合同法》第三十条", "民初", 3_000, 200_000),
            new Action(RecordCategory.JUDICIAL, COURT, "", NON_GOVERNMENT, "执行裁定书", "案件类型：首次执行；当事人地位：被执行人",
                    "执行结果", ENFORCEMENTS, "《中华人民共和国民事诉讼法》", "执", 5_000, 2_000_000),

            // 信用承诺
            new Action(RecordCategory.COMMITMENT, DEVELOPMENT_AND_REFORM, "", ANY, "信用承诺书",
                    "承诺类型：主动型信用承诺；承诺内容：严格遵守法律法规，依法诚信经营，自愿接受社会监督", "履约状态", FULFILMENT,
                    null, null, 0, 0),
            new Action(RecordCategory.COMMITMENT, DEVELOPMENT_AND_REFORM, "", NON_GOVERNMENT, "信用修复承诺书",
                    "承诺类型：信用修复承诺；承诺内容：已纠正失信行为、履行法定义务，今后不再发生同类失信行为", "履约状态",
                    FULFILMENT, "《信用修复管理办法》", null, 0, 0),
            new Action(RecordCategory.COMMITMENT, MARKET_REGULATION, "", MARKET, "告知承诺书",
                    "承诺类型：告知承诺（审批替代型）；承诺内容：已知晓许可条件，所填信息真实有效，承诺按期补齐材料", "履约状态",
                    FULFILMENT, "《中华人民共和国行政许可法》", null, 0, 0),
            new Action(RecordCategory.COMMITMENT, MARKET_REGULATION, "", MARKET, "容缺受理承诺书",
                    "承诺类型：容缺受理承诺；承诺内容：在规定期限内补齐容缺材料", "履约状态", FULFILMENT, null, null, 0, 0),

            // 荣誉
            new Action(RecordCategory.HONOUR, MARKET_REGULATION, "", ENTERPRISES, "守合同重信用企业",
                    "荣誉内容：公示为守合同重信用企业", null, null, null, "奖", 0, 0),
            new Action(RecordCategory.HONOUR, HUMAN_RESOURCES, "", NON_GOVERNMENT, "劳动关系和谐单位",
                    "荣誉内容：命名为劳动关系和谐单位", null, null, null, "奖", 0, 0),
            new Action(RecordCategory.HONOUR, DEVELOPMENT_AND_REFORM, "", MARKET_AND_SOCIAL, "诚信建设示范单位",
                    "荣誉内容：评为诚信建设示范单位", null, null, null, "奖", 0, 0),

            // 纳税信用等级
            new Action(RecordCategory.TAX_CREDIT_GRADE, TAXATION, "", MARKET, "纳税信用等级评价", "评价对象：纳税人",
                    "纳税信用级别", Weighted.<String>builder().add("A", 18).add("B", 55).add("M", 20).add("C", 5).add("D", 2).build(),
                    "《纳税信用管理办法》", null, 0, 0),

            // 行业信用评价
            new Action(RecordCategory.INDUSTRY_RATING, HOUSING, "E", MARKET, "建筑市场主体信用评价", "评价对象：建筑业企业",
                    "评价等级", Weighted.<String>builder().add("AAA", 10).add("AA", 30).add("A", 40).add("B", 15).add("C", 5).build(),
                    "《建筑市场信用管理暂行办法》", null, 0, 0),
            new Action(RecordCategory.INDUSTRY_RATING, TRANSPORT, "G", MARKET, "道路运输企业质量信誉考核", "评价对象：道路运输企业",
                    "考核等级", Weighted.<String>builder().add("AAA", 10).add("AA", 35).add("A", 45).add("B", 10).build(),
                    "《道路运输企业质量信誉考核办法》", null, 0, 0),
            new Action(RecordCategory.INDUSTRY_RATING, ECOLOGY, "BCD", MARKET, "企业环境信用评价", "评价对象：重点排污单位",
                    "评价结果", Weighted.<String>builder().add("环保诚信企业", 20).add("环保良好企业", 60).add("环保警示企业", 15)
                    .add("环保不良企业", 5).build(), "《企业环境信用评价办法（试行）》", null, 0, 0),
            new Action(RecordCategory.INDUSTRY_RATING, HUMAN_RESOURCES, "", MARKET_AND_SOCIAL, "劳动保障守法诚信等级评价",
                    "评价对象：用人单位", "评价等级", Weighted.<String>builder().add("A级", 70).add("B级", 25).add("C级", 5).build(),
                    "《企业劳动保障守法诚信等级评价办法》", null, 0, 0),
            new Action(RecordCategory.INDUSTRY_RATING, MARKET_REGULATION, "H", MARKET, "餐饮服务食品安全量化分级",
                    "评价对象：餐饮服务提供者", "等级", Weighted.<String>builder().add("优秀", 20).add("良好", 60).add("一般", 20).build(),
                    "《餐饮服务食品安全监督管理办法》", null, 0, 0));

    private RecordTemplates() {
    }

    /** The templates of one category that apply to a subject of this type and section. */
    static List<Template> applicable(RecordCategory category, SubjectType type, char section) {
        List<Template> matching = new ArrayList<>();
        for (Template template : ALL) {
            if (template.category() == category && template.appliesTo(type, section)) {
                matching.add(template);
            }
        }
        return List.copyOf(matching);
    }
}
