package cn.opencredit.gateway.history;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.security.Scopes;

@Path("/api/v1/admin/integrity")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "history", description = "防篡改: the hash-chained history of every change to credit records and list entries")
@RolesAllowed({Scopes.ADMIN, Scopes.AUDIT_READ})
@SecurityRequirement(name = "apiKey", scopes = {Scopes.ADMIN, Scopes.AUDIT_READ})
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "RateLimited")
public class IntegrityResource {

    private final HistoryService history;

    IntegrityResource(HistoryService history) {
        this.history = history;
    }

    @GET
    @Operation(operationId = "verifyHistoryIntegrity", summary = "Verify the tamper-evident history",
            description = """
                    Recomputes the hash chain of the history from its first entry to its head: each entry's hash must be \
                    SHA-256 of the previous entry's hash and the entry's canonical text (sequence, table, row id, operation, \
                    time, content). Answers how many entries verified and, if the chain is broken, the first broken link: an \
                    edited entry (`hash-mismatch`, with the recomputed and the stored hash and the row it records), a deleted one \
                    (`missing-entry`) or a head that does not match (`head-mismatch`). Keep the reported `head` elsewhere: a later \
                    walk that does not pass through it means the chain was rewritten. Operators (admin) and supervisors \
                    (audit:read) may run it; it reads the whole history, 1 000 entries per query, so it takes longer as the history grows.""")
    @APIResponse(responseCode = "200", description = "The result of the walk; `intact` is false when a link is broken",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IntegrityView.class),
                    examples = {@ExampleObject(name = "intact", value = HistoryExamples.INTACT),
                            @ExampleObject(name = "edited", value = HistoryExamples.EDITED),
                            @ExampleObject(name = "deleted", value = HistoryExamples.DELETED)}))
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Uni<IntegrityView> verify() {
        return history.verify();
    }
}
