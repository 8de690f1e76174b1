package cn.opencredit.gateway.changefeed;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.opencredit.gateway.shared.audit.Counted;

/**
 * One page of the change feed.
 *
 * @param nextCursor never null: the position to pass as {@code after} next, also when the page is empty
 */
@Schema(name = "ChangePage")
public record ChangePage(@Schema(required = true) List<ChangeView> items,
        @Schema(required = true, description = "Opaque; pass as `after` for the next page. Never null: on an empty page it is the "
                + "cursor that was given, so a consumer polls with it until new changes arrive") String nextCursor) implements Counted {

    @Override
    public int itemCount() {
        return items.size();
    }
}
