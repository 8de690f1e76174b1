package cn.opencredit.gateway.ingestion;

import java.util.List;
import java.util.Map;

import cn.opencredit.gateway.shared.problem.FieldError;

/**
 * One row as it arrived, before validation: a JSON record, or a template row mapped onto the same
 * fields.
 *
 * @param number               1-based position in {@code rows} for JSON; the sheet row (header = its own row) for files
 * @param amountInTenThousands the file's 罚款金额 is in 万元 (the national templates' unit)
 * @param confiscatedAmount    没收违法所得、没收非法财物的金额 as the file gives it
 * @param confiscatedInTenThousands that amount is in 万元
 * @param details              template values the model has no column for, by English key
 * @param labels               the file's column header per field, so that errors name what the clerk sees
 * @param errors               what was wrong before validation could start (a status or cell it could not read)
 */
record IncomingRow(int number, IngestionRecordRequest fields, boolean amountInTenThousands, String confiscatedAmount,
        boolean confiscatedInTenThousands, Map<String, String> details, Map<String, String> labels, List<FieldError> errors) {

    static IncomingRow json(int number, IngestionRecordRequest fields) {
        return new IncomingRow(number, fields, false, null, false, Map.of(), Map.of(), List.of());
    }

    String label(String field) {
        return labels.getOrDefault(field, field);
    }
}
