package cn.opencredit.gateway.history;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.security.Scopes;
import cn.opencredit.gateway.shared.web.Ids;

@Path("/api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "history", description = "防篡改: the hash-chained history of every change to credit records and list entries, its signed checkpoints and its integrity checks")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "406", ref = "NotAcceptable")
@APIResponse(responseCode = "429", ref = "RateLimited")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class IntegrityResource {

    private final HistoryService history;
    private final CheckpointService checkpoints;
    private final SecurityIdentity caller;

    IntegrityResource(HistoryService history, CheckpointService checkpoints, SecurityIdentity caller) {
        this.history = history;
        this.checkpoints = checkpoints;
        this.caller = caller;
    }

    @GET
    @Path("/integrity")
    @RolesAllowed({Scopes.ADMIN, Scopes.AUDIT_READ})
    @SecurityRequirement(name = "apiKey", scopes = Scopes.ADMIN)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.AUDIT_READ)
    @Operation(operationId = "verifyHistoryIntegrity", summary = "Check the tamper-evident history, in this request",
            description = """
                    Runs a whole integrity check and answers when it is done. (1) Recomputes the hash chain from its first entry to \
                    its head: each entry's hash must be SHA-256 of the previous entry's hash and the entry's canonical text \
                    (sequence, table, row id, operation, time, content); the first broken link is reported as `brokenLink` \
                    (`hash-mismatch`, `missing-entry`, `head-mismatch`). (2) Verifies every stored checkpoint: signed by a published \
                    key, and the recomputed chain passes through its hash. (3) Compares every current row of credit_record and \
                    list_entry with its latest history entry: rows edited, inserted or deleted without their entry are `findings`, \
                    naming the table, the row and the fields that differ. The whole history is read, 1 000 entries and 10 000 rows \
                    per query; at scale start a check in the background instead (`POST /api/v1/admin/integrity/checks`).""")
    @APIResponse(responseCode = "200", description = "The result; `intact` is false when a link is broken or anything was found",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IntegrityView.class),
                    examples = {@ExampleObject(name = "intact", value = HistoryExamples.INTACT),
                            @ExampleObject(name = "edited-entry", value = HistoryExamples.EDITED),
                            @ExampleObject(name = "edited-row", value = HistoryExamples.ROW_EDITED)}))
    public Uni<IntegrityView> verify() {
        return history.verify();
    }

    @POST
    @Path("/integrity/checks")
    @RolesAllowed({Scopes.ADMIN, Scopes.AUDIT_READ})
    @SecurityRequirement(name = "apiKey", scopes = Scopes.ADMIN)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.AUDIT_READ)
    @Operation(operationId = "startIntegrityCheck", summary = "Start an integrity check in the background",
            description = """
                    Starts the check that `GET /api/v1/admin/integrity` runs, on this replica in the background, and answers at \
                    once with where to follow it. Its progress (entries recomputed, checkpoints confirmed, rows compared, rate, \
                    time left) is written every second and can be read from any replica. One check runs at a time.""")
    @APIResponse(responseCode = "202", description = "Started; `Location` is where to follow it",
            headers = @Header(name = "Location", description = "The check", schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(schema = @Schema(implementation = IntegrityCheckView.class),
                    examples = @ExampleObject(name = "started", value = HistoryExamples.CHECK_STARTED)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<RestResponse<IntegrityCheckView>> start(UriInfo uri) {
        return history.start(ApiClient.of(caller).consumerId()).map(check -> RestResponse.ResponseBuilder.<IntegrityCheckView>accepted()
                .location(URI.create(uri.getPath() + "/" + check.id())).entity(check).build());
    }

    @GET
    @Path("/integrity/checks/{id}")
    @RolesAllowed({Scopes.ADMIN, Scopes.AUDIT_READ})
    @SecurityRequirement(name = "apiKey", scopes = Scopes.ADMIN)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.AUDIT_READ)
    @Operation(operationId = "getIntegrityCheck", summary = "Follow an integrity check",
            description = "Its state (`running`, `finished`, `failed`, or `abandoned` when its replica stopped reporting), progress and, once finished, the result.")
    @APIResponse(responseCode = "200", description = "The check", content = @Content(schema = @Schema(implementation = IntegrityCheckView.class),
            examples = {@ExampleObject(name = "running", value = HistoryExamples.CHECK_RUNNING),
                    @ExampleObject(name = "finished", value = HistoryExamples.CHECK_FINISHED)}))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<IntegrityCheckView> check(@Parameter(description = "The check's id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("id") String id) {
        return history.find(Ids.uuid(id, "id"));
    }

    @POST
    @Path("/history/checkpoints")
    @RolesAllowed(Scopes.ADMIN)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.ADMIN)
    @Operation(operationId = "signHistoryCheckpoint", summary = "Sign the chain head now",
            description = "Signs the current head, as the schedule does every minute when the head has moved. Answers 201 with the new "
                    + "checkpoint, or 200 with the existing one when the head is signed already.")
    @APIResponse(responseCode = "201", description = "Signed now", content = @Content(schema = @Schema(implementation = CheckpointView.class),
            examples = @ExampleObject(name = "checkpoint", value = HistoryExamples.CHECKPOINT)),
            headers = @Header(name = "Location", description = "The checkpoint", schema = @Schema(type = SchemaType.STRING, format = "uri-reference")))
    @APIResponse(responseCode = "200", description = "The head was signed already", content = @Content(schema = @Schema(implementation = CheckpointView.class),
            examples = @ExampleObject(name = "checkpoint", value = HistoryExamples.CHECKPOINT)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<RestResponse<CheckpointView>> sign() {
        return checkpoints.signNow().map(signed -> signed.created()
                ? RestResponse.ResponseBuilder.<CheckpointView>created(URI.create(CheckpointResource.PATH + "/" + signed.checkpoint().sequence()))
                        .entity(signed.checkpoint()).build()
                : RestResponse.ok(signed.checkpoint()));
    }
}
