package cn.opencredit.gateway.registration;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.web.ApiCode;

/**
 * What a subject registers voluntarily (自愿注册), and the fields each category takes: the
 * categories the seeds name (资质证照, 市场经营, 合同履约, 社会公益) and honours (荣誉). The fields are
 * checked by {@link RegistrationPolicies#fieldsPolicy}; their Chinese labels write the record.
 */
public enum RegistrationCategory implements ApiCode {
    /** 资质证照: a licence, certificate or qualification the subject holds */
    QUALIFICATION("资质证照", List.of(
            Field.required("certificateName", "证照名称", Kind.TEXT),
            Field.required("certificateNumber", "证照编号", Kind.TEXT),
            Field.required("issuingAuthority", "发证机关", Kind.TEXT),
            Field.required("validFrom", "有效期自", Kind.DATE),
            Field.optional("validUntil", "有效期至", Kind.DATE),
            Field.optional("scope", "许可范围", Kind.LONG_TEXT))),
    /** 市场经营: one year's figures; at least one figure besides the year */
    OPERATIONS("市场经营", List.of(
            Field.required("year", "年度", Kind.YEAR),
            Field.optional("revenue", "营业收入（元）", Kind.AMOUNT),
            Field.optional("employees", "从业人数", Kind.COUNT),
            Field.optional("taxPaid", "纳税总额（元）", Kind.AMOUNT),
            Field.optional("totalAssets", "资产总额（元）", Kind.AMOUNT))),
    /** 合同履约: a contract the subject performed */
    CONTRACT_PERFORMANCE("合同履约", List.of(
            Field.required("counterparty", "合同相对方", Kind.TEXT),
            Field.optional("counterpartyUscc", "合同相对方统一社会信用代码", Kind.USCC),
            Field.required("contractName", "合同名称", Kind.TEXT),
            Field.required("amount", "合同金额（元）", Kind.AMOUNT),
            Field.optional("signedOn", "签订日期", Kind.PAST_DATE),
            Field.required("performedOn", "履约完成日期", Kind.PAST_DATE))),
    /** 社会公益: a donation, volunteering or other public-welfare activity */
    PUBLIC_WELFARE("社会公益", List.of(
            Field.required("activity", "公益活动", Kind.TEXT),
            Field.required("date", "活动日期", Kind.PAST_DATE),
            Field.optional("beneficiary", "受益对象", Kind.TEXT),
            Field.optional("amount", "捐赠金额（元）", Kind.AMOUNT),
            Field.optional("description", "活动说明", Kind.LONG_TEXT))),
    /** 荣誉: an honour or award the subject received */
    HONOUR("荣誉", List.of(
            Field.required("title", "荣誉名称", Kind.TEXT),
            Field.required("awardedBy", "授予单位", Kind.TEXT),
            Field.required("awardedOn", "授予日期", Kind.PAST_DATE),
            Field.optional("level", "荣誉级别", Kind.TEXT)));

    /** What a field holds, and how it is written in JSON. */
    enum Kind {
        /** a string of at most 200 characters */
        TEXT,
        /** a string of at most 2 000 characters */
        LONG_TEXT,
        /** an ISO 8601 date string */
        DATE,
        /** an ISO 8601 date string, not after today */
        PAST_DATE,
        /** a JSON integer, a year from 1949 to this one */
        YEAR,
        /** a JSON integer from 0 */
        COUNT,
        /** a decimal string of yuan, at most two decimals */
        AMOUNT,
        /** a unified social credit code */
        USCC
    }

    /** One field a category takes. */
    record Field(String name, String labelZh, Kind kind, boolean required) {

        static Field required(String name, String labelZh, Kind kind) {
            return new Field(name, labelZh, kind, true);
        }

        static Field optional(String name, String labelZh, Kind kind) {
            return new Field(name, labelZh, kind, false);
        }
    }

    private final String nameZh;
    private final List<Field> fields;

    RegistrationCategory(String nameZh, List<Field> fields) {
        this.nameZh = nameZh;
        this.fields = fields;
    }

    public String nameZh() {
        return nameZh;
    }

    List<Field> fields() {
        return fields;
    }

    @JsonValue
    @Override
    public String code() {
        return ApiCode.super.code();
    }
}
