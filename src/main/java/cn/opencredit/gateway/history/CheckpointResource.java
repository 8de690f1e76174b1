package cn.opencredit.gateway.history;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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

import cn.opencredit.gateway.shared.paging.Page;
import cn.opencredit.gateway.shared.security.Scopes;
import cn.opencredit.gateway.shared.web.Ids;

/** The history's signed checkpoints and keys, public so that anyone can keep copies and check them later. */
@Path(CheckpointResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "history")
@RolesAllowed({Scopes.PUBLIC_READ, Scopes.ANONYMOUS})
@SecurityRequirementsSet
@SecurityRequirement(name = "apiKey", scopes = Scopes.PUBLIC_READ)
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "406", ref = "NotAcceptable")
@APIResponse(responseCode = "429", ref = "RateLimited")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class CheckpointResource {

    static final String PATH = "/api/v1/history/checkpoints";

    private final CheckpointService checkpoints;

    CheckpointResource(CheckpointService checkpoints) {
        this.checkpoints = checkpoints;
    }

    @GET
    @Operation(operationId = "listHistoryCheckpoints", summary = "Signed checkpoints of the history, newest first",
            description = """
                    Every minute in which the history changed, its head (the last entry's sequence and hash) is signed with the \
                    platform's Ed25519 key, which is held outside the database. Keep copies: a chain rewritten from some entry on no \
                    longer passes through the checkpoints signed after it, and `POST /api/v1/history/checkpoints/verification` \
                    tells whether today's chain still extends one you kept. Also without a key.""")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(schema = @Schema(implementation = CheckpointPage.class),
            examples = @ExampleObject(name = "page", value = HistoryExamples.CHECKPOINT_PAGE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Uni<Page<CheckpointView>> list(
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100",
                    defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = "`nextCursor` of the previous page", schema = @Schema(type = SchemaType.STRING, maxLength = 200))
            @QueryParam("cursor") String cursor) {
        return checkpoints.checkpoints(limit, cursor);
    }

    @GET
    @Path("/latest")
    @Operation(operationId = "getLatestHistoryCheckpoint", summary = "The newest signed checkpoint")
    @APIResponse(responseCode = "200", description = "The checkpoint", content = @Content(schema = @Schema(implementation = CheckpointView.class),
            examples = @ExampleObject(name = "checkpoint", value = HistoryExamples.CHECKPOINT)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<CheckpointView> latest() {
        return checkpoints.latest();
    }

    @GET
    @Path("/{sequence}")
    @Operation(operationId = "getHistoryCheckpoint", summary = "The checkpoint signed at one entry")
    @APIResponse(responseCode = "200", description = "The checkpoint", content = @Content(schema = @Schema(implementation = CheckpointView.class),
            examples = @ExampleObject(name = "checkpoint", value = HistoryExamples.CHECKPOINT)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<CheckpointView> checkpoint(@Parameter(description = "The entry's sequence number",
            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1")) @PathParam("sequence") String sequence) {
        return checkpoints.checkpoint(Ids.positive(sequence, "sequence"));
    }

    @GET
    @Path("/keys")
    @Operation(operationId = "getHistoryKeys", summary = "The public keys that sign checkpoints",
            description = "The current key and any retired ones, as PEM SubjectPublicKeyInfo, each with its key id.")
    @APIResponse(responseCode = "200", description = "The keys", content = @Content(schema = @Schema(implementation = HistoryKeysView.class),
            examples = @ExampleObject(name = "keys", value = HistoryExamples.KEYS)))
    public HistoryKeysView keys() {
        return checkpoints.publishedKeys();
    }

    @POST
    @Path("/verification")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "verifyHistoryCheckpoint", summary = "Does today's chain still extend a checkpoint you kept?",
            description = """
                    Checks the signature against the published keys, then that the entry at the checkpoint's sequence still has \
                    its hash and that every link from there to today's head holds (the links after the checkpoint are recomputed \
                    here, 1 000 per query). `extended: false` says where the chain no longer matches. Whether anything before \
                    the checkpoint was edited is what the full integrity check tells.""")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "kept", value = HistoryExamples.VERIFICATION_REQUEST)))
    @APIResponse(responseCode = "200", description = "The verdict", content = @Content(schema = @Schema(implementation = CheckpointVerificationView.class),
            examples = {@ExampleObject(name = "extended", value = HistoryExamples.VERIFICATION_EXTENDED),
                    @ExampleObject(name = "rewritten", value = HistoryExamples.VERIFICATION_REWRITTEN)}))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Uni<CheckpointVerificationView> verify(@NotNull @Valid CheckpointVerificationRequest body) {
        return checkpoints.verify(body);
    }

    /** Names the page type in the OpenAPI document, where a generic {@link Page} has no name of its own. */
    @Schema(name = "HistoryCheckpointPage")
    record CheckpointPage(@Schema(required = true) List<CheckpointView> items,
            @Schema(required = true, nullable = true, description = "Opaque; pass as `cursor` for the next page, null on the last page")
            String nextCursor) {
    }
}
