package cn.opencredit.gateway.seed;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The word pools names and addresses are put together from. Each industry word carries the GB/T
 * 4754 section a business of that name would be registered under, so name and industry agree.
 */
final class Vocabulary {

    /** A word of a name together with the industry section it implies. */
    record Word(String text, char section) {
    }

    // Ordered roughly by frequency: picks are skewed towards the front (see pickCommon).
    static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
            + "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    static final String GIVEN_SINGLE = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林欢阳建亮成佳红梅玲燕萍雪琳晶莉丹倩婷颖慧琴云洁峰";
    static final String GIVEN_FIRST = "建志国海文晓小永春玉秀金德俊子梓雨欣思佳嘉明家宏振红丽新学伟立少桂淑凤";
    static final String GIVEN_SECOND = "国华军平明强伟芳英兰辉峰涛磊杰勇敏娟霞琳轩涵萱怡航宇博然瑶婷颖东生民林";

    static final String TRADE_FIRST = "鑫华宏恒金瑞盛中天博众永利富丰嘉汇顺新德锦鼎泰安佳润鸿祥兴昌宇海信诚万福创启明正益康泽凯乐豪聚远荣志卓优百东龙亿晟铭";
    static final String TRADE_SECOND = "源达通泰丰盛隆昌发和康兴辉诚信祥瑞利鑫宇阳航晨科嘉联创程远恒华安誉德邦润美佳成汇峰森宝悦鹏翔腾力旺升";
    static final String TRADE_THIRD = "源达通祥顺德鑫宏威盛";

    static final String VILLAGE_SUFFIXES = "庄屯村营寨店集楼岗湾堂河";

    static final List<String> ROADS = List.of("人民路", "建设路", "解放路", "文化路", "中山路", "新华路", "和平路", "工业路",
            "长江路", "黄河路", "迎宾大道", "光明路", "振兴路", "兴业路", "商贸街", "府前街", "育才路", "开发区大道");

    static final Weighted<Word> ENTERPRISE_INDUSTRIES = Weighted.<Word>builder()
            .add(new Word("科技", 'I'), 8).add(new Word("信息技术", 'I'), 3).add(new Word("网络科技", 'I'), 3)
            .add(new Word("商贸", 'F'), 10).add(new Word("贸易", 'F'), 4).add(new Word("医药", 'F'), 1)
            .add(new Word("建筑工程", 'E'), 6).add(new Word("建设工程", 'E'), 3).add(new Word("装饰工程", 'E'), 3)
            .add(new Word("农业发展", 'A'), 4).add(new Word("农业科技", 'A'), 2).add(new Word("养殖", 'A'), 2)
            .add(new Word("食品", 'C'), 4).add(new Word("机械制造", 'C'), 3).add(new Word("电子", 'C'), 2)
            .add(new Word("纺织", 'C'), 2).add(new Word("新材料", 'C'), 2).add(new Word("化工", 'C'), 1).add(new Word("包装材料", 'C'), 1)
            .add(new Word("物流", 'G'), 5).add(new Word("运输", 'G'), 2)
            .add(new Word("餐饮管理", 'H'), 4).add(new Word("酒店管理", 'H'), 1)
            .add(new Word("房地产开发", 'K'), 2).add(new Word("物业服务", 'K'), 2)
            .add(new Word("企业管理咨询", 'L'), 3).add(new Word("人力资源服务", 'L'), 2).add(new Word("广告", 'L'), 2).add(new Word("供应链管理", 'L'), 1)
            .add(new Word("检测技术", 'M'), 1).add(new Word("工程设计", 'M'), 1)
            .add(new Word("环保科技", 'N'), 1).add(new Word("园林绿化", 'N'), 1)
            .add(new Word("新能源", 'D'), 1).add(new Word("矿业", 'B'), 1)
            .add(new Word("家政服务", 'O'), 1).add(new Word("汽车服务", 'O'), 1)
            .add(new Word("文化传媒", 'R'), 2).add(new Word("体育文化", 'R'), 1)
            .add(new Word("教育科技", 'P'), 1).add(new Word("健康管理", 'Q'), 1).add(new Word("融资担保", 'J'), 1)
            .build();

    static final Weighted<String> ENTERPRISE_FORMS = Weighted.<String>builder()
            .add("有限公司", 70).add("有限责任公司", 22).add("股份有限公司", 8).build();

    static final Weighted<Word> SHOPS = Weighted.<Word>builder()
            .add(new Word("超市", 'F'), 6).add(new Word("副食店", 'F'), 4).add(new Word("便利店", 'F'), 4)
            .add(new Word("烟酒店", 'F'), 2).add(new Word("五金建材店", 'F'), 2).add(new Word("农资门市部", 'F'), 2)
            .add(new Word("服装店", 'F'), 3).add(new Word("手机店", 'F'), 2).add(new Word("药店", 'F'), 1)
            .add(new Word("饭店", 'H'), 4).add(new Word("小吃部", 'H'), 3).add(new Word("烧烤店", 'H'), 2)
            .add(new Word("面馆", 'H'), 3).add(new Word("早餐店", 'H'), 2)
            .add(new Word("理发店", 'O'), 3).add(new Word("美容美发店", 'O'), 2).add(new Word("汽车修理部", 'O'), 2)
            .add(new Word("家电维修部", 'O'), 1).add(new Word("洗车行", 'O'), 1)
            .add(new Word("摄影工作室", 'R'), 1).add(new Word("快递服务部", 'G'), 1).add(new Word("货物运输部", 'G'), 1)
            .add(new Word("养殖场", 'A'), 2).add(new Word("种植园", 'A'), 1)
            .add(new Word("面粉加工坊", 'C'), 1).add(new Word("门窗加工部", 'C'), 1).add(new Word("诊所", 'Q'), 1)
            .build();

    static final List<String> COOPERATIVE_LINES = List.of("小麦种植", "花生种植", "蔬菜种植", "食用菌种植", "中药材种植", "果蔬种植",
            "苗木种植", "生猪养殖", "肉牛养殖", "蛋鸡养殖", "水产养殖", "农机服务", "植保服务", "土地股份");

    static final List<String> ASSOCIATION_TOPICS = List.of("个体劳动者", "私营企业", "建筑业", "餐饮行业", "物流", "电子商务", "书法家",
            "摄影家", "老年人体育", "青年创业者", "养殖业", "食品行业", "家政服务业", "志愿者", "足球", "诗词", "慈善",
            "消费者权益保护", "质量技术", "汽车维修行业", "旅游", "茶文化", "乡村振兴促进");
    static final Weighted<String> ASSOCIATION_FORMS = Weighted.<String>builder()
            .add("协会", 70).add("商会", 12).add("联合会", 10).add("研究会", 8).build();
    static final Weighted<Word> PRIVATE_NON_ENTERPRISE_UNITS = Weighted.<Word>builder()
            .add(new Word("职业培训学校", 'P'), 4).add(new Word("培训学校", 'P'), 3).add(new Word("幼儿园", 'P'), 4)
            .add(new Word("文化艺术培训中心", 'P'), 2).add(new Word("养老服务中心", 'Q'), 3).add(new Word("社会工作服务中心", 'Q'), 2)
            .add(new Word("康复中心", 'Q'), 1).add(new Word("志愿服务中心", 'S'), 1)
            .build();
    static final List<String> FOUNDATION_FORMS = List.of("慈善基金会", "教育基金会", "公益基金会");

    static final List<Word> COUNTY_INSTITUTIONS = List.of(new Word("人民医院", 'Q'), new Word("中医院", 'Q'),
            new Word("妇幼保健院", 'Q'), new Word("疾病预防控制中心", 'Q'), new Word("第二人民医院", 'Q'),
            new Word("不动产登记中心", 'S'), new Word("公共资源交易中心", 'S'), new Word("政务服务中心", 'S'),
            new Word("融媒体中心", 'R'), new Word("图书馆", 'R'), new Word("文化馆", 'R'), new Word("城市管理服务中心", 'S'),
            new Word("职业教育中心", 'P'), new Word("社会保险中心", 'S'), new Word("实验小学", 'P'), new Word("实验中学", 'P'));
    static final List<Word> TOWN_INSTITUTIONS = List.of(new Word("中心小学", 'P'), new Word("初级中学", 'P'),
            new Word("中心幼儿园", 'P'), new Word("卫生院", 'Q'), new Word("农业服务中心", 'A'), new Word("便民服务中心", 'S'),
            new Word("综合文化站", 'R'));
    static final String NUMERALS = "一二三四五六七八九十";

    static final List<String> OTHER_BUREAUS = List.of("自然资源局", "水利局", "文化广电和旅游局", "统计局", "审计局", "财政局", "商务局",
            "司法局", "退役军人事务局", "医疗保障局", "林业局", "公安局", "科学技术局", "工业和信息化局", "信访局", "机关事务管理局",
            "城市管理局", "乡村振兴局", "档案局", "粮食和物资储备局");
    /** A local office of a county authority: the parent's name, then the office's name after the town's short name. */
    record LocalOffice(String parent, String office) {
    }
    static final List<LocalOffice> LOCAL_OFFICES = List.of(new LocalOffice("市场监督管理局", "市场监督管理所"),
            new LocalOffice("公安局", "派出所"), new LocalOffice("司法局", "司法所"), new LocalOffice("自然资源局", "自然资源所"),
            new LocalOffice("财政局", "财政所"));

    private Vocabulary() {
    }

    static char pick(String pool, RandomGenerator random) {
        return pool.charAt(random.nextInt(pool.length()));
    }

    static <T> T pick(List<T> pool, RandomGenerator random) {
        return pool.get(random.nextInt(pool.size()));
    }

    /** Like {@link #pick(String, RandomGenerator)}, but the front of the pool comes up far more often. */
    static char pickCommon(String pool, RandomGenerator random) {
        double u = random.nextDouble();
        return pool.charAt((int) (u * u * pool.length()));
    }

    static String personName(RandomGenerator random) {
        StringBuilder name = new StringBuilder(3).append(pickCommon(SURNAMES, random));
        if (random.nextInt(10) < 4) {
            return name.append(pick(GIVEN_SINGLE, random)).toString();
        }
        return name.append(pick(GIVEN_FIRST, random)).append(pick(GIVEN_SECOND, random)).toString();
    }

    /** A 字号: two characters, sometimes three. */
    static String tradeName(RandomGenerator random) {
        char first = pick(TRADE_FIRST, random);
        char second = pick(TRADE_SECOND, random);
        while (second == first) {
            second = pick(TRADE_SECOND, random);
        }
        StringBuilder name = new StringBuilder(3).append(first).append(second);
        if (random.nextInt(6) == 0) {
            name.append(pick(TRADE_THIRD, random));
        }
        return name.toString();
    }

    /** What a small shop hangs over its door: 王记, 老张, 红红, or an ordinary 字号. */
    static String shopName(RandomGenerator random) {
        return switch (random.nextInt(4)) {
            case 0 -> pickCommon(SURNAMES, random) + "记";
            case 1 -> "老" + pickCommon(SURNAMES, random);
            case 2 -> {
                char c = pick(GIVEN_SINGLE, random);
                yield "" + c + c;
            }
            default -> tradeName(random);
        };
    }

    static String village(RandomGenerator random) {
        return "" + pickCommon(SURNAMES, random) + pick(VILLAGE_SUFFIXES, random);
    }

    static String road(RandomGenerator random) {
        return pick(ROADS, random) + (1 + random.nextInt(399)) + "号";
    }

    static String numeral(int n) {
        return String.valueOf(NUMERALS.charAt(n - 1));
    }
}
