package cn.opencredit.gateway.disclosure;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.audit.AuditedBulk;
import cn.opencredit.gateway.shared.paging.Page;
import cn.opencredit.gateway.shared.problem.ProblemDetail;
import cn.opencredit.gateway.shared.security.Scopes;

@Path("/api/v1/disclosures")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "disclosure", description = "双公示: public administrative licences, penalties and the other administrative actions")
@RolesAllowed({Scopes.PUBLIC_READ, Scopes.ANONYMOUS})
@SecurityRequirementsSet
@SecurityRequirement(name = "apiKey", scopes = Scopes.PUBLIC_READ)
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "RateLimited")
public class DisclosureResource {

    private final DisclosureService disclosures;

    DisclosureResource(DisclosureService disclosures) {
        this.disclosures = disclosures;
    }

    @GET
    @AuditedBulk("disclosure.list")
    @Operation(operationId = "listDisclosures", summary = "Disclosed administrative actions (双公示 and the others)",
            description = """
                    Administrative licences, penalties and the other administrative actions (coercion, confirmation, levy, \
                    payment, adjudication, compensation, reward, inspection) that the public may see, across all subjects, newest \
                    decision first: public disclosure level, inside their publication window, not repaired and not revoked; \
                    records under objection are included with `disputed: true`. Natural persons are not listed. Filters combine \
                    with AND. Keyset paging: follow `nextCursor`; every page costs the same however deep it is. Also answers \
                    callers without a key, under the anonymous plan.""")
    @APIResponse(responseCode = "200", description = "One page of disclosures",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DisclosurePage.class),
                    examples = @ExampleObject(name = "page", value = DisclosureExamples.PAGE)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid: category, region, from, to (or from after to), limit, "
            + "cursor, or a department USCC that fails validation",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class),
                    examples = {@ExampleObject(name = "date", value = DisclosureExamples.INVALID_PARAMETERS),
                            @ExampleObject(name = "department", value = DisclosureExamples.INVALID_DEPARTMENT)}))
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Uni<Page<DisclosureView>> list(
            @Parameter(description = "Only this kind of administrative action", schema = @Schema(implementation = DisclosureCategory.class))
            @QueryParam("category") String category,
            @Parameter(description = "USCC of the department that reported the records", example = "11410526MB1C37623U",
                    schema = @Schema(type = SchemaType.STRING, minLength = 18, maxLength = 64)) @QueryParam("department") String department,
            @Parameter(description = "Region of the subject: 2 (province), 4 (prefecture) or 6 (county) digits of GB/T 2260",
                    example = "410526") @QueryParam("region") String region,
            @Parameter(description = "Decided on or after this date", schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("from") String from,
            @Parameter(description = "Decided on or before this date", schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("to") String to,
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100",
                    defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = "`nextCursor` of the previous page") @QueryParam("cursor") String cursor) {
        return disclosures.disclosures(category, department, region, from, to, limit, cursor);
    }

    /** Names the page type in the OpenAPI document, where a generic {@link Page} has no name of its own. */
    @Schema(name = "DisclosurePage")
    record DisclosurePage(@Schema(required = true) List<DisclosureView> items,
            @Schema(required = true, nullable = true, description = "Opaque; pass as `cursor` for the next page, null on the last page")
            String nextCursor) {
    }
}
