package cn.opencredit.gateway.report;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.security.Scopes;

@Path("/api/v1/reports/{code}/verification")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "report")
@RolesAllowed({Scopes.PUBLIC_READ, Scopes.ANONYMOUS})
@SecurityRequirementsSet
@SecurityRequirement(name = "apiKey", scopes = Scopes.PUBLIC_READ)
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "429", ref = "RateLimited")
public class VerificationResource {

    private final ReportService reports;

    VerificationResource(ReportService reports) {
        this.reports = reports;
    }

    @GET
    @Operation(operationId = "verifyCreditReport", summary = "Was a report with this code issued, and is this its hash?",
            description = """
                    Where a report's QR code points. Answers whether a report with the code was issued, of which subject, when, at \
                    which level and format, until when it is valid, and the SHA-256 of its exact bytes; with `sha256` (of the file \
                    held, hex) also whether it is that report (`contentMatches`). A file changed by one byte has another hash and \
                    does not match. For anyone, without a key.""")
    @APIResponse(responseCode = "200", description = "Issued; `contentMatches` when a hash was given",
            content = @Content(schema = @Schema(implementation = VerificationView.class), examples = @ExampleObject(name = "tampered",
                    value = ReportExamples.VERIFICATION)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Uni<VerificationView> verify(@Parameter(description = "The verification code printed on the report", example = "7KQ4-M2XP-9TRD-H3WB",
            schema = @Schema(type = SchemaType.STRING, maxLength = 40)) @PathParam("code") String code,
            @Parameter(description = "SHA-256 of the file held, 64 hex digits", schema = @Schema(type = SchemaType.STRING, maxLength = 64))
            @QueryParam("sha256") String sha256) {
        return reports.verify(code, sha256, null);
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, ReportResource.PDF, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(operationId = "verifyCreditReportContent", summary = "Is this file the report issued under this code?",
            description = """
                    The file itself (the PDF or the JSON as received, byte for byte) as the body: the gateway hashes it and answers \
                    as GET does, with `contentMatches`. The file is not kept.""")
    @RequestBody(required = true, content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT),
            examples = @ExampleObject(name = "json-report", value = ReportExamples.PRESENTED)),
            @Content(mediaType = ReportResource.PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "200", description = "Issued; `contentMatches` says whether the file is that report",
            content = @Content(schema = @Schema(implementation = VerificationView.class), examples = @ExampleObject(name = "tampered",
                    value = ReportExamples.VERIFICATION)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Uni<VerificationView> verifyContent(@Parameter(description = "The verification code printed on the report", example = "7KQ4-M2XP-9TRD-H3WB",
            schema = @Schema(type = SchemaType.STRING, maxLength = 40)) @PathParam("code") String code, byte[] content) {
        return reports.verify(code, null, content == null ? new byte[0] : content);
    }
}
