package cn.opencredit.gateway.shared.paging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.opencredit.gateway.shared.audit.Counted;

/**
 * A page already written as its JSON body, for pages kept in memory and served many times: each
 * answer sends the same bytes instead of serialising the page again ({@link SerializedPageWriter}).
 * It keeps the page's item count, which the operations log records for a bulk read.
 *
 * @param body      the page as the API answers it, UTF-8
 * @param itemCount the items on the page
 */
public record SerializedPage(byte[] body, int itemCount) implements Counted {

    /** The page as the REST layer would write it: the same mapper, so the same bytes. */
    public static SerializedPage of(Page<?> page, ObjectMapper json) {
        try {
            return new SerializedPage(json.writeValueAsBytes(page), page.itemCount());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a page of records always serialises", e);
        }
    }
}
