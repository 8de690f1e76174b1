package cn.opencredit.gateway.ingestion;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.web.ApiCode;

/** Turns a request body (JSON, a CSV or an XLSX template file) into rows, before any row is validated. */
@ApplicationScoped
class BatchReader {

    static final String JSON = "application/json";
    static final String CSV = "text/csv";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ObjectMapper json;
    private final IngestionConfig config;

    BatchReader(ObjectMapper json, IngestionConfig config) {
        this.json = json;
        this.config = config;
    }

    /**
     * The rows of a batch and how they were read.
     *
     * @param requestHash identifies the request for Idempotency-Key reuse checks: the JSON as parsed (so
     *                    white space does not matter), or the file's bytes with the requested template; null for a
     *                    batch sent without a key, which nothing compares
     */
    record ParsedBatch(String format, NationalTemplate template, String encoding, List<String> notices, List<IncomingRow> rows,
            byte[] requestHash) {
    }

    /**
     * @param keyed whether the batch carries an Idempotency-Key, and so needs its request hash
     * @throws IOException when the JSON is malformed, has unknown fields or values of the wrong type (mapped to 400)
     */
    ParsedBatch read(String contentType, String template, byte[] body, boolean keyed) throws IOException {
        String format = format(contentType);
        if (body == null || body.length == 0) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "The request body is empty",
                    List.of(new FieldError("body", "required", "a batch of records is required")));
        }
        if (body.length > config.maxBodySize().asLongValue()) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "The body has " + body.length + " bytes; a batch may have at most "
                    + config.maxBodySize().asLongValue() + ". Split it into several batches",
                    List.of(new FieldError("body", "too-large", "more than " + config.maxBodySize().asLongValue() + " bytes")));
        }
        return switch (format) {
            case JSON -> readJson(body, keyed);
            case CSV -> readFile("csv", template, body, keyed);
            default -> readFile("xlsx", template, body, keyed);
        };
    }

    private ParsedBatch readJson(byte[] body, boolean keyed) throws IOException {
        return parsed(json.readValue(body, IngestionRequest.class), keyed);
    }

    /** Rows another capability hands over in process, read like the rows of a JSON batch. */
    ParsedBatch rows(List<IngestionRecordRequest> rows) {
        try {
            return parsed(new IngestionRequest(rows), false);
        } catch (IOException e) {
            throw new IllegalStateException("rows built in process always serialise", e);
        }
    }

    private ParsedBatch parsed(IngestionRequest request, boolean keyed) throws IOException {
        if (request == null || request.rows() == null) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "rows is required",
                    List.of(new FieldError("rows", "required", "the batch needs a rows array")));
        }
        checkSize(request.rows().size());
        List<IncomingRow> rows = new ArrayList<>(request.rows().size());
        for (int i = 0; i < request.rows().size(); i++) {
            IngestionRecordRequest row = request.rows().get(i);
            if (row == null) {
                throw new ProblemException(ProblemType.VALIDATION_FAILED, "rows[" + i + "] is null",
                        List.of(new FieldError("rows[" + i + "]", "required", "each row is an object")));
            }
            rows.add(IncomingRow.json(i + 1, row));
        }
        return new ParsedBatch("json", null, null, List.of(), rows, keyed ? jsonHash(request) : null);
    }

    private ParsedBatch readFile(String format, String requestedTemplate, byte[] body, boolean keyed) {
        Optional<NationalTemplate> requested = Optional.ofNullable(requestedTemplate).filter(t -> !t.isBlank())
                .map(t -> ApiCode.parse(NationalTemplate.class, t, "template"));
        int limit = NationalTemplate.HEADER_SEARCH_ROWS + config.maxRows() + 1;
        List<String> notices = new ArrayList<>();
        String encoding = null;
        List<TemplateFiles.SheetRow> sheet;
        if (format.equals("csv")) {
            TemplateFiles.Decoded decoded = TemplateFiles.decode(body);
            encoding = decoded.encoding();
            if (TemplateFiles.GB18030.equals(encoding)) {
                notices.add("The file is not valid UTF-8 and was decoded from GB18030 (GBK); check that the names in this report read correctly");
            }
            sheet = TemplateFiles.readCsv(decoded.text(), limit);
        } else {
            sheet = TemplateFiles.readXlsx(body, limit, config.maxWorkbookUnpacked().asLongValue());
        }
        NationalTemplate.Layout layout = NationalTemplate.layout(sheet, requested);
        List<TemplateFiles.SheetRow> data = sheet.subList(layout.headerRow() + 1, sheet.size());
        checkSize(data.size());
        if (!layout.ignoredHeaders().isEmpty()) {
            notices.add("Columns that are not in the " + layout.template().label() + " template were ignored: "
                    + String.join(", ", layout.ignoredHeaders()));
        }
        List<IncomingRow> rows = data.stream().map(row -> NationalTemplate.toRow(row, layout)).toList();
        String variant = format + "|" + requested.map(NationalTemplate::code).orElse("");
        byte[] requestHash = keyed ? sha256(variant, body) : null;
        return new ParsedBatch(format, layout.template(), encoding, List.copyOf(notices), rows, requestHash);
    }

    private void checkSize(int rows) {
        if (rows == 0) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "The batch has no rows",
                    List.of(new FieldError("rows", "empty", "send at least one record")));
        }
        if (rows > config.maxRows()) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "A batch may carry at most " + config.maxRows()
                    + " rows; split it into several batches",
                    List.of(new FieldError("rows", "too-many-rows", "more than " + config.maxRows() + " rows", "1.." + config.maxRows())));
        }
    }

    /** The media type without parameters; the bytes, not a charset parameter, decide a CSV file's encoding. */
    private static String format(String contentType) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (type.equals(JSON) || type.equals(CSV) || type.equals(XLSX)) {
            return type;
        }
        throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "A batch is application/json, text/csv or " + XLSX
                + (type.isEmpty() ? "; the request has no Content-Type" : ", not " + type));
    }

    private static byte[] sha256(String variant, byte[] body) {
        return digest(variant).digest(body);
    }

    /** The hash of the request as parsed, written straight into the digest: a 5 000-row batch is never serialised into memory. */
    private byte[] jsonHash(IngestionRequest request) throws IOException {
        MessageDigest digest = digest("json");
        json.writeValue(new DigestOutputStream(OutputStream.nullOutputStream(), digest), request);
        return digest.digest();
    }

    private static MessageDigest digest(String variant) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(variant.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            return digest;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }
}
