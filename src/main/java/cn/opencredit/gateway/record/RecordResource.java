package cn.opencredit.gateway.record;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.audit.Audited;
import cn.opencredit.gateway.shared.paging.Page;
import cn.opencredit.gateway.shared.problem.ProblemDetail;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.security.Scopes;
import cn.opencredit.gateway.shared.uscc.Uscc;
import cn.opencredit.gateway.shared.web.ConditionalResponses;
import cn.opencredit.gateway.shared.web.ApiCode;

@Path("/api/v1/subjects/{uscc}/records")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "record", description = "信用记录: a subject's credit records (双公示 and the other categories)")
@RolesAllowed(Scopes.PUBLIC_READ)
@SecurityRequirement(name = "apiKey", scopes = Scopes.PUBLIC_READ)
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "RateLimited")
public class RecordResource {

    private final RecordService records;
    private final SecurityIdentity caller;

    RecordResource(RecordService records, SecurityIdentity caller) {
        this.records = records;
        this.caller = caller;
    }

    @GET
    @Audited("subject.records")
    @Parameter(name = "X-Purpose", in = ParameterIn.HEADER, description = "Why the data is read (e.g. loan-application); "
            + "recorded in the subject's access log", schema = @Schema(type = SchemaType.STRING, maxLength = 200))
    @Operation(operationId = "listSubjectRecords", summary = "Credit records of a subject",
            description = """
                    The subject's records that the caller may see, newest decision first: inside their publication window, not \
                    repaired and not revoked, and of a disclosure level open to the caller (public records for everyone; also \
                    authorised-level ones for the subject itself, through a consumer bound to its USCC; every level for departments \
                    and operators). Records under objection are included with `disputed: true`. \
                    Keyset paging: follow `nextCursor`; every page costs the same.""")
    @APIResponse(responseCode = "200", description = "One page of records; `X-Cache` says whether it came from the cache",
            headers = {@Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "X-Cache", schema = @Schema(type = SchemaType.STRING, enumeration = {"HIT", "MISS"}))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordPage.class),
                    examples = @ExampleObject(name = "page", value = RecordExamples.PAGE)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag given in If-None-Match",
            headers = {@Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "X-Cache", schema = @Schema(type = SchemaType.STRING, enumeration = {"HIT", "MISS"}))})
    @APIResponse(responseCode = "400", description = "Invalid USCC, category, limit or cursor",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "category", value = RecordExamples.INVALID_CATEGORY)))
    @APIResponse(responseCode = "404", description = "No subject is registered under this USCC",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "unknown", value = RecordExamples.NOT_FOUND)))
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Uni<RestResponse<byte[]>> list(
            @Parameter(description = "统一社会信用代码", example = "914403001922038216",
                    schema = @Schema(type = SchemaType.STRING, minLength = 18, maxLength = 64)) @PathParam("uscc") Uscc uscc,
            @Parameter(description = "Only records of this category", schema = @Schema(implementation = RecordCategory.class))
            @QueryParam("category") String category,
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100",
                    defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = "`nextCursor` of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "An ETag of an earlier answer: 304 if the page has not changed since")
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Optional<RecordCategory> wanted = Optional.ofNullable(category).filter(c -> !c.isBlank())
                .map(c -> ApiCode.parse(RecordCategory.class, c, "category"));
        return records.records(uscc, records.audienceOf(ApiClient.of(caller), uscc), wanted, limit, cursor)
                .map(answer -> ConditionalResponses.of(answer, ifNoneMatch));
    }

    /** Names the page type in the OpenAPI document, where a generic {@link Page} has no name of its own. */
    @Schema(name = "CreditRecordPage")
    record RecordPage(@Schema(required = true) List<RecordView> items,
            @Schema(required = true, nullable = true, description = "Opaque; pass as `cursor` for the next page, null on the last page")
            String nextCursor) {
    }
}
