package cn.opencredit.gateway.ingestion;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.ProblemType;

/**
 * Spreadsheet files as departments export them, read into rows of cells: CSV in UTF-8 (with or
 * without a byte-order mark) or GB18030 (which covers GBK and GB2312, what Excel on a Chinese Windows
 * saves), and XLSX. Rows are numbered the way a spreadsheet shows them, so a report's row number
 * points at the line the clerk sees.
 */
final class TemplateFiles {

    static final String UTF_8 = "utf-8";
    static final String GB18030 = "gb18030";

    private static final Charset GB18030_CHARSET = Charset.forName("GB18030");
    private static final byte[] UTF_8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** Excel keeps 15 significant digits; beyond them a stored double only carries binary noise. */
    private static final MathContext EXCEL_PRECISION = new MathContext(15);
    /** Serial numbers Excel can display as dates (1900-01-01 to 9999-12-31). */
    private static final double LAST_EXCEL_SERIAL = 2_958_465;

    /** One cell: its text, and for a number in a date column the date Excel shows for it. */
    record CellValue(String text, LocalDate date) {

        static final CellValue BLANK = new CellValue("", null);

        boolean blank() {
            return text.isBlank();
        }
    }

    record SheetRow(int number, List<CellValue> cells) {

        CellValue cell(int index) {
            return index < cells.size() ? cells.get(index) : CellValue.BLANK;
        }

        boolean blank() {
            return cells.stream().allMatch(CellValue::blank);
        }
    }

    /** The text of a CSV file and the encoding it was read in. */
    record Decoded(String text, String encoding) {
    }

    private TemplateFiles() {
    }

    /**
     * Strict UTF-8 first (a byte-order mark is dropped), then GB18030; anything else is refused
     * rather than guessed at, because a wrong guess would store garbled names under valid codes.
     */
    static Decoded decode(byte[] bytes) {
        if (startsWith(bytes, new byte[] {(byte) 0xFF, (byte) 0xFE}) || startsWith(bytes, new byte[] {(byte) 0xFE, (byte) 0xFF})) {
            throw unreadable("The file is UTF-16 text; save it as CSV UTF-8 (or GB18030) and send it again");
        }
        boolean bom = startsWith(bytes, UTF_8_BOM);
        ByteBuffer content = ByteBuffer.wrap(bytes, bom ? UTF_8_BOM.length : 0, bytes.length - (bom ? UTF_8_BOM.length : 0));
        Optional<String> utf8 = strictly(StandardCharsets.UTF_8, content.duplicate());
        if (utf8.isPresent()) {
            return new Decoded(checked(utf8.get()), UTF_8);
        }
        if (bom) {
            throw unreadable("The file starts with a UTF-8 byte-order mark but is not valid UTF-8");
        }
        return strictly(GB18030_CHARSET, content.duplicate())
                .map(text -> new Decoded(checked(text), GB18030))
                .orElseThrow(() -> unreadable("The file is neither UTF-8 nor GB18030 (GBK) text; save it as CSV UTF-8 and send it again"));
    }

    /** At most {@code limit} rows, blank lines included in the numbering but not returned. */
    static List<SheetRow> readCsv(String text, int limit) {
        List<SheetRow> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
        CSVParser parser = null;
        try {
            parser = CSVParser.parse(new StringReader(text), format);
            Iterator<CSVRecord> records = parser.iterator();
            while (rows.size() < limit && records.hasNext()) {
                CSVRecord record = records.next();
                List<CellValue> cells = record.stream().map(value -> new CellValue(value, null)).toList();
                SheetRow row = new SheetRow(Math.toIntExact(record.getRecordNumber()), cells);
                if (!row.blank()) {
                    rows.add(row);
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // The parser's own message names its exception class; say what is wrong and where instead.
            long line = parser == null ? 1 : Math.max(1, parser.getCurrentLineNumber());
            throw new ProblemException(ProblemType.MALFORMED_BODY, "The CSV file is not valid CSV (RFC 4180) at line " + line
                    + ": a quoted value is not closed, or a quote stands inside an unquoted value. Put values that hold commas, quotes "
                    + "or line breaks in double quotes, and double every quote inside them");
        } finally {
            closeQuietly(parser);
        }
        return rows;
    }

    private static void closeQuietly(CSVParser parser) {
        try {
            if (parser != null) {
                parser.close();
            }
        } catch (IOException e) {
            // A parser over a string holds nothing to release.
        }
    }

    /**
     * The first sheet, at most {@code limit} non-blank rows, of a workbook that unpacks to at most
     * {@code maxUnpacked} bytes. An XLSX file is a ZIP archive of XML, and XML compresses a
     * thousandfold: a small upload can unpack to gigabytes and hold a worker for minutes. The
     * archive is unpacked once into nothing first, counting what its entries really inflate to
     * (the sizes it declares can lie), and refused as soon as the count passes the limit.
     */
    static List<SheetRow> readXlsx(byte[] bytes, int limit, long maxUnpacked) {
        if (bytes.length >= 8 && ReadableWorkbook.isOLE2Header(bytes)) {
            throw unreadable("The file is a legacy Excel 97-2003 workbook (.xls); save it as .xlsx or CSV and send it again");
        }
        if (bytes.length < 4 || !ReadableWorkbook.isOOXMLZipHeader(bytes)) {
            throw new ProblemException(ProblemType.MALFORMED_BODY, "The body is not an XLSX workbook");
        }
        checkUnpackedSize(bytes, maxUnpacked);
        List<SheetRow> rows = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes), new ReadingOptions(true, false));
                Stream<Row> sheet = workbook.getFirstSheet().openStream()) {
            Iterator<Row> it = sheet.iterator();
            while (rows.size() < limit && it.hasNext()) {
                Row row = it.next();
                List<CellValue> cells = new ArrayList<>(row.getCellCount());
                for (int i = 0; i < row.getCellCount(); i++) {
                    cells.add(row.getOptionalCell(i).map(TemplateFiles::cell).orElse(CellValue.BLANK));
                }
                SheetRow read = new SheetRow(row.getRowNum(), cells);
                if (!read.blank()) {
                    rows.add(read);
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            throw new ProblemException(ProblemType.MALFORMED_BODY, "The XLSX workbook could not be read; save it again from Excel or WPS");
        }
        return rows;
    }

    private static void checkUnpackedSize(byte[] bytes, long maxUnpacked) {
        long unpacked = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream archive = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            while (archive.getNextEntry() != null) {
                for (int read = archive.read(buffer); read >= 0; read = archive.read(buffer)) {
                    unpacked += read;
                    if (unpacked > maxUnpacked) {
                        throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "The workbook unpacks to more than " + maxUnpacked
                                + " bytes; a batch's workbook may unpack to at most that. Send fewer rows per workbook, or CSV",
                                List.of(new FieldError("body", "unpacks-too-large", "more than " + maxUnpacked + " bytes unpacked")));
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new ProblemException(ProblemType.MALFORMED_BODY, "The XLSX workbook could not be read; save it again from Excel or WPS");
        }
    }

    private static CellValue cell(Cell cell) {
        CellType type = cell.getType();
        return switch (type) {
            case NUMBER -> number(cell.getRawValue(), cell);
            case FORMULA -> cell.getRawValue() == null ? CellValue.BLANK : numberOrText(cell.getRawValue(), cell);
            case EMPTY -> CellValue.BLANK;
            case BOOLEAN -> new CellValue(String.valueOf(cell.asBoolean()), null);
            case ERROR -> new CellValue("#" + cell.getRawValue(), null);
            default -> new CellValue(cell.getText() == null ? "" : cell.getText(), null);
        };
    }

    private static CellValue numberOrText(String raw, Cell cell) {
        try {
            new BigDecimal(raw);
            return number(raw, cell);
        } catch (NumberFormatException e) {
            return new CellValue(raw, null);
        }
    }

    private static CellValue number(String raw, Cell cell) {
        BigDecimal value = new BigDecimal(raw).round(EXCEL_PRECISION).stripTrailingZeros();
        LocalDate date = null;
        double serial = value.doubleValue();
        if (serial >= 1 && serial <= LAST_EXCEL_SERIAL) {
            date = cell.asDate().toLocalDate();
        }
        return new CellValue(value.scale() < 0 ? value.setScale(0).toPlainString() : value.toPlainString(), date);
    }

    private static Optional<String> strictly(Charset charset, ByteBuffer bytes) {
        try {
            CharBuffer chars = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes);
            return Optional.of(chars.toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** NUL and other control characters mean a binary file that happened to decode. */
    private static String checked(String text) {
        boolean binary = text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r');
        if (binary) {
            throw unreadable("The file contains control characters; it is not CSV text");
        }
        return text;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static ProblemException unreadable(String detail) {
        return new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, detail);
    }
}
