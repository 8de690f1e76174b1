package cn.opencredit.gateway.subject;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A subject's registration data, as stored; other capabilities compose it into their views. */
public record SubjectDetails(long id, String uscc, String name, SubjectType type, String legalRepresentative, String regionCode,
        String industrySection, LocalDate registeredOn, SubjectStatus status, BigDecimal registeredCapital, String capitalCurrency,
        String address) {
}
