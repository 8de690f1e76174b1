package cn.opencredit.gateway.seed;

import java.util.List;

/**
 * A county or city whose subjects the generator invents. The codes are real 行政区划 codes; the
 * five places the platform's seeds come from carry most of the weight so that demos show them.
 *
 * @param code                 6-digit administrative division code
 * @param addressPrefix        province, city and county as written at the start of an address
 * @param namePrefix           what enterprise names start with (北京, 滑县, 义乌市 …)
 * @param governmentName       what the names of local authorities start with (北京市朝阳区, 滑县 …)
 * @param documentAbbreviation the short form used in document numbers (滑 in 滑市监罚〔2026〕1号)
 * @param provinceAbbreviation the province's one-character name used in court case numbers
 * @param ecologyBranch        for a county under a prefecture, the name its 生态环境局 branch carries; null otherwise
 * @param prefecture           the prefecture city, when {@code ecologyBranch} is set
 * @param towns                towns and sub-districts addresses and local names are drawn from
 * @param weight               relative share of the generated subjects
 */
record Region(String code, String addressPrefix, String namePrefix, String governmentName,
              String documentAbbreviation, String provinceAbbreviation, String ecologyBranch,
              String prefecture, List<String> towns, int weight) {

    static final List<Region> ALL = List.of(
            new Region("410526", "河南省安阳市滑县", "滑县", "滑县", "滑", "豫", "滑县", "安阳市",
                    List.of("道口镇", "城关街道", "锦和街道", "白道口镇", "留固镇", "八里营镇", "牛屯镇"), 13),
            new Region("410882", "河南省焦作市沁阳市", "沁阳市", "沁阳市", "沁", "豫", "沁阳", "焦作市",
                    List.of("覃怀街道", "怀庆街道", "太行街道", "沁园街道", "崇义镇", "西向镇", "紫陵镇"), 12),
            new Region("441800", "广东省清远市", "清远市", "清远市", "清", "粤", null, null,
                    List.of("清城区凤城街道", "清城区东城街道", "清城区洲心街道", "清城区横荷街道", "清新区太和镇", "清城区石角镇"), 13),
            new Region("410425", "河南省平顶山市郏县", "郏县", "郏县", "郏", "豫", "郏县", "平顶山市",
                    List.of("龙山街道", "东城街道", "冢头镇", "安良镇", "堂街镇", "薛店镇", "长桥镇"), 11),
            new Region("370322", "山东省淄博市高青县", "高青县", "高青县", "高青", "鲁", "高青", "淄博市",
                    List.of("田镇街道", "芦湖街道", "青城镇", "高城镇", "黑里寨镇", "唐坊镇", "常家镇"), 11),
            new Region("110105", "北京市朝阳区", "北京", "北京市朝阳区", "京朝", "京", null, null,
                    List.of("建外街道", "望京街道", "酒仙桥街道", "三里屯街道"), 3),
            new Region("310115", "上海市浦东新区", "上海", "上海市浦东新区", "沪浦", "沪", null, null,
                    List.of("陆家嘴街道", "张江镇", "川沙新镇", "花木街道"), 3),
            new Region("440305", "广东省深圳市南山区", "深圳市", "深圳市南山区", "深南", "粤", null, null,
                    List.of("粤海街道", "南头街道", "蛇口街道", "西丽街道"), 3),
            new Region("330106", "浙江省杭州市西湖区", "杭州", "杭州市西湖区", "杭西", "浙", null, null,
                    List.of("文新街道", "西溪街道", "转塘街道", "蒋村街道"), 3),
            new Region("320583", "江苏省苏州市昆山市", "昆山", "昆山市", "昆", "苏", "昆山", "苏州市",
                    List.of("玉山镇", "花桥镇", "周市镇", "张浦镇"), 3),
            new Region("510107", "四川省成都市武侯区", "成都", "成都市武侯区", "成武", "川", null, null,
                    List.of("玉林街道", "簇锦街道", "火车南站街道", "红牌楼街道"), 3),
            new Region("420111", "湖北省武汉市洪山区", "武汉", "武汉市洪山区", "武洪", "鄂", null, null,
                    List.of("珞南街道", "关山街道", "张家湾街道", "和平街道"), 3),
            new Region("430104", "湖南省长沙市岳麓区", "长沙", "长沙市岳麓区", "长岳", "湘", null, null,
                    List.of("橘子洲街道", "望月湖街道", "观沙岭街道", "梅溪湖街道"), 3),
            new Region("350203", "福建省厦门市思明区", "厦门", "厦门市思明区", "厦思", "闽", null, null,
                    List.of("鹭江街道", "中华街道", "嘉莲街道", "莲前街道"), 2),
            new Region("370212", "山东省青岛市崂山区", "青岛", "青岛市崂山区", "青崂", "鲁", null, null,
                    List.of("中韩街道", "沙子口街道", "金家岭街道", "王哥庄街道"), 2),
            new Region("610113", "陕西省西安市雁塔区", "西安", "西安市雁塔区", "西雁", "陕", null, null,
                    List.of("小寨路街道", "电子城街道", "大雁塔街道", "长延堡街道"), 2),
            new Region("500112", "重庆市渝北区", "重庆", "重庆市渝北区", "渝北", "渝", null, null,
                    List.of("双龙湖街道", "回兴街道", "龙溪街道", "仙桃街道"), 3),
            new Region("330782", "浙江省金华市义乌市", "义乌市", "义乌市", "义", "浙", "义乌", "金华市",
                    List.of("稠城街道", "福田街道", "佛堂镇", "北苑街道"), 3),
            new Region("410102", "河南省郑州市中原区", "郑州", "郑州市中原区", "郑中", "豫", null, null,
                    List.of("林山寨街道", "建设路街道", "桐柏路街道", "秦岭路街道"), 2),
            new Region("450103", "广西壮族自治区南宁市青秀区", "南宁", "南宁市青秀区", "邕青", "桂", null, null,
                    List.of("新竹街道", "中山街道", "津头街道", "南湖街道"), 1),
            new Region("520102", "贵州省贵阳市南明区", "贵阳", "贵阳市南明区", "筑南", "黔", null, null,
                    List.of("花果园街道", "油榨街道", "中曹司街道", "遵义路街道"), 1));

    /** The 6-digit code ends in 00 for a prefecture-level city, whose court is an intermediate one. */
    boolean isPrefecture() {
        return code.endsWith("00");
    }

    /** The court part of a case number: 豫0526 for a county court, 粤18 for a prefecture's. */
    String courtCode() {
        return provinceAbbreviation + (isPrefecture() ? code.substring(2, 4) : code.substring(2));
    }

    /** A town's name without its district and without 镇/乡/街道, as local offices use it (道口, 凤城). */
    static String shortTown(String town) {
        String name = town.substring(town.indexOf('区') + 1);
        if (name.endsWith("街道")) {
            return name.substring(0, name.length() - 2);
        }
        if (name.endsWith("新镇")) {
            return name.substring(0, name.length() - 2);
        }
        return name.substring(0, name.length() - 1);
    }
}
