package cn.opencredit.gateway.evaluation;

import java.util.List;

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

import cn.opencredit.gateway.shared.audit.Audited;
import cn.opencredit.gateway.shared.paging.Page;
import cn.opencredit.gateway.shared.problem.ProblemDetail;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.security.Scopes;
import cn.opencredit.gateway.shared.uscc.Uscc;
import cn.opencredit.gateway.shared.web.ConditionalResponses;

@Path("/api/v1/subjects/{uscc}/evaluation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "evaluation", description = "公共信用综合评价: grades, supervision classes and their explanation")
@RolesAllowed({Scopes.PUBLIC_READ, Scopes.ANONYMOUS})
@SecurityRequirementsSet
@SecurityRequirement(name = "apiKey", scopes = Scopes.PUBLIC_READ)
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "RateLimited")
public class EvaluationResource {

    private final EvaluationService evaluations;
    private final SecurityIdentity caller;

    EvaluationResource(EvaluationService evaluations, SecurityIdentity caller) {
        this.evaluations = evaluations;
        this.caller = caller;
    }

    @GET
    @Audited("subject.evaluation")
    @Parameter(name = "X-Purpose", in = ParameterIn.HEADER, description = "Why the data is read (e.g. loan-application); "
            + "recorded in the subject's access log", schema = @Schema(type = SchemaType.STRING, maxLength = 200))
    @Operation(operationId = "getSubjectEvaluation", summary = "Public credit evaluation of a subject",
            description = """
                    The subject's current 公共信用综合评价: its grade (A 优, B 良, C 中, D 差), the supervision class that follows \
                    from it (trusted 诚信守法 "非请勿扰", general 一般监管, focused 重点监管, strict 严格监管), the day it is as of and \
                    the model version. The subject itself (a consumer bound to its USCC) and departments also get the score (0–1000) \
                    and every contribution: the record, list entry, fact or registration it comes from, the rule that applied, the \
                    points before and after decay and caps, and a plain-Chinese reason. A write that moves the score (a record, a \
                    list entry, the subject's status) re-evaluates the subject within seconds; time does too (decay, end of \
                    publication, list expiry). Cancelled and revoked subjects get no grade (`state: not-evaluated`).""")
    @APIResponse(responseCode = "200", description = "The evaluation; `X-Cache` says whether it came from the cache",
            headers = {@Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "X-Cache", schema = @Schema(type = SchemaType.STRING, enumeration = {"HIT", "MISS"}))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationView.class),
                    examples = {@ExampleObject(name = "summary", value = EvaluationExamples.SUMMARY),
                            @ExampleObject(name = "full", value = EvaluationExamples.FULL),
                            @ExampleObject(name = "pending", value = EvaluationExamples.PENDING)}))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag given in If-None-Match",
            headers = {@Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "X-Cache", schema = @Schema(type = SchemaType.STRING, enumeration = {"HIT", "MISS"}))})
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "SubjectNotFound")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Uni<RestResponse<byte[]>> evaluation(
            @Parameter(description = "统一社会信用代码", example = "914403001922038216",
                    schema = @Schema(type = SchemaType.STRING, minLength = 18, maxLength = 64)) @PathParam("uscc") Uscc uscc,
            @Parameter(description = "An ETag of an earlier answer: 304 if the evaluation has not changed since")
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return evaluations.evaluation(uscc, ApiClient.of(caller)).map(answer -> ConditionalResponses.of(answer, ifNoneMatch));
    }

    @GET
    @Path("/history")
    @Audited("subject.evaluation-history")
    @Operation(operationId = "listSubjectEvaluationHistory", summary = "Past evaluations of a subject",
            description = """
                    Each result the subject had, newest first: a new entry whenever the grade, the score, the supervision class or \
                    the model changed. The score is shown to the subject itself and to departments. Keyset paging: follow \
                    `nextCursor`.""")
    @APIResponse(responseCode = "200", description = "One page of past results",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HistoryPage.class),
                    examples = @ExampleObject(name = "history", value = EvaluationExamples.HISTORY)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "SubjectNotFound")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Uni<Page<EvaluationHistoryItem>> history(
            @Parameter(description = "统一社会信用代码", example = "914403001922038216",
                    schema = @Schema(type = SchemaType.STRING, minLength = 18, maxLength = 64)) @PathParam("uscc") Uscc uscc,
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100",
                    defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = "`nextCursor` of the previous page") @QueryParam("cursor") String cursor) {
        return evaluations.history(uscc, ApiClient.of(caller), limit, cursor);
    }

    /** Names the page type in the OpenAPI document, where a generic {@link Page} has no name of its own. */
    @Schema(name = "EvaluationHistoryPage")
    record HistoryPage(@Schema(required = true) List<EvaluationHistoryItem> items,
            @Schema(required = true, nullable = true, description = "Opaque; pass as `cursor` for the next page, null on the last page")
            String nextCursor) {
    }
}
