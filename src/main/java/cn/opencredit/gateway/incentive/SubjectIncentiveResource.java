package cn.opencredit.gateway.incentive;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
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

import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.audit.Audited;
import cn.opencredit.gateway.shared.security.Scopes;
import cn.opencredit.gateway.shared.uscc.Uscc;
import cn.opencredit.gateway.shared.web.ConditionalResponses;

/** What an enterprise qualifies for. */
@Path("/api/v1/subjects/{uscc}/incentives")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "incentive", description = "信易+: credit-based benefits and who qualifies for them")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "406", ref = "NotAcceptable")
@APIResponse(responseCode = "429", ref = "RateLimited")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class SubjectIncentiveResource {

    private final IncentiveService incentives;

    SubjectIncentiveResource(IncentiveService incentives) {
        this.incentives = incentives;
    }

    @GET
    @RolesAllowed(Scopes.INCENTIVE_READ)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.INCENTIVE_READ)
    @Audited("incentive.eligibility")
    @Operation(operationId = "getSubjectIncentives", summary = "What an enterprise qualifies for, and why not the rest",
            description = "Every scenario in force today for the subject's kind: eligible or not, and for each not, every condition it "
                    + "fails with its reason in Chinese (`reasonZh`) and the facts behind it. Cached per subject and catalogue revision "
                    + "until the subject's data changes; `X-Cache` says whether it came from the cache. Every call is in the subject's "
                    + "access log.")
    @APIResponse(responseCode = "200", description = "The subject's eligibility",
            headers = {@Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "X-Cache", schema = @Schema(type = SchemaType.STRING, enumeration = {"HIT", "MISS"}))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EligibilityView.class),
                    examples = @ExampleObject(name = "enterprise", value = IncentiveExamples.ELIGIBILITY)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag given in If-None-Match",
            headers = {@Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "X-Cache", schema = @Schema(type = SchemaType.STRING, enumeration = {"HIT", "MISS"}))})
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "SubjectNotFound")
    public Uni<RestResponse<byte[]>> forSubject(
            @Parameter(description = "统一社会信用代码, 18 characters", example = "91659001MA00000152",
                    schema = @Schema(type = SchemaType.STRING, minLength = 18, maxLength = 64)) @PathParam("uscc") Uscc uscc,
            @Parameter(description = "An ETag of an earlier answer: 304 if the answer has not changed since")
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return incentives.forSubject(uscc).map(answer -> ConditionalResponses.of(answer, ifNoneMatch));
    }
}
