package cn.opencredit.gateway.report;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "opencredit.report")
public interface ReportConfig {

    /** The platform's name on every report (header of each PDF page, and the JSON). */
    @WithDefault("公共信用信息平台")
    String platformName();

    /** Where a third party verifies a report: the QR code and the JSON name {@code <base>/api/v1/reports/<code>/verification}. */
    @WithDefault("https://api.opencredit.cn")
    String verificationBaseUrl();

    /** How long a report stays valid for use in a procedure after it is issued. */
    @WithDefault("P30D")
    Duration validity();

    /**
     * A TrueType font with CJK glyphs, embedded (subset) in every PDF. The default is Debian's
     * fonts-droid-fallback, which bin/services and .ci/run install: glyf outlines, which PDFBox embeds
     * (the CFF-outlined Noto/Source Han OTFs it does not).
     */
    @WithDefault("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")
    String fontFile();

    /** Records per category a report lists, newest first. */
    @WithDefault("20")
    int recordsPerCategory();

    /** Commitments, and repair and objection events, a report lists, newest first. */
    @WithDefault("20")
    int casesListed();
}
