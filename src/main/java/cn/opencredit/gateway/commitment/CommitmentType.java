package cn.opencredit.gateway.commitment;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.record.Severity;
import cn.opencredit.gateway.shared.web.ApiCode;

/**
 * The kinds of credit commitment (信用承诺) departments take in their procedures, and how serious
 * breaking each is: the severity of the failing record a breach publishes (docs/capabilities/commitment.md).
 */
public enum CommitmentType implements ApiCode {
    /** 告知承诺: a licence or certificate granted on the subject's promise that it meets the conditions */
    NOTIFICATION("告知承诺", Severity.GENERAL),
    /** 容缺受理: an application accepted with materials missing, on the promise to supply them by a deadline */
    DEFICIENCY_TOLERANCE("容缺受理", Severity.GENERAL),
    /** 主动承诺: a commitment the subject makes of its own accord */
    VOLUNTARY("主动承诺", Severity.MINOR),
    /** 行业自律: a commitment made to a trade association's self-discipline convention */
    INDUSTRY_SELF_DISCIPLINE("行业自律", Severity.MINOR),
    /** 信用修复承诺: the commitment a credit repair requires */
    REPAIR("信用修复承诺", Severity.GENERAL);

    private final String nameZh;
    private final Severity breachSeverity;

    CommitmentType(String nameZh, Severity breachSeverity) {
        this.nameZh = nameZh;
        this.breachSeverity = breachSeverity;
    }

    public String nameZh() {
        return nameZh;
    }

    /** The severity of the 违反信用承诺 record a breach of a commitment of this type publishes. */
    public Severity breachSeverity() {
        return breachSeverity;
    }

    @Override
    public List<String> labels() {
        return List.of(nameZh);
    }

    @JsonValue
    @Override
    public String code() {
        return ApiCode.super.code();
    }
}
