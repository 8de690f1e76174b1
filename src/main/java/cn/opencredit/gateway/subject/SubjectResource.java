package cn.opencredit.gateway.subject;

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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.audit.AuditedBulk;
import cn.opencredit.gateway.shared.audit.Audited;
import cn.opencredit.gateway.shared.paging.Page;
import cn.opencredit.gateway.shared.problem.ProblemDetail;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.security.Scopes;
import cn.opencredit.gateway.shared.uscc.Uscc;
import cn.opencredit.gateway.shared.web.ConditionalResponses;

@Path("/api/v1/subjects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "subject", description = "信用主体: public credit profiles and subject search")
@RolesAllowed({Scopes.PUBLIC_READ, Scopes.ANONYMOUS})
@SecurityRequirementsSet
@SecurityRequirement(name = "apiKey", scopes = Scopes.PUBLIC_READ)
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "RateLimited")
public class SubjectResource {

    private final SubjectService subjects;
    private final SubjectProfileService profiles;
    private final SecurityIdentity caller;

    SubjectResource(SubjectService subjects, SubjectProfileService profiles, SecurityIdentity caller) {
        this.subjects = subjects;
        this.profiles = profiles;
        this.caller = caller;
    }

    @GET
    @Path("/{uscc}")
    @Audited("subject.profile")
    @Parameter(name = "X-Purpose", in = ParameterIn.HEADER, description = "Why the data is read (e.g. loan-application); "
            + "recorded in the subject's access log", schema = @Schema(type = SchemaType.STRING, maxLength = 200))
    @Operation(operationId = "getSubjectProfile", summary = "Credit profile of a subject",
            description = """
                    Basic registration data, current list memberships (red, black, watch, abnormal, dishonest debtor) and the whole \
                    list history (removed and expired entries with their removal), the number of \
                    visible records per category and the latest visible records of the subject with this USCC. Which records are \
                    visible depends on the caller: the public (anonymous callers, apps, banks, agencies) sees public records; the \
                    subject itself, through a consumer bound to its USCC, also authorised-level ones; departments and operators \
                    every level. The USCC is normalised first (surrounding space trimmed, full-width characters folded, lower case \
                    raised), then both check characters are verified: GB 11714 at position 17 and GB 32100 at position 18.""")
    @APIResponse(responseCode = "200", description = "The profile; `X-Cache` says whether it came from the cache",
            headers = {@Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "X-Cache", schema = @Schema(type = SchemaType.STRING, enumeration = {"HIT", "MISS"}))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubjectProfileView.class),
                    examples = @ExampleObject(name = "enterprise", value = SubjectExamples.PROFILE)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag given in If-None-Match",
            headers = {@Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "X-Cache", schema = @Schema(type = SchemaType.STRING, enumeration = {"HIT", "MISS"}))})
    @APIResponse(responseCode = "400", description = "The USCC is malformed or a check character is wrong; `errors` names each failing part",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "check-character", value = SubjectExamples.INVALID_USCC)))
    @APIResponse(responseCode = "404", description = "The USCC is valid but no subject is registered under it",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "unknown", value = SubjectExamples.NOT_FOUND)))
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Uni<RestResponse<String>> profile(
            @Parameter(description = "统一社会信用代码, 18 characters", example = "914403001922038216",
                    schema = @Schema(type = SchemaType.STRING, minLength = 18, maxLength = 64)) @PathParam("uscc") Uscc uscc,
            @Parameter(description = "An ETag of an earlier answer: 304 if the profile has not changed since")
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return profiles.profile(uscc, ApiClient.of(caller)).map(answer -> ConditionalResponses.of(answer, ifNoneMatch));
    }

    @GET
    @AuditedBulk("subject.search")
    @Operation(operationId = "searchSubjects", summary = "Search subjects by name fragment or USCC prefix",
            description = """
                    Finds subjects whose name contains `q` (case-insensitive; `%`, `_` and quotes are matched literally) or whose \
                    USCC starts with `q`, optionally within a region and of a type. Results come in USCC order, which is stable, \
                    so following `nextCursor` visits every match exactly once; the cost of a page does not grow with its depth.""")
    @APIResponse(responseCode = "200", description = "One page of matches",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubjectSummaryPage.class),
                    examples = @ExampleObject(name = "page", value = SubjectExamples.SEARCH)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid (limit, cursor, region, type or an overlong q)",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "limit", value = SubjectExamples.INVALID_PARAMETER)))
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Uni<Page<SubjectSummaryView>> search(
            @Parameter(description = "Name fragment or USCC prefix; full-width characters are folded", example = "农业")
            @QueryParam("q") String q,
            @Parameter(description = "Region code: 2 (province), 4 (prefecture) or 6 (county) digits of GB/T 2260", example = "410526")
            @QueryParam("region") String region,
            @Parameter(description = "Subject type", schema = @Schema(implementation = SubjectType.class)) @QueryParam("type") String type,
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100",
                    defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = "`nextCursor` of the previous page") @QueryParam("cursor") String cursor) {
        return subjects.search(SubjectSearch.parse(q, region, type), limit, cursor);
    }

    /** Names the page type in the OpenAPI document, where a generic {@link Page} has no name of its own. */
    @Schema(name = "SubjectSummaryPage")
    record SubjectSummaryPage(@Schema(required = true) java.util.List<SubjectSummaryView> items,
            @Schema(required = true, nullable = true, description = "Opaque; pass as `cursor` for the next page, null on the last page")
            String nextCursor) {
    }
}
