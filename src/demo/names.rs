//! The demo township's word tables: places, units, people's names, firm names, phrases.

use crate::domain::Role;

/// The township and the code prefix of its hazards.
pub const ORG: &str = "官桥镇";
pub const CODE_PREFIX: &str = "GQ";

/// The county-level city and its administrative division code (credit codes).
pub const CITY: &str = "滕州市";
pub const DIVISION: &str = "370481";

/// Villages and communities, with how much industry each holds (weights).
pub const VILLAGES: [(&str, u64); 20] = [
    ("官桥村", 14),
    ("柴里村", 12),
    ("前掌大村", 8),
    ("后掌大村", 6),
    ("北辛村", 5),
    ("东江村", 5),
    ("西江村", 4),
    ("吕坡村", 4),
    ("薛庄村", 5),
    ("尤楼村", 3),
    ("大彦村", 4),
    ("张庄村", 3),
    ("王庄村", 3),
    ("狄庄村", 2),
    ("刘楼村", 3),
    ("南沙村", 4),
    ("辛绪村", 3),
    ("井亭村", 2),
    ("官桥社区", 9),
    ("柴里社区", 6),
];

/// Member departments of the committee.
pub const DEPARTMENTS: [&str; 10] = [
    "应急管理办",
    "市场监管所",
    "派出所",
    "消防救援站",
    "住建办",
    "交通运输办",
    "经济发展办",
    "综合执法办",
    "农业农村办",
    "自然资源所",
];

/// The department of the committee office, which issues the escalation documents.
pub const OFFICE: &str = "应急管理办";

/// Demo staff: login, name, unit, role.
pub const STAFF: [(&str, &str, &str, Role); 13] = [
    ("zhangwei", "张伟", "应急管理办", Role::Officer),
    ("wangfang", "王芳", "应急管理办", Role::Officer),
    ("lina", "李娜", "应急管理办", Role::Officer),
    ("liuyang", "刘洋", "市场监管所", Role::Officer),
    ("chenjing", "陈静", "住建办", Role::Officer),
    ("yangfan", "杨帆", "交通运输办", Role::Officer),
    ("zhaolei", "赵磊", "消防救援站", Role::Officer),
    ("huangmin", "黄敏", "经济发展办", Role::Officer),
    ("zhouqiang", "周强", "综合执法办", Role::Officer),
    ("wujun", "吴军", "派出所", Role::Officer),
    ("xuli", "徐丽", "农业农村办", Role::Officer),
    ("sunhao", "孙浩", "自然资源所", Role::Officer),
    ("leader", "刘建国", "应急管理办", Role::Viewer),
];

/// Common surnames, most frequent first (weights roughly by frequency in Shandong).
pub const SURNAMES: [(&str, u64); 30] = [
    ("王", 12),
    ("李", 10),
    ("张", 10),
    ("刘", 8),
    ("孙", 6),
    ("陈", 4),
    ("杨", 4),
    ("赵", 4),
    ("徐", 4),
    ("马", 3),
    ("高", 3),
    ("褚", 2),
    ("郭", 2),
    ("颜", 2),
    ("孔", 2),
    ("魏", 2),
    ("田", 2),
    ("宋", 2),
    ("胡", 2),
    ("朱", 2),
    ("于", 2),
    ("吕", 2),
    ("曹", 2),
    ("邵", 1),
    ("薛", 1),
    ("尤", 1),
    ("韩", 1),
    ("周", 1),
    ("冯", 1),
    ("种", 1),
];

/// Characters of given names.
pub const GIVEN: [&str; 48] = [
    "建", "国", "军", "伟", "强", "磊", "洋", "勇", "杰", "涛", "明", "超", "刚", "平", "辉", "鹏", "华", "飞", "鑫",
    "波", "宁", "海", "斌", "峰", "庆", "德", "成", "忠", "福", "良", "玉", "芳", "娜", "静", "丽", "敏", "艳", "霞",
    "红", "梅", "兰", "燕", "娟", "英", "秀", "慧", "振", "广",
];

/// Firm names (字号).
pub const BRANDS: [&str; 64] = [
    "鑫源", "华泰", "宏达", "金诚", "瑞丰", "恒信", "永盛", "隆鑫", "润通", "鼎盛", "远航", "泰和", "中兴", "富源",
    "聚力", "联创", "天宇", "博远", "祥瑞", "宏图", "安泰", "立信", "东方", "万通", "同力", "汇丰", "金盾", "德润",
    "众诚", "佳和", "新宇", "盛世", "嘉禾", "圣达", "荣昌", "凯瑞", "益民", "兴旺", "福瑞", "昌盛", "惠众", "金鼎",
    "银河", "恒泰", "信达", "鲁南", "北辛", "善国", "墨子", "微湖", "龙泉", "荆河", "薛国", "滕源", "广源", "海峰",
    "正泰", "宝丰", "泰丰", "锦程", "伟业", "创新", "宏昌", "瑞达",
];

/// Roads and places for addresses.
pub const ROADS: [&str; 12] = [
    "工业园路",
    "兴业路",
    "振兴路",
    "官桥大道",
    "104国道东侧",
    "矿建路",
    "商贸街",
    "府前路",
    "创业路",
    "柴里大街",
    "掌大路",
    "江南路",
];

/// How a principal or controller was told of a major hazard.
pub const CHANNELS: [&str; 5] = ["书面告知书", "短信", "电话告知", "约见面告", "政务微信"];

/// Where the experts of the three-party close-out come from.
pub const EXPERT_ORGS: [&str; 3] = ["滕州市安全生产专家库", "枣庄市安全生产专家库", "山东省注册安全工程师事务所"];

/// Plan funds, in 10,000 yuan steps of the total.
pub const FUND_SOURCES: [&str; 3] = ["企业自筹", "企业安全生产费用列支", "企业自筹，镇级安全专项资金补助"];

/// Contingency measures while a hazard is being rectified.
pub const CONTINGENCIES: [&str; 5] = [
    "整改期间停用相关设备设施，设置警戒区并安排专人监护",
    "制定专项应急处置方案，配备应急器材，每班巡查",
    "限制作业人数，无关人员不得进入，发现异常立即撤人",
    "危险区域停止作业，落实24小时值班和领导带班",
    "完善现场处置方案，开展一次专项应急演练",
];

/// Progress notes.
pub const PROGRESS: [&str; 8] = [
    "专班回访，整改方案正在实施",
    "所需设备已订购，待到货安装",
    "已完成约一半整改工作量",
    "施工单位已进场，正在改造",
    "企业主要负责人带队复查，整改按计划推进",
    "专家现场指导，调整了整改措施",
    "已完成主体改造，正在调试",
    "督促企业加快进度，企业承诺按期完成",
];

/// Opinions of a failed sign-off.
pub const FAIL_OPINIONS: [&str; 4] = [
    "整改不彻底，现场仍存在同类问题，需重新整改",
    "检测报告缺失，不能确认整改效果",
    "联锁装置未投用，需完善后重新申请核验",
    "整改资料与现场不符，退回重新整改",
];

/// Reasons for extending a deadline.
pub const EXTENSION_REASONS: [&str; 4] = [
    "设备采购周期较长，企业申请延期",
    "涉及土建改造，受天气影响工期顺延",
    "需停产检修配合整改，经研究同意延期",
    "设计方案需专家论证，申请延期",
];

/// The note of each escalation level, and of a letter for a stalled hazard.
pub const ESCALATION_NOTES: [&str; 4] = [
    "逾期未完成整改，函告企业限期整改",
    "逾期仍未整改到位，在全镇范围内通报",
    "约谈企业主要负责人和实际控制人",
    "在镇政府网站和政务新媒体曝光",
];

/// Where a hazard came from, as the registering officer notes it.
pub const SOURCE_NOTES: [&str; 3] = ["企业自查上报", "专班督导检查发现", "群众举报经核查属实"];

/// General (non-major) hazards, common to all sectors.
pub const GENERAL_TITLES: [&str; 8] = [
    "部分灭火器压力不足、未按期检查",
    "安全警示标志缺失或不清晰",
    "员工三级安全教育培训记录不全",
    "配电箱未上锁，存在私拉乱接电线现象",
    "应急照明和疏散指示标志部分损坏",
    "作业人员劳动防护用品佩戴不规范",
    "安全生产责任制未及时修订",
    "隐患排查治理台账记录不完整",
];

/// The measure of a general hazard.
pub const GENERAL_MEASURE: &str = "立即整改，举一反三开展自查";

/// The five parts of the plan as the officer writes them.
pub const PLAN_WORDS: [&str; 5] = ["责任", "措施", "资金", "时限", "预案"];

/// Opinions of a passing sign-off.
pub const PASS_OPINIONS: [&str; 4] =
    ["现场核验，整改到位", "整改措施已落实，同意销号", "经现场核查，隐患已消除", "资料齐全，现场符合要求"];

/// Notes on the status changes the demo records.
pub const START_NOTE: &str = "五落实到位，开始整改";
pub const SUBMIT_NOTE: &str = "企业报告整改完成，申请现场核验";

/// The unit that lists the worst hazards for supervision (挂牌督办).
pub const LISTING_UNIT: &str = "官桥镇安委会";

/// The day the township's ledger moved into anwei: big demos import the hazards
/// closed before it from the old spreadsheet instead of replaying every step.
pub const GO_LIVE: (i32, u32, u32) = (2025, 1, 6);
pub const IMPORT_NOTE: &str = "系统上线，导入历史台账";
