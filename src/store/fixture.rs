//! Test-only: a small township ledger on a temporary file, built with the real write
//! commands on a fixed today (2026-11-29), for screen and workflow tests.

use chrono::NaiveDate;
use rusqlite::params;

use super::consultation::{Meeting, NewAction, Target, TopicText};
use super::tipoff::{NewTipoff, TipoffLink};
use super::write::{NewHazard, SignOffInput};
use super::{Actor, Store};
use crate::clock::Clock;
use crate::domain::consultation::SectionKind;
use crate::domain::quarter::Quarter;
use crate::domain::tipoff::Channel;
use crate::domain::{Grade, Role, Source, UnitKind, Verdict, VerifierRole};

pub const TODAY: &str = "2026-11-29";

pub fn today() -> NaiveDate {
    NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap()
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// (credit code, name, sector, high risk, village, principal, controller)
const ENTERPRISES: &[(&str, &str, &str, bool, &str, &str, &str)] = &[
    ("91420100MA4K000001", "官桥化工有限公司", "危化品", true, "官桥村", "李建国", "李明"),
    ("91420100MA4K000002", "宏达机械厂", "工贸", false, "新河村", "王海", "王海"),
    ("91420100MA4K000003", "金鑫铝业有限公司", "粉尘涉爆", true, "官桥村", "陈立", "陈立新"),
    ("91420100MA4K000004", "冷链物流中心", "涉氨制冷", true, "石桥社区", "赵强", "赵一"),
    ("91420100MA4K000005", "东方商业广场", "商业综合体", false, "石桥社区", "周敏", "周敏"),
    ("91420100MA4K000006", "红星烟花销售点", "烟花爆竹", true, "新河村", "孙红", "孙红"),
];

/// (enterprise, title, source, discovered, deadline, grade)
const HAZARDS: &[(usize, &str, Source, &str, &str, Grade)] = &[
    (0, "储罐区可燃气体报警器失效", Source::Inspection, "2026-06-02", "2026-08-31", Grade::Major),
    (1, "冲压机光电保护装置拆除", Source::SelfReport, "2026-09-10", "2026-10-15", Grade::Major),
    (2, "除尘系统未设置泄爆装置", Source::Inspection, "2026-10-08", "2026-11-14", Grade::Major),
    (3, "氨制冷机房未设置氨气浓度报警", Source::PublicReport, "2026-10-20", "2026-11-26", Grade::Major),
    (4, "疏散通道被占用堵塞", Source::PublicReport, "2026-11-02", "2026-12-03", Grade::Major),
    (5, "仓库超量储存烟花爆竹", Source::Inspection, "2026-11-20", "2026-12-20", Grade::Major),
    (0, "装卸区静电接地不合格", Source::SelfReport, "2023-11-05", "2024-03-31", Grade::Major),
    (2, "铝粉收集间电气设备不防爆", Source::Inspection, "2026-07-01", "2026-12-31", Grade::Major),
    (1, "行车钢丝绳断股", Source::SelfReport, "2026-08-01", "2026-10-01", Grade::General),
    (3, "液氨储罐安全阀未校验", Source::Inspection, "2026-05-10", "2026-09-30", Grade::Major),
    (4, "消防控制室无人值守", Source::Inspection, "2026-10-01", "2026-11-20", Grade::Major),
    (5, "\u{202E}零售点\u{1b}[31m无证储存\u{200B}", Source::PublicReport, "2026-11-25", "2027-01-15", Grade::Major),
];

/// The ledger: a temp directory (keep it alive) and the store, acting as `zhang` (admin).
pub fn ledger() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::create(&dir.path().join("test.db"), Actor::new("zhang"), Clock::fixed(today())).unwrap();
    s.init("官桥镇", "GQ").unwrap();
    for v in ["官桥村", "新河村", "石桥社区"] {
        s.unit_add(v, UnitKind::Village).unwrap();
    }
    s.unit_add("应急管理办", UnitKind::Department).unwrap();
    s.staff_add("zhang", "张伟", Role::Admin, Some("应急管理办")).unwrap();
    s.staff_add("li", "李娜", Role::Officer, Some("应急管理办")).unwrap();
    s.staff_add("wang", "王磊", Role::Officer, Some("官桥村")).unwrap();
    s.staff_add("zhao", "赵敏", Role::Viewer, None).unwrap();
    for e in ENTERPRISES {
        s.conn
            .execute(
                "INSERT INTO enterprises (credit_code, name, sector, high_risk, village_id, principal, principal_phone,
                 controller, controller_phone, address)
                 VALUES (?1, ?2, ?3, ?4, (SELECT id FROM units WHERE name = ?5), ?6, '13800000000', ?7, '13900000000', ?5)",
                params![e.0, e.1, e.2, e.3, e.4, e.5, e.6],
            )
            .unwrap();
    }
    let verified = tipoffs(&mut s);
    let codes: Vec<String> =
        HAZARDS.iter().enumerate().map(|(i, h)| register(&mut s, h, (i == 3).then(|| verified.clone()))).collect();
    steps(&mut s, &codes);
    duties(&mut s, &codes);
    tipoffs_after(&mut s, &verified.code);
    consultations(&mut s);
    (dir, s)
}

fn register(s: &mut Store, h: &(usize, &str, Source, &str, &str, Grade), tipoff: Option<TipoffLink>) -> String {
    let n = NewHazard {
        enterprise: ENTERPRISES[h.0].0.to_string(),
        title: h.1.to_string(),
        description: format!("{}。现场检查发现,需限期整改。", h.1),
        grade: h.5,
        sector: None,
        standard_ref: crate::domain::standards::search("", Some(ENTERPRISES[h.0].2))[0].reference(),
        source: h.2,
        discovered_on: Some(d(h.3)),
        deadline: d(h.4),
        owner: Some("应急管理办".into()),
        assignee: None,
        note: String::new(),
        inspection: None,
        tipoff,
    };
    s.register(&n).unwrap().code
}

/// Tip-offs in every state: one the fourth hazard's registration verifies (returned), one
/// received and late, one under verification, one not verified.
fn tipoffs(s: &mut Store) -> TipoffLink {
    let tip =
        |received: &str, channel, reporter: Option<(&str, &str)>, enterprise: usize, about: &str, content: &str| {
            NewTipoff {
                received_on: Some(d(received)),
                channel,
                reporter: reporter.map(|(n, c)| (n.to_string(), c.to_string())),
                enterprise: if about.is_empty() { ENTERPRISES[enterprise].0.to_string() } else { String::new() },
                about: about.to_string(),
                content: content.to_string(),
            }
        };
    let verified = s
        .tipoff_add(&tip(
            "2026-10-15",
            Channel::Hotline,
            Some(("钱七", "13700000007")),
            3,
            "",
            "机房闻到氨味，报警器不响",
        ))
        .unwrap();
    s.tipoff_add(&tip("2026-11-01", Channel::Letter, None, 0, "新河村路口废品站", "废品站私存液化气钢瓶")).unwrap();
    let assigned = s.tipoff_add(&tip("2026-11-20", Channel::Whistleblower, None, 0, "", "夜班储罐区无人巡检")).unwrap();
    s.tipoff_assign(&assigned, None, "li", "").unwrap();
    let rejected = s.tipoff_add(&tip("2026-11-05", Channel::Online, None, 1, "", "车间无灭火器")).unwrap();
    s.tipoff_reject(&rejected, None, Some(d("2026-11-12")), "现场灭火器配备齐全，举报不实").unwrap();
    TipoffLink { code: verified, version: None }
}

/// The verified tip-off's reward and reply.
fn tipoffs_after(s: &mut Store, code: &str) {
    s.tipoff_reward(code, None, 500, "镇长王强", Some(d("2026-10-30"))).unwrap();
    s.tipoff_tell(code, None, Some(d("2026-11-01")), "电话").unwrap();
}

fn full_plan(s: &mut Store, code: &str) {
    let parts: Vec<(&str, String)> = vec![
        ("responsible", "企业主要负责人".into()),
        ("measures", "更换设备并复查".into()),
        ("funds", "5万元".into()),
        ("deadline", "2026-12-31".into()),
        ("contingency", "停用相关区域".into()),
    ];
    s.plan(code, None, &parts, "").unwrap();
}

fn sign(s: &mut Store, code: &str, role: VerifierRole, verdict: Verdict) {
    let input = SignOffInput {
        role,
        name: "刘工".into(),
        organisation: "县应急管理局".into(),
        verdict,
        opinion: "现场核查".into(),
        date: None,
    };
    s.verify(code, None, &input).unwrap();
}

/// Plans, assignments, escalations and sign-offs through the real commands.
fn steps(s: &mut Store, c: &[String]) {
    for (i, who) in [(0, "li"), (1, "wang"), (2, "li"), (3, "wang"), (6, "li"), (9, "wang"), (10, "li")] {
        s.assign(&c[i], None, who, "").unwrap();
    }
    for i in [0, 1, 2, 4, 7, 9, 10] {
        full_plan(s, &c[i]);
    }
    s.escalate(&c[0], None, None, "").unwrap();
    s.escalate(&c[0], None, None, "约谈前先通报").unwrap();
    s.escalate(&c[9], None, None, "").unwrap();
    s.progress(&c[2], None, "设备已订购").unwrap();
    for i in [4, 7, 10] {
        s.submit(&c[i], None, "整改完成").unwrap();
    }
    sign(s, &c[4], VerifierRole::Regulator, Verdict::Pass);
    sign(s, &c[4], VerifierRole::Expert, Verdict::Pass);
    sign(s, &c[10], VerifierRole::Regulator, Verdict::Fail);
    s.submit(&c[10], None, "再次整改完成").unwrap();
    for role in VerifierRole::ALL {
        sign(s, &c[7], *role, Verdict::Pass);
    }
}

/// Notices (one acknowledged), head-led inspections (two enterprises inspected, one of
/// them instead of the principal), a listing with stopped production and a resumption
/// under review, all through the real commands.
fn duties(s: &mut Store, c: &[String]) {
    use crate::domain::{Evaluator, Recipient, StopScope};
    use crate::store::write::supervise::{ApplyInput, ListingInput};
    s.notify(&c[0], None, Recipient::Principal, "书面", Some(d("2026-10-05"))).unwrap();
    s.notify(&c[0], None, Recipient::Controller, "短信", Some(d("2026-10-05"))).unwrap();
    s.acknowledge(&c[0], None, Recipient::Principal, ENTERPRISES[0].5, Some(d("2026-10-06"))).unwrap();
    s.notify(&c[1], None, Recipient::Principal, "电话", Some(d("2026-10-10"))).unwrap();
    let inspect = |s: &mut Store, e: usize, on: &str, led_by: &str, instead: &str| {
        let n = crate::store::inspection::NewInspection {
            enterprise: ENTERPRISES[e].0.into(),
            date: Some(d(on)),
            led_by: led_by.into(),
            instead_reason: instead.into(),
            scope: "生产车间、仓库".into(),
            findings: "消防通道堆放杂物，已当场整改".into(),
            hazards: Vec::new(),
        };
        s.inspection_add(&n).unwrap();
    };
    inspect(s, 1, "2026-10-20", ENTERPRISES[1].5, "");
    inspect(s, 2, "2026-11-10", "副总经理 陈刚", "主要负责人外出学习");
    let listing = ListingInput {
        unit: "滕州市安委会".into(),
        responsible: "官桥镇人民政府".into(),
        doc_no: "滕安督〔2026〕3号".into(),
        date: Some(d("2026-10-15")),
    };
    s.list_supervision(&c[0], None, &listing).unwrap();
    s.stop_production(&c[0], None, Some(d("2026-10-16")), StopScope::Partial).unwrap();
    let apply = ApplyInput {
        date: Some(d("2026-11-22")),
        evaluator: Evaluator::Agency,
        by: "山东安评科技有限公司".into(),
        report: "复产安全评估报告".into(),
    };
    s.resumption_apply(&c[0], None, &apply).unwrap();
}

fn action(s: &mut Store, q: Quarter, topic: Option<i64>, a: (&str, &str, &str, &str)) -> i64 {
    let new = NewAction {
        topic,
        title: a.0.into(),
        lead_unit: Some(a.1.into()),
        assignee: Some(a.2.into()),
        due_on: d(a.3),
        note: String::new(),
    };
    match s.action_add(q, &new).unwrap().target {
        Target::Action(id) => id,
        _ => unreachable!(),
    }
}

/// 2026Q3 held, with decisions and actions (one done, one late, one open); 2026Q4 being
/// prepared: a date, place and chair, a topic added by hand and an action.
fn consultations(s: &mut Store) {
    let (q3, q4) = (Quarter { year: 2026, q: 3 }, Quarter { year: 2026, q: 4 });
    s.unit_add("市场监管所", UnitKind::Department).unwrap();
    s.consult_open(q3).unwrap();
    let r = s.consultation(q3).unwrap().unwrap();
    let topic = |k: SectionKind| r.topics.iter().find(|t| t.kind == k).map(|t| t.id).unwrap();
    let decide = |s: &mut Store, k, proposal: &str, decision: &str| {
        let text = TopicText { proposal: Some(proposal.into()), decision: Some(decision.into()), title: None };
        s.topic_text(topic(k), None, &text, "").unwrap();
    };
    decide(s, SectionKind::Overdue, "约谈逾期30天以上隐患企业主要负责人", "由应急管理办约谈官桥化工主要负责人");
    decide(s, SectionKind::Escalation, "对储罐区隐患通报督办", "同意通报督办");
    let meeting = Meeting {
        held_on: Some(d("2026-09-25")),
        place: Some("镇政府三楼会议室".into()),
        chair: Some("王镇长".into()),
        attendees: Some("应急管理办、市场监管所、派出所、各村负责人".into()),
    };
    s.meeting(q3, None, &meeting).unwrap();
    let overdue = Some(topic(SectionKind::Overdue));
    let done = action(s, q3, overdue, ("约谈官桥化工主要负责人", "应急管理办", "li", "2026-10-31"));
    s.action_done(done, None, Some(d("2026-10-28")), "已约谈").unwrap();
    action(s, q3, overdue, ("督促冷链物流中心校验液氨储罐安全阀", "应急管理办", "wang", "2026-11-15"));
    action(s, q3, None, ("开展粉尘涉爆企业专项检查", "市场监管所", "li", "2026-12-31"));
    s.mark_held(q3, None).unwrap();
    s.topic_add(q4, None, "冬春火灾防控部署", "商业综合体和烟花爆竹销售点开展消防专项检查").unwrap();
    let meeting = Meeting {
        held_on: Some(d("2026-12-20")),
        place: Some("镇政府三楼会议室".into()),
        chair: Some("王镇长".into()),
        attendees: None,
    };
    s.meeting(q4, None, &meeting).unwrap();
    action(s, q4, None, ("排查商业综合体疏散通道", "市场监管所", "wang", "2026-12-10"));
}

/// Test-only: adds `n` synthetic hazards in one transaction (for trying the full
/// screen on a large ledger by hand).
#[cfg(test)]
pub fn bulk(s: &mut Store, n: usize) {
    use super::write::register::{HazardRecord, insert_hazard};
    use crate::domain::{Plan, Status};
    let tx = s.conn.transaction().unwrap();
    let statuses =
        [Status::Closed, Status::Closed, Status::Closed, Status::Rectifying, Status::Registered, Status::Verifying];
    for i in 0..n {
        let found = today() - chrono::Duration::days((i % 1400) as i64);
        let status = statuses[i % statuses.len()];
        let rec = HazardRecord {
            code: format!("BK-{i:07}"),
            enterprise_id: (i % ENTERPRISES.len()) as i64 + 1,
            village_id: (i % 3) as i64 + 1,
            title: format!("批量隐患{i}号 设备防护缺失"),
            description: String::new(),
            grade: if i % 4 == 0 { Grade::General } else { Grade::Major },
            sector: ENTERPRISES[i % ENTERPRISES.len()].2.to_string(),
            standard_ref: String::new(),
            source: Source::ALL[i % 3],
            discovered_on: found,
            deadline: found + chrono::Duration::days(60),
            status,
            plan: Plan::default(),
            owner_unit_id: None,
            assignee: None,
            escalation_level: 0,
            listed_unit: String::new(),
            stopped_production: false,
            round: 1,
            last_progress_on: found,
            created_at: format!("{found} 08:00:00"),
            closed_at: (status == Status::Closed).then(|| format!("{} 09:00:00", found + chrono::Duration::days(30))),
        };
        insert_hazard(&tx, &rec).unwrap();
    }
    tx.commit().unwrap();
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_fixture_builds() {
        let (_dir, s) = super::ledger();
        let o = s.overview().unwrap();
        assert!(o.overdue > 3);
        assert!(s.check().unwrap().is_empty());
    }

    /// `ANWEI_FIXTURE_OUT=fixture.db cargo test -- --ignored fixture_file` writes the ledger
    /// to a file, for trying the full screen by hand.
    #[test]
    #[ignore]
    fn fixture_file() {
        let (_dir, mut s) = super::ledger();
        s.staff_add(&crate::identity::os_login(), "", crate::domain::Role::Admin, None).unwrap();
        let n = std::env::var("ANWEI_FIXTURE_BULK").ok().and_then(|n| n.parse().ok()).unwrap_or(0);
        super::bulk(&mut s, n);
        let out = std::env::var("ANWEI_FIXTURE_OUT").unwrap();
        let _ = std::fs::remove_file(&out);
        s.backup(std::path::Path::new(&out)).unwrap();
    }
}
