package cn.opencredit.gateway.person;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.web.ApiCode;

/** The 14 key occupational groups with personal credit records in the 沁阳 plan (重点职业人群). */
public enum OccupationalGroup implements ApiCode {
    /** 公务员 */
    CIVIL_SERVANT("公务员"),
    /** 企业法定代表人及相关责任人 */
    LEGAL_REPRESENTATIVE("企业法定代表人及相关责任人"),
    /** 律师 */
    LAWYER("律师"),
    /** 教师 */
    TEACHER("教师"),
    /** 医师 */
    PHYSICIAN("医师"),
    /** 执业药师 */
    LICENSED_PHARMACIST("执业药师"),
    /** 评估师 */
    APPRAISER("评估师"),
    /** 税务师 */
    TAX_ADVISER("税务师"),
    /** 注册消防工程师 */
    FIRE_ENGINEER("注册消防工程师"),
    /** 会计审计人员 */
    ACCOUNTANT_AUDITOR("会计审计人员"),
    /** 房地产中介从业人员 */
    ESTATE_AGENT("房地产中介从业人员"),
    /** 认证人员 */
    CERTIFICATION_STAFF("认证人员"),
    /** 金融从业人员 */
    FINANCE_STAFF("金融从业人员"),
    /** 导游 */
    TOUR_GUIDE("导游");

    private final String chinese;

    OccupationalGroup(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    @JsonValue
    @Override
    public String code() {
        return ApiCode.super.code();
    }
}
