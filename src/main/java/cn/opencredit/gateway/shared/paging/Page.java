package cn.opencredit.gateway.shared.paging;

import java.util.List;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.opencredit.gateway.shared.audit.Counted;

/**
 * One page of a keyset listing.
 *
 * @param items      the items of this page, in the listing's order
 * @param nextCursor pass as {@code cursor} to get the next page; null on the last page
 */
public record Page<T>(List<T> items, @Schema(nullable = true, description = "Opaque; pass as `cursor` for the next page, null on the last page") String nextCursor)
        implements Counted {

    @Override
    public int itemCount() {
        return items.size();
    }

    /**
     * Cuts a fetch of {@link PageRequest#fetchSize()} rows to the page, with a cursor when more
     * rows remain.
     */
    public static <T> Page<T> of(List<T> fetched, PageRequest request, String query, Function<T, List<String>> sortKey) {
        if (fetched.size() <= request.limit()) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, request.limit());
        return new Page<>(List.copyOf(items), PageRequest.cursorAfter(query, sortKey.apply(items.getLast())));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
