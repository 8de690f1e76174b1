package cn.opencredit.gateway.incentive;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The 信易+ catalogue: every scenario, in code order (a few dozen at most, so not paged). */
@Schema(name = "IncentiveCatalogue")
public record CatalogueView(List<ScenarioView> items) {
}
