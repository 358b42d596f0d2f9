//! A ledger with history for the consultation tests: five enterprises in four villages,
//! 160 hazards found from 2023 to late 2026 (closed, overdue, escalated, awaiting and failed
//! sign-off, some general ones), and a held 2026Q3 consultation with decisions and actions.

use anwei::domain::{Grade, Plan, Source, Status, UnitKind, is_stock};
use anwei::store::consultation::{Meeting, NewAction, TopicText};
use anwei::store::list::{Filter, Page, Sort};
use anwei::store::write::register::{HazardRecord, insert_hazard};
use chrono::{Duration, NaiveDate};
use rusqlite::{Transaction, params};

use super::{Ledger, d, today};

/// (credit code, name, sector, village).
pub const ENTERPRISES: [(&str, &str, &str, &str); 5] = [
    ("91350100M000100Y43", "滕州市官桥鑫源机械有限公司", "工贸", "官桥村"),
    ("91110000802100433B", "滕州市柴里化工有限公司", "危化品", "柴里村"),
    ("91370481MA3C000013", "滕州市前湾新型建材有限公司", "粉尘涉爆", "前湾村"),
    ("91370481MA3C000021", "滕州市薛河冷链物流有限公司", "涉氨制冷", "薛河村"),
    ("91370481MA3C00003X", "官桥镇万隆商业综合体", "商业综合体", "官桥村"),
];

const TITLES: [&str; 5] = [
    "粉尘爆炸危险场所设置在非框架结构的多层建构筑物内",
    "涉及重点监管危险化工工艺的装置未实现自动化控制",
    "除尘系统未按规定设置锁气卸灰装置",
    "快速冻结装置未设置在单独的作业间内",
    "疏散通道被占用、堵塞",
];

/// A small deterministic spread: the same for every run.
fn spread(i: i64) -> i64 {
    (i * 7919 + 13) % 100
}

/// Builds the fixture; returns the ledger.
pub fn consult_ledger() -> Ledger {
    let l = Ledger::new();
    let mut s = l.store();
    s.unit_add("前湾村", UnitKind::Village).unwrap();
    s.unit_add("薛河村", UnitKind::Village).unwrap();
    s.unit_add("市场监管所", UnitKind::Department).unwrap();
    drop(s);
    let mut conn = l.conn();
    let tx = conn.transaction().unwrap();
    for (code, name, sector, village) in &ENTERPRISES[2..] {
        tx.execute(
            "INSERT INTO enterprises (credit_code, name, sector, high_risk, village_id, principal)
             VALUES (?1, ?2, ?3, 1, (SELECT id FROM units WHERE name = ?4), '刘军')",
            params![code, name, sector, village],
        )
        .unwrap();
    }
    let mut docs = 0;
    for i in 0..160 {
        insert(&tx, i, &mut docs);
    }
    tx.commit().unwrap();
    this_quarter(&l);
    previous_consultation(&l);
    l
}

/// Through the real write commands: two self-reported hazards found this quarter, and the
/// most overdue hazard escalated today.
fn this_quarter(l: &Ledger) {
    let mut s = l.store();
    for (found, credit) in [("2026-10-12", ENTERPRISES[2].0), ("2026-11-03", ENTERPRISES[3].0)] {
        let mut n = super::new_hazard(found, "2027-01-31");
        n.enterprise = credit.to_string();
        n.source = Source::SelfReport;
        s.register(&n).unwrap();
    }
    let major = Filter { overdue: true, grade: Some(Grade::Major), ..Filter::default() };
    let first = s.list(&major, Sort::default(), &Page { after: None, limit: 1 }).unwrap();
    s.escalate(&first[0].code, None, None, "逾期未整改").unwrap();
}

fn record(tx: &Transaction, i: i64) -> HazardRecord {
    let h = spread(i);
    let (credit, _, sector, _) = ENTERPRISES[(i % 5) as usize];
    let (enterprise_id, village_id): (i64, i64) = tx
        .query_row("SELECT id, village_id FROM enterprises WHERE credit_code = ?1", [credit], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    let discovered = d("2023-01-05") + Duration::days(i * 44 / 5);
    let deadline = discovered + Duration::days(20 + (i * 37) % 100);
    let closed = closed_on(i, discovered, deadline);
    let status = match (closed, h % 5) {
        (Some(_), _) => Status::Closed,
        (None, 0) => Status::Verifying,
        (None, 1) => Status::Registered,
        _ => Status::Rectifying,
    };
    HazardRecord {
        code: format!("HX-{}-{i:04}", discovered.format("%Y")),
        enterprise_id,
        village_id,
        title: TITLES[(i % 5) as usize].to_string(),
        description: String::new(),
        grade: if i % 9 == 4 { Grade::General } else { Grade::Major },
        sector: sector.to_string(),
        standard_ref: String::new(),
        source: [Source::Inspection, Source::SelfReport, Source::Inspection, Source::PublicReport][(i % 4) as usize],
        discovered_on: discovered,
        deadline,
        status,
        plan: Plan::default(),
        owner_unit_id: None,
        assignee: (i % 3 == 0).then(|| "zhangwei".to_string()),
        escalation_level: 0,
        listed_unit: String::new(),
        stopped_production: false,
        round: 1,
        last_progress_on: discovered.max(today() - Duration::days(h % 45)),
        created_at: format!("{discovered} 09:00:00"),
        closed_at: closed.map(|c| format!("{c} 16:30:00")),
    }
}

/// When hazard `i` was closed, if it was.
fn closed_on(i: i64, discovered: NaiveDate, deadline: NaiveDate) -> Option<NaiveDate> {
    let h = spread(i);
    let day = if deadline < today() && h < 75 {
        if h % 2 == 0 { deadline - Duration::days(h % 15) } else { deadline + Duration::days(h % 40) }
    } else if h < 25 {
        discovered + Duration::days(h % 30 + 5)
    } else {
        return None;
    };
    Some(day.max(discovered)).filter(|c| *c <= today())
}

fn event(tx: &Transaction, id: i64, at: &str, kind: &str, field: &str, from: &str, to: &str) {
    noted(tx, id, at, [kind, field, from, to, ""]);
}

/// An event with a note: `[kind, field, from, to, note]`.
fn noted(tx: &Transaction, id: i64, at: &str, e: [&str; 5]) {
    tx.execute(
        "INSERT INTO timeline (hazard_id, at, actor, kind, field, from_value, to_value, note)
         VALUES (?1, ?2, 'fixture', ?3, ?4, ?5, ?6, ?7)",
        params![id, at, e[0], e[1], e[2], e[3], e[4]],
    )
    .unwrap();
}

fn insert(tx: &Transaction, i: i64, docs: &mut i64) {
    let r = record(tx, i);
    let h = spread(i);
    let id = insert_hazard(tx, &r).unwrap();
    event(tx, id, &r.created_at, "registered", "status", "", "registered");
    if r.status != Status::Registered {
        event(tx, id, &r.created_at, "status", "status", "registered", r.status.as_str());
    }
    if let Some(closed) = &r.closed_at {
        for role in ["regulator", "expert", "enterprise"] {
            tx.execute(
                "INSERT INTO verifications (hazard_id, round, role, name, date, verdict, actor)
                 VALUES (?1, 1, ?2, '核验人', ?3, 'pass', 'fixture')",
                params![id, role, &closed[..10]],
            )
            .unwrap();
        }
    }
    if r.status != Status::Closed && r.deadline < today() && h % 3 == 0 {
        escalate(tx, id, &r, docs);
    }
    if r.status == Status::Rectifying && h % 4 == 0 && !is_stock(r.discovered_on) {
        let day = (today() - Duration::days(h % 80)).max(r.discovered_on);
        tx.execute(
            "INSERT INTO verifications (hazard_id, round, role, name, date, verdict, opinion, actor)
             VALUES (?1, 1, 'expert', '赵专家', ?2, 'fail', '防爆措施不到位', 'fixture')",
            params![id, day.to_string()],
        )
        .unwrap();
        tx.execute("UPDATE hazards SET round = 2 WHERE id = ?1", [id]).unwrap();
    }
}

/// A letter five days after the deadline and a circular after twenty, as far as today allows.
fn escalate(tx: &Transaction, id: i64, r: &HazardRecord, docs: &mut i64) {
    for (level, after) in [(1u8, 5), (2, 20)] {
        let day = r.deadline + Duration::days(after);
        if day > today() {
            break;
        }
        *docs += 1;
        let doc_no = format!("官安函〔{}〕{docs}号", day.format("%Y"));
        tx.execute(
            "INSERT INTO escalations (hazard_id, level, doc_no, date, actor) VALUES (?1, ?2, ?3, ?4, 'fixture')",
            params![id, level, doc_no, day.to_string()],
        )
        .unwrap();
        tx.execute("UPDATE hazards SET escalation_level = ?1 WHERE id = ?2", params![level, id]).unwrap();
        let at = format!("{day} 10:00:00");
        // as the program writes it: the document number leads the note
        let (from, to) = ((level - 1).to_string(), level.to_string());
        noted(tx, id, &at, ["escalated", "escalation_level", &from, &to, &doc_no]);
    }
}

/// The 2026Q3 consultation: held on 2026-09-28, two decisions, three actions (done, late, open).
fn previous_consultation(l: &Ledger) {
    let mut s = l.store();
    let q = anwei::domain::quarter::Quarter::parse("2026Q3").unwrap();
    let rec = s.consult_open(q).unwrap();
    assert_eq!(rec.version, 1);
    let topics = s.consultation(q).unwrap().unwrap().topics;
    let decide = |s: &mut anwei::store::Store, id: i64, text: &str| {
        let t = TopicText { decision: Some(text.to_string()), ..TopicText::default() };
        s.topic_text(id, None, &t, "").unwrap();
    };
    decide(&mut s, topics[2].id, "逾期隐患由包保领导逐项督导,10月底前完成整改");
    decide(&mut s, topics[3].id, "对逾期30天以上的隐患企业主要负责人进行约谈");
    let action = |title: &str, due: &str, topic: i64| NewAction {
        topic: Some(topic),
        title: title.to_string(),
        lead_unit: Some("应急管理办".to_string()),
        assignee: Some("zhangwei".to_string()),
        due_on: d(due),
        note: String::new(),
    };
    let done = s.action_add(q, &action("开展粉尘涉爆企业专项检查", "2026-10-31", topics[2].id)).unwrap();
    s.action_add(q, &action("约谈逾期隐患企业主要负责人", "2026-11-15", topics[3].id)).unwrap();
    s.action_add(q, &action("完成存量隐患销号核验", "2026-12-15", topics[1].id)).unwrap();
    if let anwei::store::consultation::Target::Action(id) = done.target {
        s.action_done(id, None, Some(d("2026-10-20")), "已完成").unwrap();
    }
    let m = Meeting {
        held_on: Some(d("2026-09-28")),
        place: Some("镇政府三楼会议室".to_string()),
        chair: Some("王镇长".to_string()),
        attendees: Some("安委会各成员单位负责人".to_string()),
    };
    s.meeting(q, None, &m).unwrap();
    s.mark_held(q, None).unwrap();
}

/// Runs the built binary on the ledger with today fixed; returns (exit status, stdout, stderr).
/// An empty `lang` gives no language at all, with `LANG=C.UTF-8`.
pub fn run(l: &Ledger, lang: &str, args: &[&str]) -> (i32, Vec<u8>, String) {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_anwei"));
    cmd.arg("--db").arg(l.path()).args(args).env("ANWEI_TODAY", super::TODAY).env_remove("ANWEI_DB");
    if lang.is_empty() {
        cmd.env_remove("ANWEI_LANG").env_remove("LC_ALL").env_remove("LC_MESSAGES").env("LANG", "C.UTF-8");
    } else {
        cmd.env("ANWEI_LANG", lang);
    }
    let out = cmd.output().unwrap();
    (out.status.code().unwrap_or(-1), out.stdout, String::from_utf8_lossy(&out.stderr).into_owned())
}

/// Runs and expects success; returns stdout as text.
pub fn ok(l: &Ledger, lang: &str, args: &[&str]) -> String {
    let (code, out, err) = run(l, lang, args);
    assert_eq!(code, 0, "{args:?}: {err}");
    String::from_utf8(out).unwrap()
}
