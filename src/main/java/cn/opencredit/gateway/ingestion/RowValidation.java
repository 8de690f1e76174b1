package cn.opencredit.gateway.ingestion;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.opencredit.gateway.record.DisclosureLevel;
import cn.opencredit.gateway.record.PaymentStatus;
import cn.opencredit.gateway.record.RecordCategory;
import cn.opencredit.gateway.record.Severity;
import cn.opencredit.gateway.shared.problem.Verdict;
import cn.opencredit.gateway.shared.uscc.Uscc;
import cn.opencredit.gateway.subject.NewSubject;

/**
 * One row into the record it asks for: its fields read by a {@link FieldReader}, then the rules of
 * {@link IngestionPolicies} that concern one row alone, every problem reported (not only the first).
 * Pure, like the policies it runs.
 */
final class RowValidation {

    private static final int MAX_ID_LENGTH = 200;
    private static final int MAX_NAME_LENGTH = 200;
    private static final int MAX_TITLE_LENGTH = 500;
    private static final int MAX_CONTENT_LENGTH = 4000;
    private static final int MAX_BASIS_LENGTH = 2000;
    private static final int MAX_PERSON_LENGTH = 100;
    private static final int MAX_RATING_LENGTH = 20;
    static final int MAX_PENALTY_TYPES = 20;
    private static final String DEFAULT_CURRENCY = "CNY";

    private RowValidation() {
    }

    /**
     * @param identityHash the keyed hash of an identity number, or null when no key is configured
     */
    static IngestionPolicies.Checked check(IncomingRow row, IngestionPolicies.Sender sender, LocalDate today, Function<String, byte[]> identityHash) {
        return new RowCheck(row, sender, today, identityHash).run();
    }

    private static final class RowCheck {

        private final IngestionRecordRequest in;
        private final FieldReader read;
        private final IngestionPolicies.Sender sender;
        private final LocalDate today;
        private final Function<String, byte[]> identityHash;
        private final List<IngestionReportView.Flag> flags = new ArrayList<>();

        RowCheck(IncomingRow row, IngestionPolicies.Sender sender, LocalDate today, Function<String, byte[]> identityHash) {
            this.in = row.fields();
            this.read = new FieldReader(row);
            this.sender = sender;
            this.today = today;
            this.identityHash = identityHash;
        }

        IngestionPolicies.Checked run() {
            String sourceRecordId = read.text("sourceRecordId", in.sourceRecordId(), MAX_ID_LENGTH, true);
            RecordCategory category = read.code("category", in.category(), RecordCategory.class, true);
            apply(IngestionPolicies.reportablePolicy(category, read.label("category")));
            Uscc department = read.uscc("sourceDepartmentUscc", in.sourceDepartmentUscc(), true);
            if (department != null) {
                apply(IngestionPolicies.ownRecordPolicy(sender, department.value(), read.label("sourceDepartmentUscc")));
            }
            String departmentName = read.text("sourceDepartment", in.sourceDepartment(), MAX_NAME_LENGTH, true);
            String legalRepresentative = read.text("legalRepresentative", in.legalRepresentative(), MAX_PERSON_LENGTH, false);
            NewSubject subject = subject(department, legalRepresentative);
            byte[] legalRepresentativeId = legalRepresentativeId();
            String decisionNumber = read.text("decisionNumber", in.decisionNumber(), MAX_ID_LENGTH, false);
            String title = read.text("title", in.title(), MAX_TITLE_LENGTH, true);
            LocalDate decisionDate = read.date("decisionDate", in.decisionDate(), true, IngestionPolicies.EARLIEST_DATE);
            LocalDate reportedOn = read.date("reportedOn", in.reportedOn(), false, IngestionPolicies.EARLIEST_DATE);
            apply(IngestionPolicies.notInTheFuturePolicy(decisionDate, today, read.label("decisionDate")));
            apply(IngestionPolicies.notInTheFuturePolicy(reportedOn, today, read.label("reportedOn")));
            String content = read.longText("content", in.content(), MAX_CONTENT_LENGTH, true);
            String legalBasis = read.longText("legalBasis", in.legalBasis(), MAX_BASIS_LENGTH, false);
            Severity severity = read.code("severity", in.severity(), Severity.class, false);
            if (FieldReader.isBlank(in.severity())) {
                apply(IngestionPolicies.severityPolicy(category, severity, read.label("severity")));
            }
            List<String> penaltyTypes = read.shortTexts("penaltyTypes", in.penaltyTypes(), MAX_PENALTY_TYPES, MAX_PERSON_LENGTH);
            BigDecimal amount = read.amount("amount", in.amount(), read.row().amountInTenThousands());
            String currency = amount == null ? null : read.currency("currency", in.currency(), DEFAULT_CURRENCY);
            BigDecimal confiscated = read.amount("confiscatedAmount", read.row().confiscatedAmount(), read.row().confiscatedInTenThousands());
            DisclosureLevel level = FieldReader.isBlank(in.disclosureLevel()) ? IngestionPolicies.defaultLevel(category)
                    : read.code("disclosureLevel", in.disclosureLevel(), DisclosureLevel.class, false);
            LocalDate publishedUntil = read.date("publishedUntil", in.publishedUntil(), false, IngestionPolicies.EARLIEST_DATE);
            if (decisionDate != null) {
                IngestionPolicies.Publication publication = IngestionPolicies.publicationPolicy(severity, decisionDate, publishedUntil,
                        read.label("publishedUntil"));
                apply(publication.verdict());
                publication.flag().ifPresent(flags::add);
                publishedUntil = publication.until();
            }
            String rating = read.text("rating", in.rating(), MAX_RATING_LENGTH, false);
            if (!read.hasErrorFor("rating")) {
                apply(IngestionPolicies.ratingPolicy(category, rating, read.label("rating")));
            }
            YearMonth period = read.month("period", in.period(), YearMonth.from(IngestionPolicies.EARLIEST_DATE), YearMonth.from(today));
            PaymentStatus paymentStatus = read.code("paymentStatus", in.paymentStatus(), PaymentStatus.class, false);
            apply(IngestionPolicies.monthlyPaymentPolicy(category, !FieldReader.isBlank(in.period()), !FieldReader.isBlank(in.paymentStatus()),
                    amount != null || read.hasErrorFor("amount"), level, new IngestionPolicies.Labels(read.label("period"),
                            read.label("paymentStatus"), read.label("amount"), read.label("disclosureLevel"))));
            String authority = read.text("issuingAuthority", in.issuingAuthority(), MAX_NAME_LENGTH, false);
            Uscc authorityUscc = read.uscc("issuingAuthorityUscc", in.issuingAuthorityUscc(), false);
            if (read.hasErrors()) {
                return new IngestionPolicies.Checked(null, read.errors(), List.copyOf(flags));
            }
            Map<String, String> details = new TreeMap<>(read.row().details());
            if (confiscated != null) {
                details.put("confiscatedAmount", confiscated.toPlainString());
            }
            if (rating != null) {
                details.put("rating", rating);
            }
            if (period != null) {
                details.put("period", period.toString());
            }
            if (paymentStatus != null) {
                details.put("paymentStatus", paymentStatus.code());
            }
            return new IngestionPolicies.Checked(new AcceptedRow(read.row().number(), sourceRecordId, category, subject, legalRepresentative,
                    legalRepresentativeId, decisionNumber, title, decisionDate, reportedOn, content, legalBasis, severity, penaltyTypes, amount,
                    currency, level, publishedUntil, authority, authorityUscc == null ? null : authorityUscc.value(), departmentName,
                    department.value(), Boolean.TRUE.equals(in.revoked()), details), List.of(), List.copyOf(flags));
        }

        private void apply(Verdict verdict) {
            read.reject(verdict.errors());
        }

        private NewSubject subject(Uscc department, String legalRepresentative) {
            String name = read.text("subjectName", in.subjectName(), MAX_NAME_LENGTH, true);
            Optional<SubjectCategory> category = FieldReader.isBlank(in.subjectCategory()) ? Optional.empty()
                    : SubjectCategory.parse(in.subjectCategory());
            if (FieldReader.isBlank(in.subjectCategory())) {
                read.error("subjectCategory", "required", "subjectCategory is required");
            } else if (category.isEmpty()) {
                read.error("subjectCategory", "unknown-value", "must be 法人及非法人组织, 自然人 or 个体工商户",
                        Arrays.stream(SubjectCategory.values()).map(SubjectCategory::label).collect(Collectors.joining(", ")));
            }
            if (category.orElse(null) == SubjectCategory.NATURAL_PERSON) {
                return naturalPerson(name, department);
            }
            Uscc uscc = read.uscc("subjectUscc", in.subjectUscc(), category.isPresent());
            if (name == null || uscc == null || category.isEmpty()) {
                return null;
            }
            return NewSubject.organisation(uscc, name, category.get() == SubjectCategory.INDIVIDUAL_BUSINESS, legalRepresentative);
        }

        /**
         * Natural persons have no USCC: they are recognised by the keyed hash of their identity
         * number, and placed in the region that issued their identity card, else the department's.
         */
        private NewSubject naturalPerson(String name, Uscc department) {
            apply(IngestionPolicies.naturalPersonPolicy(!FieldReader.isBlank(in.subjectUscc()), read.label("subjectUscc")));
            IdentityNumber number = read.identityNumber("subjectIdNumber", in.subjectIdNumber(), true,
                    "a natural person's identity number (证件号码) is required");
            if (number == null) {
                return null;
            }
            Verdict hashing = IngestionPolicies.identityHashingPolicy(identityHash != null, read.label("subjectIdNumber"));
            apply(hashing);
            if (!hashing.isAllowed() || name == null || department == null) {
                return null;
            }
            String region = number.residentRegion(in.subjectIdType()).orElse(department.regionCode());
            return NewSubject.naturalPerson(identityHash.apply(number.value()), name, region);
        }

        /** Kept only as its keyed hash; without a key it is dropped, and the sender told. */
        private byte[] legalRepresentativeId() {
            IdentityNumber number = read.identityNumber("legalRepresentativeIdNumber", in.legalRepresentativeIdNumber(), false, null);
            if (number == null) {
                return null;
            }
            if (identityHash == null) {
                flags.add(new IngestionReportView.Flag("identity-number-not-kept", read.label("legalRepresentativeIdNumber")
                        + " was dropped: the gateway has no identity hash key configured"));
                return null;
            }
            return identityHash.apply(number.value());
        }
    }
}
