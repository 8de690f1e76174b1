package cn.opencredit.gateway.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;

import javax.imageio.ImageIO;

import jakarta.inject.Singleton;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.ProblemType;

/**
 * The PDF of a report: the Qute template (templates/report/report.html, XHTML) filled with the
 * report's model, laid out by openhtmltopdf on A4 with the platform's name and page numbers in the
 * page margins, the CJK font embedded as a subset, and the verification URL as a QR code. Blocking
 * work: callers run it on a worker thread.
 */
@Singleton
class ReportPdf {

    static final String FONT_FAMILY = "ReportSans";
    private static final int QR_PIXELS_PER_MODULE = 8;

    private final Template template;
    private final ReportConfig config;

    ReportPdf(@Location("report/report.html") Template template, ReportConfig config) {
        this.template = template;
        this.config = config;
    }

    /** The HTML the PDF is laid out from (the model as {@link ReportDocument} builds it). */
    String html(Map<String, Object> model, String verificationUrl) {
        return template.data("r", model).data("qr", qrDataUri(verificationUrl)).data("font", FONT_FAMILY).render();
    }

    byte[] render(Map<String, Object> model, String verificationUrl) {
        File font = new File(config.fontFile());
        if (!font.canRead()) {
            // A PDF without the CJK font would show empty boxes for every Chinese character: refuse rather than issue it.
            throw new ProblemException(ProblemType.SERVICE_UNAVAILABLE, "The PDF report cannot be made on this server (its CJK font is missing); "
                    + "ask for application/json");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFont(font, FONT_FAMILY);
            builder.withHtmlContent(html(model, verificationUrl), null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("the report PDF could not be laid out", e);
        }
        return out.toByteArray();
    }

    /** The verification URL as a QR code (error correction M, quiet zone of 2 modules), a PNG data URI for the template. */
    static String qrDataUri(String url) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
            int size = matrix.getWidth() * QR_PIXELS_PER_MODULE;
            BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    image.setRGB(x, y, matrix.get(x / QR_PIXELS_PER_MODULE, y / QR_PIXELS_PER_MODULE) ? 0x000000 : 0xFFFFFF);
                }
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
        } catch (WriterException e) {
            throw new IllegalStateException("a verification URL always fits a QR code", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
