package cn.opencredit.gateway.creditcheck;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.problem.ProblemDetail;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.security.Scopes;
import cn.opencredit.gateway.shared.web.RequestIdFilter;

@Path("/api/v1/credit-checks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "creditcheck", description = "联合奖惩 credit checks inside departments' workflows (应查必查), and the measures catalogue")
@RolesAllowed(Scopes.INGEST_WRITE)
@SecurityRequirement(name = "apiKey", scopes = Scopes.INGEST_WRITE)
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "RateLimited")
public class CreditCheckResource {

    private final CreditCheckService checks;
    private final SecurityIdentity caller;

    CreditCheckResource(CreditCheckService checks, SecurityIdentity caller) {
        this.checks = checks;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "runCreditCheck", summary = "Check up to 1 000 subjects in a case (联合奖惩核查, 应查必查)",
            description = """
                    A department (or an operator for one, naming `departmentUscc`; without it the check is the operator's own) checks \
                    the subjects of one case in a scenario. Per subject, in the order sent: the grade, the measures of the catalogue \
                    that apply in the scenario today with their legal basis and the list entries, grade and failing records that \
                    trigger each, and a receipt id to quote when reporting what was applied. Only current list memberships and \
                    published failings trigger: repaired, revoked and expired records and removed or expired entries never do. A \
                    subject any punishment applies to gets no incentive. An invalid USCC is answered for itself (`invalid-uscc`, \
                    what is wrong in `errors`), an unregistered one as `not-found`; neither fails the check. The check is stored as \
                    answered (`GET /api/v1/credit-checks/{id}` re-reads it) and every checked subject's access log records it \
                    (operation `creditcheck.check`, the scenario, purpose and case as purpose) before the answer leaves.""")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CreditCheckRequest.class),
            examples = @ExampleObject(name = "procurement", value = CreditCheckExamples.REQUEST)))
    @APIResponse(responseCode = "201", description = "Checked and stored; `Location` is the check",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(schema = @Schema(implementation = CreditCheckView.class), examples = @ExampleObject(name = "checked",
                    value = CreditCheckExamples.CHECK)))
    @APIResponse(responseCode = "400", description = """
            The scenario is unknown (the known ones in `detail` and `errors[].expected`), the body is malformed, no subject is \
            sent, or a department names another department""",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "unknown-scenario", value = CreditCheckExamples.UNKNOWN_SCENARIO)))
    @APIResponse(responseCode = "413", description = "More than 1 000 subjects (opencredit.creditcheck.max-subjects): split the batch",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "too-many-subjects", value = CreditCheckExamples.TOO_MANY)))
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Uni<RestResponse<CreditCheckView>> check(@NotNull @Valid CreditCheckRequest request, @HeaderParam(RequestIdFilter.HEADER) String requestId,
            UriInfo uri) {
        return checks.check(request, ApiClient.of(caller), requestId)
                .map(view -> RestResponse.ResponseBuilder.<CreditCheckView>created(URI.create(uri.getPath() + "/" + view.id())).entity(view).build());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getCreditCheck", summary = "A credit check as it was answered",
            description = "The stored answer, unchanged by what happened to the subjects since; for the department that made it and operators.")
    @APIResponse(responseCode = "200", description = "The check as answered",
            content = @Content(schema = @Schema(implementation = CreditCheckView.class), examples = @ExampleObject(name = "check",
                    value = CreditCheckExamples.CHECK)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Uni<String> find(@Parameter(description = "The check's id", example = "4711",
            schema = @Schema(type = SchemaType.STRING, maxLength = 20)) @PathParam("id") String id) {
        return checks.find(id, ApiClient.of(caller));
    }

    @POST
    @Path("/{id}/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "reportAppliedMeasures", summary = "Report the measures applied after a check (联合奖惩案例)",
            description = """
                    The department reports, per subject's receipt, which of the measures that applied it carried out: its case, the \
                    measure, the day and the result. Every item must name a receipt of this check and a measure the check found for \
                    that subject, or nothing is stored (400, each fault in `errors`). An item reported again (same receipt, measure \
                    and case) is kept once. Answers every item reported for the check so far.""")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = FeedbackRequest.class),
            examples = @ExampleObject(name = "applied", value = CreditCheckExamples.FEEDBACK_REQUEST)))
    @APIResponse(responseCode = "200", description = "Stored; every item reported for the check",
            content = @Content(schema = @Schema(implementation = FeedbackView.class), examples = @ExampleObject(name = "feedback",
                    value = CreditCheckExamples.FEEDBACK)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Uni<FeedbackView> feedback(@Parameter(description = "The check's id", example = "4711",
            schema = @Schema(type = SchemaType.STRING, maxLength = 20)) @PathParam("id") String id, @NotNull @Valid FeedbackRequest request) {
        return checks.feedback(id, request, ApiClient.of(caller));
    }

    @POST
    @Path("/approval-counts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "reportApprovalCount", summary = "Report how many cases of a scenario a department handled in a month",
            description = """
                    The denominator of the 应查必查 rate: approvals, procurements, awards … of the scenario in the month. A later report \
                    of the same department, scenario and month replaces the earlier one. A department reports for itself; an operator \
                    names `departmentUscc`.""")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ApprovalCountRequest.class),
            examples = @ExampleObject(name = "count", value = CreditCheckExamples.APPROVALS_REQUEST)))
    @APIResponse(responseCode = "200", description = "Stored",
            content = @Content(schema = @Schema(implementation = ApprovalCountView.class), examples = @ExampleObject(name = "count",
                    value = CreditCheckExamples.APPROVALS)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Uni<ApprovalCountView> approvals(@NotNull @Valid ApprovalCountRequest request) {
        return checks.approvals(request, ApiClient.of(caller));
    }
}
