package cn.opencredit.gateway.record;

import java.time.YearMonth;

/**
 * A record read under the subject's consent, with the details a lender weighs: the month and
 * payment status of a monthly payment (tax, social insurance, housing fund, utilities) and the level
 * of a rating (a tax credit grade, an industry rating).
 */
public record DetailedRecord(RecordView record, YearMonth period, PaymentStatus paymentStatus, String rating) {
}
