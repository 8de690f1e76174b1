package cn.opencredit.gateway.commitment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.audit.Audited;
import cn.opencredit.gateway.shared.paging.Page;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.security.Scopes;
import cn.opencredit.gateway.shared.uscc.Uscc;

@Path("/api/v1/subjects/{uscc}/commitments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "commitment")
@RolesAllowed({Scopes.SELF_READ, Scopes.ADMIN})
@SecurityRequirement(name = "apiKey", scopes = Scopes.SELF_READ)
@SecurityRequirement(name = "apiKey", scopes = Scopes.ADMIN)
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "406", ref = "NotAcceptable")
@APIResponse(responseCode = "429", ref = "RateLimited")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class SubjectCommitmentResource {

    private final CommitmentService commitments;
    private final SecurityIdentity caller;

    SubjectCommitmentResource(CommitmentService commitments, SecurityIdentity caller) {
        this.commitments = commitments;
        this.caller = caller;
    }

    @GET
    @Audited("subject.commitments")
    @Operation(operationId = "listSubjectCommitments", summary = "A subject's credit commitments and their state",
            description = """
                    Every commitment departments reported about the subject, newest first, with its state (open, fulfilled, \
                    breached, cancelled) and whether it is overdue; filter by `state`, `type` or `overdue`. For the subject itself \
                    (a consumer bound to its USCC; another USCC is 403) and operators. Keyset paging: follow `nextCursor`.""")
    @APIResponse(responseCode = "200", description = "One page of commitments", content = @Content(schema = @Schema(implementation =
            CommitmentResource.CommitmentPage.class), examples = @ExampleObject(name = "page", value = CommitmentExamples.PAGE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "SubjectNotFound")
    public Uni<Page<CommitmentView>> list(
            @Parameter(description = "统一社会信用代码", example = "91659001MA00000152",
                    schema = @Schema(type = SchemaType.STRING, minLength = 18, maxLength = 64)) @PathParam("uscc") Uscc uscc,
            @Parameter(description = "Only in this state", schema = @Schema(implementation = CommitmentState.class)) @QueryParam("state")
            String state,
            @Parameter(description = "Only of this type", schema = @Schema(implementation = CommitmentType.class)) @QueryParam("type")
            String type,
            @Parameter(description = "true: only open ones past their deadline", schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("overdue") String overdue,
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100",
                    defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = "`nextCursor` of the previous page") @QueryParam("cursor") String cursor) {
        return commitments.listForSubject(uscc, ApiClient.of(caller), state, type, overdue, limit, cursor);
    }
}
