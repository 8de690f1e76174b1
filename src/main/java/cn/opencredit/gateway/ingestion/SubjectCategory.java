package cn.opencredit.gateway.ingestion;

import java.util.Optional;

import cn.opencredit.gateway.shared.web.ApiCode;
import cn.opencredit.gateway.shared.web.TextInput;

/** 行政相对人类别 of the national templates. */
enum SubjectCategory implements ApiCode {
    LEGAL_PERSON("法人及非法人组织"),
    NATURAL_PERSON("自然人"),
    INDIVIDUAL_BUSINESS("个体工商户");

    private final String label;

    SubjectCategory(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** The template's Chinese label or the API code, as clerks and systems write them. */
    static Optional<SubjectCategory> parse(String raw) {
        String wanted = TextInput.fold(raw);
        for (SubjectCategory category : values()) {
            if (category.label.equals(wanted) || category.code().equalsIgnoreCase(wanted) || category.name().equalsIgnoreCase(wanted)) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }
}
