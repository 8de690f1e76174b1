package cn.opencredit.gateway.subject;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A subject as stored: the repository's projection, mapped to views by the service. */
record SubjectRow(long id, String uscc, String name, SubjectType type, String legalRepresentative, String regionCode,
        String industrySection, LocalDate registeredOn, SubjectStatus status, BigDecimal registeredCapital, String capitalCurrency,
        String address) {
}
