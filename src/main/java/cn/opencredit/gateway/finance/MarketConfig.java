package cn.opencredit.gateway.finance;

import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import cn.opencredit.gateway.evaluation.Grade;

/** The 信易贷 market: the featured feed, financing demands and loan outcomes. */
@ConfigMapping(prefix = "opencredit.finance.market")
public interface MarketConfig {

    /**
     * The grades an opted-in enterprise needs to be in the featured feed: 优 (A), and 良 (B) where
     * the local platform pushes those too. Only A and B are accepted.
     */
    @WithDefault("A")
    Set<Grade> featuredGrades();
}
