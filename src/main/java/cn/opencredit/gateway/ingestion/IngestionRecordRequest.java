package cn.opencredit.gateway.ingestion;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.opencredit.gateway.shared.web.CheckedPerRow;

/**
 * One credit record as a department reports it. Every value is taken as text and checked row by
 * row, so that one bad value refuses its row only and the report says why.
 */
@Schema(name = "IngestionRecord", description = "One credit record from the department that is its data source")
@CheckedPerRow
public record IngestionRecordRequest(
        @Schema(required = true, maxLength = 200, description = "The department's own id of the record; with sourceDepartmentUscc "
                + "it identifies the record, so sending it again updates it instead of adding a second one",
                examples = "SZJ-XK-2026-000118") String sourceRecordId,
        @Schema(required = true, description = "Record category", enumeration = {"licence", "penalty", "coercion", "confirmation", "levy",
                "payment", "adjudication", "compensation", "reward", "inspection", "judicial", "commitment", "honour", "tax-credit-grade",
                "industry-rating", "tax-payment", "social-insurance", "housing-fund", "utility-payment"}, examples = "penalty") String category,
        @Schema(required = true, maxLength = 200, description = "行政相对人名称", examples = "石河子恒通物流有限公司") String subjectName,
        @Schema(description = "行政相对人代码_1 (统一社会信用代码); required unless the subject is a natural person",
                examples = "91659001MA00000152") String subjectUscc,
        @Schema(required = true, description = "行政相对人类别: 法人及非法人组织 / 自然人 / 个体工商户, or legal-person / natural-person / "
                + "individual-business", examples = "法人及非法人组织") String subjectCategory,
        @Schema(description = "证件类型 of a natural person", examples = "身份证") String subjectIdType,
        @Schema(description = "证件号码 of a natural person, required for one; kept only as a keyed hash, never stored or returned",
                examples = "659001199001011234") String subjectIdNumber,
        @Schema(maxLength = 100, description = "法定代表人", examples = "李明") String legalRepresentative,
        @Schema(description = "法定代表人证件类型", examples = "身份证") String legalRepresentativeIdType,
        @Schema(description = "法定代表人证件号码; kept only as a keyed hash, never stored or returned") String legalRepresentativeIdNumber,
        @Schema(maxLength = 200, description = "决定文书号", examples = "石市监罚〔2026〕118号") String decisionNumber,
        @Schema(required = true, maxLength = 500, description = "决定文书名称", examples = "行政处罚决定书") String title,
        @Schema(required = true, format = "date", description = "Date of the decision; not in the future, not after reportedOn",
                examples = "2026-09-14") String decisionDate,
        @Schema(format = "date", description = "When the department reported it; defaults to the date it was first received (today "
                + "for a new record). 双公示 timeliness is counted up to this date", examples = "2026-09-18") String reportedOn,
        @Schema(required = true, maxLength = 4000, description = "许可内容 / 处罚内容", examples = "销售标签不符合规定的预包装食品，责令改正并处罚款")
        String content,
        @Schema(maxLength = 2000, description = "处罚依据 or other legal basis", examples = "《中华人民共和国食品安全法》第一百二十五条")
        String legalBasis,
        @Schema(description = "Required for penalties: minor / general / serious (轻微 / 一般 / 严重)", examples = "general")
        String severity,
        @Schema(description = "处罚类别; several may apply to one decision", examples = "[\"警告\", \"罚款\"]",
                maxItems = RowValidation.MAX_PENALTY_TYPES) List<String> penaltyTypes,
        @Schema(type = SchemaType.STRING, pattern = "^\\d{1,18}(\\.\\d{1,2})?$", description = "Amount in yuan as a decimal string, at most "
                + "two decimals, not negative", examples = "5000.00") String amount,
        @Schema(pattern = "^[A-Z]{3}$", description = "ISO 4217 currency of amount; CNY when absent", examples = "CNY") String currency,
        @Schema(description = "public (default), authorised or government", enumeration = {"public", "authorised", "government"},
                examples = "public") String disclosureLevel,
        @Schema(format = "date", description = "Publication ends after this day (公示截止期)", examples = "2027-09-14") String publishedUntil,
        @Schema(maxLength = 200, description = "许可机关 / 处罚机关, when it is not the data source", examples = "石河子市市场监督管理局")
        String issuingAuthority,
        @Schema(description = "许可机关 / 处罚机关统一社会信用代码", examples = "11659001MB0000019Q") String issuingAuthorityUscc,
        @Schema(required = true, maxLength = 200, description = "数据来源单位", examples = "石河子市市场监督管理局") String sourceDepartment,
        @Schema(required = true, description = "数据来源单位统一社会信用代码; a department consumer may only send its own",
                examples = "11659001MB0000019Q") String sourceDepartmentUscc,
        @Schema(description = "True when the decision was revoked (当前状态 无效): the record stops being published", examples = "false")
        Boolean revoked,
        @Schema(maxLength = 20, description = "Required for tax-credit-grade and industry-rating records, not allowed for others: the level "
                + "the rating gives (纳税信用级别 A/B/M/C/D, 评价等级 AAA/AA/A/B/C, 优秀/良好/一般 …); the public credit evaluation counts it",
                examples = "A") String rating,
        @Schema(pattern = "^\\d{4}-\\d{2}$", description = "Required for tax-payment, social-insurance, housing-fund and utility-payment "
                + "records (信易贷 data, authorised level), not allowed for others: the month the payment is for", examples = "2026-10")
        String period,
        @Schema(description = "Required for the same monthly payment records, not allowed for others: paid (已缴) or arrears (欠缴) "
                + "by the month's due date", enumeration = {"paid", "arrears"}, examples = "paid") String paymentStatus) {
}
