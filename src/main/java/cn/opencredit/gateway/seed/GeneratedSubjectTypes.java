package cn.opencredit.gateway.seed;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import cn.opencredit.gateway.subject.SubjectType;

/**
 * The subject types the generator invents, all of them organisations with a USCC: it makes no
 * natural persons and no {@link SubjectType#OTHER_ORGANISATION}.
 */
final class GeneratedSubjectTypes {

    static final Set<SubjectType> ALL = Collections.unmodifiableSet(EnumSet.of(SubjectType.ENTERPRISE,
            SubjectType.INDIVIDUAL_BUSINESS, SubjectType.FARMERS_COOPERATIVE, SubjectType.SOCIAL_ORGANISATION,
            SubjectType.PUBLIC_INSTITUTION, SubjectType.GOVERNMENT_BODY));

    /** Market subjects are the ones the market regulator registers, inspects and lists as abnormal. */
    static final Set<SubjectType> MARKET = Collections.unmodifiableSet(EnumSet.of(SubjectType.ENTERPRISE,
            SubjectType.INDIVIDUAL_BUSINESS, SubjectType.FARMERS_COOPERATIVE));

    private GeneratedSubjectTypes() {
    }

    static boolean isMarket(SubjectType type) {
        return MARKET.contains(type);
    }
}
