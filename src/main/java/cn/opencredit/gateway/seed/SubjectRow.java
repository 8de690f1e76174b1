package cn.opencredit.gateway.seed;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One generated row of {@code subject}. Enum names are the values the table's CHECK constraints allow.
 *
 * @param id                  the row's id, also the serial its USCC was issued from
 * @param registeredCapital   in yuan; null for government bodies, which have none
 */
record SubjectRow(long id, String uscc, String name, Type type, String legalRepresentative, Region region,
                  char industrySection, LocalDate registeredOn, Status status, BigDecimal registeredCapital,
                  String address) {

    enum Type {
        ENTERPRISE, INDIVIDUAL_BUSINESS, FARMERS_COOPERATIVE, SOCIAL_ORGANISATION, PUBLIC_INSTITUTION, GOVERNMENT_BODY;

        /** Market subjects are the ones the market regulator registers, inspects and lists as abnormal. */
        boolean isMarket() {
            return this == ENTERPRISE || this == INDIVIDUAL_BUSINESS || this == FARMERS_COOPERATIVE;
        }
    }

    enum Status {
        ACTIVE, REVOKED, CANCELLED, MOVED_OUT
    }
}
