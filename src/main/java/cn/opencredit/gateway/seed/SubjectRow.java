package cn.opencredit.gateway.seed;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.opencredit.gateway.subject.SubjectStatus;
import cn.opencredit.gateway.subject.SubjectType;

/**
 * One generated row of {@code subject}, with the subject capability's own enums: the table stores
 * their constant names.
 *
 * @param id                  the row's id, also the serial its USCC was issued from
 * @param type                one of {@link GeneratedSubjectTypes#ALL}
 * @param registeredCapital   in yuan; null for government bodies, which have none
 */
record SubjectRow(long id, String uscc, String name, SubjectType type, String legalRepresentative, Region region,
                  char industrySection, LocalDate registeredOn, SubjectStatus status, BigDecimal registeredCapital,
                  String address) {
}
