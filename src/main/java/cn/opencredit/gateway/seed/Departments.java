package cn.opencredit.gateway.seed;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The authorities generated records and list entries name: one department of each kind in every
 * region, so that a record's source is always an authority of the subject's own region. Their codes
 * are counted down from the top of the serial space, where no subject's code comes from.
 */
final class Departments {

    private final Map<String, Map<DepartmentKind, Department>> byRegion;

    Departments(SyntheticUscc usccs) {
        Map<String, Map<DepartmentKind, Department>> departments = new LinkedHashMap<>();
        long serial = SyntheticUscc.SERIALS_PER_ATTEMPT - 1;
        for (Region region : Region.ALL) {
            Map<DepartmentKind, Department> byKind = new EnumMap<>(DepartmentKind.class);
            for (DepartmentKind kind : DepartmentKind.values()) {
                byKind.put(kind, new Department(kind, region, kind.officialName(region),
                        usccs.issue("11", region.code(), serial--),
                        region.documentAbbreviation() + kind.documentAbbreviation()));
            }
            departments.put(region.code(), Collections.unmodifiableMap(byKind));
        }
        this.byRegion = Collections.unmodifiableMap(departments);
    }

    /** The departments of one region, by kind. */
    Map<DepartmentKind, Department> inRegion(Region region) {
        return byRegion.get(region.code());
    }

    /** Every department of every region. */
    List<Department> all() {
        List<Department> all = new ArrayList<>();
        byRegion.values().forEach(byKind -> all.addAll(byKind.values()));
        return all;
    }
}
