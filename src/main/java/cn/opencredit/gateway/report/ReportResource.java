package cn.opencredit.gateway.report;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

import cn.opencredit.gateway.shared.audit.Audited;
import cn.opencredit.gateway.shared.problem.ProblemDetail;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.security.Scopes;
import cn.opencredit.gateway.shared.uscc.Uscc;

@Path("/api/v1/subjects")
@Tag(name = "report", description = "信用报告: a subject's credit report as JSON or PDF, and its verification")
@RolesAllowed({Scopes.PUBLIC_READ, Scopes.ANONYMOUS})
@SecurityRequirementsSet
@SecurityRequirement(name = "apiKey", scopes = Scopes.PUBLIC_READ)
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "429", ref = "RateLimited")
public class ReportResource {

    static final String PDF = "application/pdf";
    /** RFC 9530: the SHA-256 of the representation's bytes, as the holder of the file can compute it. */
    static final String DIGEST_HEADER = "Repr-Digest";
    static final String CODE_HEADER = "X-Report-Code";

    private final ReportService reports;
    private final SecurityIdentity caller;

    ReportResource(ReportService reports, SecurityIdentity caller) {
        this.reports = reports;
        this.caller = caller;
    }

    @GET
    @Path("/{uscc}/report")
    @Produces({MediaType.APPLICATION_JSON, PDF})
    @Audited("subject.report")
    @Operation(operationId = "getCreditReport", summary = "A subject's credit report (信用报告), as JSON or PDF",
            description = """
                    The report of the subject's data now: registration data, the evaluation with its explanation, records by \
                    category, list memberships and history, commitments, and at the full level the repairs and objections; with its \
                    report time, validity (opencredit.report.validity, 30 days) and a fresh verification code. `Accept: \
                    application/pdf` answers an A4 PDF (Chinese text, the platform's name and page numbers on every page, a QR code \
                    of the verification URL); anything else JSON. `level=public` (default) is for anyone; `level=full` for the \
                    subject itself (a consumer bound to its USCC), a bank or credit agency whose consent covers evaluation, \
                    authorised-records and commitments (the read is logged under it), and operators. Each answer is a new report: \
                    its code, subject, level, format, issue and validity times and the SHA-256 of the exact bytes are stored (not \
                    the content), and `Repr-Digest` carries that hash. Every report is in the subject's access log.""")
    @APIResponse(responseCode = "200", description = "The report; `X-Report-Code` its verification code, `Repr-Digest` the SHA-256 of the body",
            headers = {@Header(name = CODE_HEADER, schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = DIGEST_HEADER, schema = @Schema(type = SchemaType.STRING))},
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportView.class),
                    examples = @ExampleObject(name = "public", value = ReportExamples.REPORT)),
                    @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "The USCC is malformed or the level unknown",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "403", description = """
            level=full for a caller that is not the subject, a bank or agency, or an operator (a subject asking for another's); \
            for a bank or agency, no consent of the subject covers the full report (consent-required, consent-expired, \
            consent-revoked, category-not-consented)""",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "not-yours", value = ReportExamples.FORBIDDEN)))
    @APIResponse(responseCode = "404", ref = "SubjectNotFound")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Uni<Response> report(
            @Parameter(description = "统一社会信用代码, 18 characters", example = "91659001MA00000152",
                    schema = @Schema(type = SchemaType.STRING, minLength = 18, maxLength = 64)) @PathParam("uscc") Uscc uscc,
            @Parameter(description = "public (default) or full", schema = @Schema(type = SchemaType.STRING, enumeration = {"public", "full"}))
            @QueryParam("level") String level,
            @Context HttpHeaders headers, @Context RoutingContext routing) {
        boolean pdf = prefersPdf(acceptable(headers));
        return reports.issue(uscc, level, pdf, caller.isAnonymous() ? null : ApiClient.of(caller), routing)
                .map(issued -> Response.ok(entity(issued), issued.pdf() ? PDF : MediaType.APPLICATION_JSON)
                        .header(CODE_HEADER, issued.verification().code())
                        .header(DIGEST_HEADER, "sha-256=:" + Base64.getEncoder().encodeToString(issued.sha256()) + ":").build());
    }

    /**
     * The bytes exactly as hashed: a PDF as bytes; JSON as its text, which the JSON writer passes
     * through unchanged (bytes it would encode as base64). A plain {@link Response}, so that the
     * writer is chosen by the entity's class.
     */
    private static Object entity(ReportService.Issued issued) {
        return issued.pdf() ? issued.content() : new String(issued.content(), StandardCharsets.UTF_8);
    }

    /**
     * The client's acceptable types; none (JSON then) when the header is empty or does not parse, which
     * RFC 9110 (12.5.1) lets a server disregard, as the routing that chose this method already has.
     */
    private static List<MediaType> acceptable(HttpHeaders headers) {
        try {
            return headers.getAcceptableMediaTypes();
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    /** The first acceptable type (in the client's order of preference) that is PDF or JSON decides; JSON for a wildcard. */
    private static boolean prefersPdf(List<MediaType> acceptable) {
        for (MediaType type : acceptable) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardSubtype()) {
                return false;
            }
            if ("application".equals(type.getType()) && "pdf".equals(type.getSubtype())) {
                return true;
            }
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                return false;
            }
        }
        return false;
    }
}
