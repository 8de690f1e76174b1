package cn.opencredit.gateway.ingestion;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.record.RecordCategory;
import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.web.ApiCode;
import cn.opencredit.gateway.shared.web.TextInput;

/**
 * The national 双公示 templates that 信用中国 publishes (行政许可, 行政处罚): Chinese column headers in
 * any order, mapped onto {@link IngestionRecordRequest}. Headers are compared NFKC-folded and
 * without white space or the {@code *} that marks required columns, so full- and half-width
 * brackets both match; a bracketed unit after an amount column says whether it is in 万元 (the
 * templates' unit, also assumed when none is given) or in 元.
 */
enum NationalTemplate implements ApiCode {
    /** 行政许可 */
    LICENCE(RecordCategory.LICENCE, "行政许可决定文书号", "行政许可决定书"),
    /** 行政处罚 */
    PENALTY(RecordCategory.PENALTY, "行政处罚决定书文号", "行政处罚决定书");

    /** Rows above the header (a title, notes) that are skipped while looking for it. */
    static final int HEADER_SEARCH_ROWS = 10;

    private static final Pattern TRAILING_NOTE = Pattern.compile("^(.+?)\\(([^()]*)\\)$");
    private static final Pattern LIST_SEPARATORS = Pattern.compile("[;；、,，\\n]+");

    private final RecordCategory category;
    private final String keyHeader;
    private final String defaultTitle;

    NationalTemplate(RecordCategory category, String keyHeader, String defaultTitle) {
        this.category = category;
        this.keyHeader = keyHeader;
        this.defaultTitle = defaultTitle;
    }

    @JsonValue
    @Override
    public String code() {
        return ApiCode.super.code();
    }

    RecordCategory category() {
        return category;
    }

    /** How a column's cells are taken. */
    enum Kind { FIELD, DATE, DETAIL, DETAIL_DATE, AMOUNT, CONFISCATED, PENALTY_TYPES, STATUS, KEY }

    /** One column of the templates; {@code target} is a field of IngestionRecordRequest or a detail key. */
    record Column(String header, Set<NationalTemplate> templates, Kind kind, String target, boolean required) {
    }

    private static final Set<NationalTemplate> BOTH = EnumSet.allOf(NationalTemplate.class);
    private static final Set<NationalTemplate> LICENCE_ONLY = EnumSet.of(LICENCE);
    private static final Set<NationalTemplate> PENALTY_ONLY = EnumSet.of(PENALTY);

    private static final List<Column> COLUMNS = List.of(
            new Column("行政相对人名称", BOTH, Kind.FIELD, "subjectName", true),
            new Column("行政相对人类别", BOTH, Kind.FIELD, "subjectCategory", true),
            new Column("行政相对人代码_1", BOTH, Kind.FIELD, "subjectUscc", false),
            new Column("统一社会信用代码", BOTH, Kind.FIELD, "subjectUscc", false),
            new Column("行政相对人代码_2", BOTH, Kind.DETAIL, "businessRegistrationNumber", false),
            new Column("行政相对人代码_3", BOTH, Kind.DETAIL, "organisationCode", false),
            new Column("行政相对人代码_4", BOTH, Kind.DETAIL, "taxRegistrationNumber", false),
            new Column("行政相对人代码_5", BOTH, Kind.DETAIL, "publicInstitutionCertificateNumber", false),
            new Column("行政相对人代码_6", BOTH, Kind.DETAIL, "socialOrganisationRegistrationNumber", false),
            new Column("法定代表人", BOTH, Kind.FIELD, "legalRepresentative", false),
            new Column("法定代表人证件类型", BOTH, Kind.FIELD, "legalRepresentativeIdType", false),
            new Column("法定代表人证件号码", BOTH, Kind.FIELD, "legalRepresentativeIdNumber", false),
            new Column("证件类型", BOTH, Kind.FIELD, "subjectIdType", false),
            new Column("证件号码", BOTH, Kind.FIELD, "subjectIdNumber", false),
            new Column("行政许可决定文书名称", LICENCE_ONLY, Kind.FIELD, "title", false),
            new Column("行政许可决定文书号", LICENCE_ONLY, Kind.KEY, "decisionNumber", true),
            new Column("许可类别", LICENCE_ONLY, Kind.DETAIL, "licenceType", false),
            new Column("许可证书名称", LICENCE_ONLY, Kind.DETAIL, "certificateName", false),
            new Column("许可编号", LICENCE_ONLY, Kind.DETAIL, "licenceNumber", false),
            new Column("许可内容", LICENCE_ONLY, Kind.FIELD, "content", true),
            new Column("许可决定日期", LICENCE_ONLY, Kind.DATE, "decisionDate", true),
            new Column("有效期自", LICENCE_ONLY, Kind.DETAIL_DATE, "validFrom", false),
            new Column("有效期至", LICENCE_ONLY, Kind.DETAIL_DATE, "validUntil", false),
            new Column("许可机关", LICENCE_ONLY, Kind.FIELD, "issuingAuthority", false),
            new Column("许可机关统一社会信用代码", LICENCE_ONLY, Kind.FIELD, "issuingAuthorityUscc", false),
            new Column("行政处罚决定书文号", PENALTY_ONLY, Kind.KEY, "decisionNumber", true),
            new Column("违法行为类型", PENALTY_ONLY, Kind.DETAIL, "violationType", false),
            new Column("违法事实", PENALTY_ONLY, Kind.DETAIL, "violationFacts", false),
            new Column("处罚依据", PENALTY_ONLY, Kind.FIELD, "legalBasis", false),
            new Column("处罚类别", PENALTY_ONLY, Kind.PENALTY_TYPES, "penaltyTypes", false),
            new Column("处罚内容", PENALTY_ONLY, Kind.FIELD, "content", true),
            new Column("罚款金额", PENALTY_ONLY, Kind.AMOUNT, "amount", false),
            new Column("没收违法所得、没收非法财物的金额", PENALTY_ONLY, Kind.CONFISCATED, "confiscatedAmount", false),
            new Column("暂扣或吊销证照名称及编号", PENALTY_ONLY, Kind.DETAIL, "suspendedOrRevokedLicence", false),
            new Column("处罚决定日期", PENALTY_ONLY, Kind.DATE, "decisionDate", true),
            new Column("处罚有效期", PENALTY_ONLY, Kind.DETAIL_DATE, "penaltyValidUntil", false),
            new Column("公示截止期", PENALTY_ONLY, Kind.DATE, "publishedUntil", false),
            new Column("处罚机关", PENALTY_ONLY, Kind.FIELD, "issuingAuthority", false),
            new Column("处罚机关统一社会信用代码", PENALTY_ONLY, Kind.FIELD, "issuingAuthorityUscc", false),
            // Not in the national penalty template, which leaves 轻微/一般/严重 out; without it a penalty is refused.
            new Column("失信严重程度", PENALTY_ONLY, Kind.FIELD, "severity", false),
            new Column("严重程度", PENALTY_ONLY, Kind.FIELD, "severity", false),
            new Column("当前状态", BOTH, Kind.STATUS, "revoked", false),
            new Column("数据来源单位", BOTH, Kind.FIELD, "sourceDepartment", true),
            new Column("数据来源单位统一社会信用代码", BOTH, Kind.FIELD, "sourceDepartmentUscc", true),
            new Column("备注", BOTH, Kind.DETAIL, "remarks", false));

    /** Where a header row was found, and which column of the file feeds what. */
    record Layout(NationalTemplate template, int headerRow, Map<Integer, Column> columns, Map<Column, String> headers,
            Map<Column, Boolean> inTenThousands, List<String> ignoredHeaders) {
    }

    /**
     * Finds the header row among the first rows and maps its columns. The template is the one whose
     * decision-number column is present, or the requested one.
     */
    static Layout layout(List<TemplateFiles.SheetRow> rows, Optional<NationalTemplate> requested) {
        for (int i = 0; i < Math.min(HEADER_SEARCH_ROWS, rows.size()); i++) {
            Set<NationalTemplate> found = EnumSet.noneOf(NationalTemplate.class);
            for (TemplateFiles.CellValue cell : rows.get(i).cells()) {
                String base = header(cell.text())[0];
                for (NationalTemplate template : values()) {
                    if (template.keyHeader.equals(base)) {
                        found.add(template);
                    }
                }
            }
            if (requested.isPresent() ? found.contains(requested.get()) : found.size() == 1) {
                return requested.orElse(found.iterator().next()).map(i, rows.get(i));
            }
            if (found.size() > 1) {
                throw new ProblemException(ProblemType.VALIDATION_FAILED, "The header has both 行政许可决定文书号 and 行政处罚决定书文号; "
                        + "say which template it is with ?template=licence or ?template=penalty",
                        List.of(new FieldError("template", "ambiguous-template", "both templates' key columns are present")));
            }
        }
        String wanted = requested.map(t -> t.keyHeader).orElse("行政许可决定文书号 or 行政处罚决定书文号");
        throw new ProblemException(ProblemType.VALIDATION_FAILED, "No header row with a " + wanted + " column in the first "
                + HEADER_SEARCH_ROWS + " rows: this is not a national 双公示 template",
                List.of(new FieldError("header", "missing-column", "no " + wanted + " column", wanted)));
    }

    private Layout map(int headerIndex, TemplateFiles.SheetRow header) {
        Map<Integer, Column> columns = new HashMap<>();
        Map<Column, String> headers = new LinkedHashMap<>();
        Map<Column, Boolean> inTenThousands = new HashMap<>();
        Map<String, Column> fieldsTaken = new HashMap<>();
        List<String> ignored = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String text = header.cells().get(i).text().strip();
            if (text.isEmpty()) {
                continue;
            }
            String[] parts = header(text);
            Optional<Column> column = COLUMNS.stream().filter(c -> c.header().equals(parts[0]) && c.templates().contains(this)).findFirst();
            if (column.isEmpty()) {
                ignored.add(text);
                continue;
            }
            Column taken = fieldsTaken.putIfAbsent(column.get().target(), column.get());
            if (taken != null) {
                errors.add(new FieldError(text, "duplicate-column", "the column " + text + " says the same as " + headers.get(taken)));
                continue;
            }
            columns.put(i, column.get());
            headers.put(column.get(), text);
            inTenThousands.put(column.get(), !"元".equals(parts[1]));
        }
        for (Column column : COLUMNS) {
            if (column.required() && column.templates().contains(this) && !fieldsTaken.containsKey(column.target())) {
                errors.add(new FieldError(column.header(), "missing-column", "the " + label() + " template needs a " + column.header() + " column"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, errors.getFirst().message(), errors);
        }
        return new Layout(this, headerIndex, columns, headers, inTenThousands, ignored);
    }

    /** One data row mapped onto the request fields; values it cannot read become the row's errors. */
    static IncomingRow toRow(TemplateFiles.SheetRow row, Layout layout) {
        Map<String, String> values = new HashMap<>();
        Map<String, String> details = new TreeMap<>();
        Map<String, String> labels = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        List<String> penaltyTypes = null;
        Boolean revoked = null;
        for (Map.Entry<Integer, Column> entry : layout.columns().entrySet()) {
            Column column = entry.getValue();
            String label = layout.headers().get(column);
            TemplateFiles.CellValue cell = row.cell(entry.getKey());
            String value = cell.text().strip();
            labels.put(column.target(), label);
            switch (column.kind()) {
                case KEY -> {
                    values.put("decisionNumber", value);
                    values.put("sourceRecordId", value);
                    labels.put("sourceRecordId", label);
                }
                case DATE -> values.put(column.target(), cell.date() != null ? cell.date().toString() : value);
                case DETAIL -> putIfPresent(details, column.target(), value);
                case DETAIL_DATE -> putIfPresent(details, column.target(), cell.date() != null ? cell.date().toString()
                        : IngestionPolicies.parseDate(value).map(Object::toString).orElse(value));
                case PENALTY_TYPES -> penaltyTypes = splitList(value);
                case STATUS -> {
                    revoked = status(value);
                    if (revoked == null) {
                        errors.add(new FieldError(label, "unknown-value", label + " must be 1 (有效) or 2 (无效), not " + value, "1, 2"));
                    }
                }
                default -> values.put(column.target(), value);
            }
        }
        labels.putIfAbsent("severity", "失信严重程度");
        String title = values.getOrDefault("title", "");
        IngestionRecordRequest fields = new IngestionRecordRequest(values.get("sourceRecordId"), layout.template().category().code(),
                values.get("subjectName"), values.get("subjectUscc"), values.get("subjectCategory"), values.get("subjectIdType"),
                values.get("subjectIdNumber"), values.get("legalRepresentative"), values.get("legalRepresentativeIdType"),
                values.get("legalRepresentativeIdNumber"), values.get("decisionNumber"),
                title.isBlank() ? layout.template().defaultTitle : title, values.get("decisionDate"), null, values.get("content"),
                values.get("legalBasis"), values.get("severity"), penaltyTypes, values.get("amount"), null, null,
                values.get("publishedUntil"), values.get("issuingAuthority"), values.get("issuingAuthorityUscc"),
                values.get("sourceDepartment"), values.get("sourceDepartmentUscc"), revoked, null, null, null);
        return new IncomingRow(row.number(), fields, tenThousands(layout, "amount"), values.get("confiscatedAmount"),
                tenThousands(layout, "confiscatedAmount"), details, labels, errors);
    }

    String label() {
        return this == LICENCE ? "行政许可" : "行政处罚";
    }

    /** The header's name and the note in its trailing brackets (empty when none). */
    private static String[] header(String raw) {
        String folded = TextInput.fold(raw).replaceAll("\\s+", "").replaceAll("^\\*+|\\*+$", "");
        Matcher note = TRAILING_NOTE.matcher(folded);
        return note.matches() ? new String[] {note.group(1), note.group(2)} : new String[] {folded, ""};
    }

    private static boolean tenThousands(Layout layout, String target) {
        return layout.inTenThousands().entrySet().stream()
                .anyMatch(e -> e.getKey().target().equals(target) && e.getValue());
    }

    /** 1 有效 / 2 无效, as digits or words; blank means valid. Null when it is neither. */
    private static Boolean status(String value) {
        return switch (TextInput.fold(value)) {
            case "", "1", "有效" -> false;
            case "2", "无效" -> true;
            default -> null;
        };
    }

    private static List<String> splitList(String value) {
        LinkedHashSet<String> items = new LinkedHashSet<>();
        for (String item : LIST_SEPARATORS.split(value)) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items.isEmpty() ? null : List.copyOf(items);
    }

    private static void putIfPresent(Map<String, String> details, String key, String value) {
        if (!value.isBlank()) {
            details.put(key, value);
        }
    }
}
