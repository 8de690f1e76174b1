package cn.opencredit.gateway.seed;

/**
 * The local authorities that send credit records or keep lists. Every generated region has one of
 * each, so a record's source is always an authority of the subject's own region.
 */
enum DepartmentKind {
    MARKET_REGULATION("市场监督管理局", "市监"),
    TAXATION("税务局", "税"),
    ECOLOGY("生态环境局", "环"),
    EMERGENCY_MANAGEMENT("应急管理局", "应急"),
    HOUSING("住房和城乡建设局", "建"),
    TRANSPORT("交通运输局", "交"),
    HEALTH("卫生健康委员会", "卫健"),
    HUMAN_RESOURCES("人力资源和社会保障局", "人社"),
    DEVELOPMENT_AND_REFORM("发展和改革委员会", "发改"),
    CIVIL_AFFAIRS("民政局", "民"),
    AGRICULTURE("农业农村局", "农"),
    EDUCATION("教育局", "教"),
    COURT("人民法院", "法");

    private final String suffix;
    private final String documentAbbreviation;

    DepartmentKind(String suffix, String documentAbbreviation) {
        this.suffix = suffix;
        this.documentAbbreviation = documentAbbreviation;
    }

    String documentAbbreviation() {
        return documentAbbreviation;
    }

    /** The name the authority publishes under; tax offices, county ecology branches and city courts have their own forms. */
    String officialName(Region region) {
        return switch (this) {
            case TAXATION -> "国家税务总局" + region.governmentName() + suffix;
            case ECOLOGY -> region.ecologyBranch() == null
                    ? region.governmentName() + suffix
                    : region.prefecture() + suffix + region.ecologyBranch() + "分局";
            case COURT -> region.governmentName() + (region.isPrefecture() ? "中级" : "") + suffix;
            default -> region.governmentName() + suffix;
        };
    }
}
