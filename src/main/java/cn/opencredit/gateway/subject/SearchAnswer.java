package cn.opencredit.gateway.subject;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.opencredit.gateway.shared.paging.Page;
import cn.opencredit.gateway.shared.paging.SerializedPage;

/**
 * One page of search hits in both the forms it is served in: as summaries for the portal's
 * templates and already written as JSON for the API, so that a page kept in memory is serialised
 * once, when it is read.
 */
record SearchAnswer(Page<SubjectSummaryView> page, SerializedPage json) {

    static SearchAnswer of(Page<SubjectSummaryView> page, ObjectMapper json) {
        return new SearchAnswer(page, SerializedPage.of(page, json));
    }
}
