package cn.opencredit.gateway.profile;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

import cn.opencredit.gateway.shared.audit.Audited;
import cn.opencredit.gateway.shared.problem.ProblemDetail;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.security.Scopes;
import cn.opencredit.gateway.shared.uscc.Uscc;
import cn.opencredit.gateway.shared.web.ConditionalResponses;

@Path("/api/v1/subjects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "profile", description = "信用档案: a subject's public credit profile, as the caller's audience sees it")
@RolesAllowed({Scopes.PUBLIC_READ, Scopes.ANONYMOUS})
@SecurityRequirementsSet
@SecurityRequirement(name = "apiKey", scopes = Scopes.PUBLIC_READ)
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "RateLimited")
public class ProfileResource {

    private final ProfileService profiles;
    private final SecurityIdentity caller;

    ProfileResource(ProfileService profiles, SecurityIdentity caller) {
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
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProfileView.class),
                    examples = @ExampleObject(name = "enterprise", value = ProfileExamples.PROFILE)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag given in If-None-Match",
            headers = {@Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "X-Cache", schema = @Schema(type = SchemaType.STRING, enumeration = {"HIT", "MISS"}))})
    @APIResponse(responseCode = "400", description = "The USCC is malformed or a check character is wrong; `errors` names each failing part",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "check-character", value = ProfileExamples.INVALID_USCC)))
    @APIResponse(responseCode = "404", description = "The USCC is valid but no subject is registered under it",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "unknown", value = ProfileExamples.NOT_FOUND)))
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Uni<RestResponse<byte[]>> profile(
            @Parameter(description = "统一社会信用代码, 18 characters", example = "914403001922038216",
                    schema = @Schema(type = SchemaType.STRING, minLength = 18, maxLength = 64)) @PathParam("uscc") Uscc uscc,
            @Parameter(description = "An ETag of an earlier answer: 304 if the profile has not changed since")
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return profiles.profile(uscc, ApiClient.of(caller)).map(answer -> ConditionalResponses.of(answer, ifNoneMatch));
    }
}
