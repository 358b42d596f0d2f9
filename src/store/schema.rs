//! The schema, created and upgraded by migrations keyed on `PRAGMA user_version`.

use rusqlite::Connection;

/// Migrations in order; migration `i` brings the database to version `i + 1`.
const MIGRATIONS: &[&str] = &[V1, V2, V3, V4, V5, V6, V7, V8, V9, V10, V11, V12, V13, V14, V15];

/// The version a database has after all migrations.
pub const LATEST: i64 = MIGRATIONS.len() as i64;

/// Applies every migration the database lacks, each in its own transaction.
pub fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    migrate_to(conn, LATEST)
}

/// Applies the migrations up to `version` (an older ledger, for the upgrade tests).
/// Foreign keys are off meanwhile, so that a migration may rebuild a table others refer
/// to; none may leave more broken references than it found (`check` reports those).
pub fn migrate_to(conn: &mut Connection, version: i64) -> rusqlite::Result<()> {
    let current: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let upto = usize::try_from(version).unwrap_or(0);
    if current.max(0) as usize >= upto.min(MIGRATIONS.len()) {
        // nothing pending: no check of the references on an ordinary open
        return Ok(());
    }
    let keys: bool = conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?;
    conn.pragma_update(None, "foreign_keys", false)?;
    let done = (|| {
        let mut broken = broken_references(conn)?;
        for (i, sql) in MIGRATIONS.iter().enumerate().take(upto).skip(current.max(0) as usize) {
            let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            tx.execute_batch(sql)?;
            let now = broken_references(&tx)?;
            if now > broken {
                return Err(rusqlite::Error::SqliteFailure(
                    rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CONSTRAINT_FOREIGNKEY),
                    Some(format!("migration {} would break {} references", i + 1, now - broken)),
                ));
            }
            broken = now;
            tx.pragma_update(None, "user_version", i as i64 + 1)?;
            tx.commit()?;
        }
        Ok(())
    })();
    conn.pragma_update(None, "foreign_keys", keys)?;
    done
}

fn broken_references(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0))
}

const V1: &str = r#"
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE sequences (name TEXT PRIMARY KEY, last INTEGER NOT NULL);

CREATE TABLE units (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('department', 'village'))
);

CREATE TABLE staff (
    login TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    unit_id INTEGER REFERENCES units(id),
    role TEXT NOT NULL CHECK (role IN ('admin', 'officer', 'viewer')),
    phone TEXT NOT NULL DEFAULT ''
);

CREATE TABLE enterprises (
    id INTEGER PRIMARY KEY,
    credit_code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    sector TEXT NOT NULL,
    high_risk INTEGER NOT NULL DEFAULT 0,
    village_id INTEGER REFERENCES units(id),
    department_id INTEGER REFERENCES units(id),
    principal TEXT NOT NULL DEFAULT '',
    principal_phone TEXT NOT NULL DEFAULT '',
    controller TEXT NOT NULL DEFAULT '',
    controller_phone TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT ''
);
CREATE INDEX enterprises_name ON enterprises(name);

CREATE TABLE hazards (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    enterprise_id INTEGER NOT NULL REFERENCES enterprises(id),
    village_id INTEGER NOT NULL DEFAULT 0,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    grade TEXT NOT NULL CHECK (grade IN ('major', 'general')),
    sector TEXT NOT NULL,
    standard_ref TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL CHECK (source IN ('self_report', 'inspection', 'public_report')),
    discovered_on TEXT NOT NULL,
    deadline TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('registered', 'rectifying', 'verifying', 'closed')),
    plan_responsible TEXT NOT NULL DEFAULT '',
    plan_measures TEXT NOT NULL DEFAULT '',
    plan_funds TEXT NOT NULL DEFAULT '',
    plan_deadline TEXT NOT NULL DEFAULT '',
    plan_contingency TEXT NOT NULL DEFAULT '',
    owner_unit_id INTEGER REFERENCES units(id),
    assignee TEXT REFERENCES staff(login),
    escalation_level INTEGER NOT NULL DEFAULT 0 CHECK (escalation_level BETWEEN 0 AND 4),
    listed_unit TEXT NOT NULL DEFAULT '',
    stopped_production INTEGER NOT NULL DEFAULT 0,
    round INTEGER NOT NULL DEFAULT 1,
    last_progress_on TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    closed_at TEXT,
    CHECK ((status = 'closed') = (closed_at IS NOT NULL))
);
CREATE INDEX hazards_open_deadline ON hazards(deadline, id) WHERE status <> 'closed';
CREATE INDEX hazards_verifying ON hazards(updated_at, id) WHERE status = 'verifying';
CREATE INDEX hazards_closed_at ON hazards(closed_at) WHERE closed_at IS NOT NULL;
CREATE INDEX hazards_discovered ON hazards(discovered_on, id);
CREATE INDEX hazards_enterprise ON hazards(enterprise_id);
CREATE INDEX hazards_assignee ON hazards(assignee, deadline) WHERE assignee IS NOT NULL;
CREATE INDEX hazards_village ON hazards(village_id, deadline);
CREATE INDEX hazards_sector ON hazards(sector, deadline);

CREATE TABLE timeline (
    id INTEGER PRIMARY KEY,
    hazard_id INTEGER NOT NULL REFERENCES hazards(id),
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    kind TEXT NOT NULL,
    field TEXT,
    from_value TEXT,
    to_value TEXT,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX timeline_hazard ON timeline(hazard_id, id);
CREATE TRIGGER timeline_no_update BEFORE UPDATE ON timeline
BEGIN SELECT RAISE(ABORT, 'the timeline is append-only'); END;
CREATE TRIGGER timeline_no_delete BEFORE DELETE ON timeline
BEGIN SELECT RAISE(ABORT, 'the timeline is append-only'); END;

CREATE TABLE verifications (
    id INTEGER PRIMARY KEY,
    hazard_id INTEGER NOT NULL REFERENCES hazards(id),
    round INTEGER NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('regulator', 'expert', 'enterprise')),
    name TEXT NOT NULL,
    organisation TEXT NOT NULL DEFAULT '',
    date TEXT NOT NULL,
    verdict TEXT NOT NULL CHECK (verdict IN ('pass', 'fail')),
    opinion TEXT NOT NULL DEFAULT '',
    actor TEXT NOT NULL
);
CREATE INDEX verifications_hazard ON verifications(hazard_id, round);

CREATE TABLE escalations (
    id INTEGER PRIMARY KEY,
    hazard_id INTEGER NOT NULL REFERENCES hazards(id),
    level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4),
    doc_no TEXT NOT NULL UNIQUE,
    date TEXT NOT NULL,
    actor TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX escalations_hazard ON escalations(hazard_id);
CREATE INDEX escalations_date ON escalations(date);

CREATE TABLE notifications (
    id INTEGER PRIMARY KEY,
    hazard_id INTEGER NOT NULL REFERENCES hazards(id),
    recipient TEXT NOT NULL CHECK (recipient IN ('principal', 'controller')),
    channel TEXT NOT NULL,
    date TEXT NOT NULL,
    acknowledged INTEGER NOT NULL DEFAULT 0,
    actor TEXT NOT NULL
);
CREATE INDEX notifications_hazard ON notifications(hazard_id);

-- Counters kept in step with the ledger by triggers, for the overview.
CREATE TABLE hazard_tally (
    village_id INTEGER NOT NULL,
    sector TEXT NOT NULL,
    source TEXT NOT NULL,
    grade TEXT NOT NULL,
    status TEXT NOT NULL,
    stock INTEGER NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (village_id, sector, source, grade, status, stock)
) WITHOUT ROWID;

CREATE TABLE hazard_months (
    month TEXT NOT NULL,
    grade TEXT NOT NULL,
    found INTEGER NOT NULL DEFAULT 0,
    closed INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (month, grade)
) WITHOUT ROWID;

CREATE TRIGGER hazards_tally_insert AFTER INSERT ON hazards BEGIN
    INSERT INTO hazard_tally VALUES (NEW.village_id, NEW.sector, NEW.source, NEW.grade, NEW.status,
        NEW.discovered_on <= '2023-12-31', 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
    INSERT INTO hazard_months VALUES (substr(NEW.discovered_on, 1, 7), NEW.grade, 1, 0)
    ON CONFLICT DO UPDATE SET found = found + 1;
    INSERT INTO hazard_months SELECT substr(NEW.closed_at, 1, 7), NEW.grade, 0, 1 WHERE NEW.closed_at IS NOT NULL
    ON CONFLICT DO UPDATE SET closed = closed + 1;
END;

CREATE TRIGGER hazards_tally_delete AFTER DELETE ON hazards BEGIN
    UPDATE hazard_tally SET n = n - 1 WHERE village_id = OLD.village_id AND sector = OLD.sector
        AND source = OLD.source AND grade = OLD.grade AND status = OLD.status
        AND stock = (OLD.discovered_on <= '2023-12-31');
    UPDATE hazard_months SET found = found - 1 WHERE month = substr(OLD.discovered_on, 1, 7) AND grade = OLD.grade;
    UPDATE hazard_months SET closed = closed - 1 WHERE OLD.closed_at IS NOT NULL
        AND month = substr(OLD.closed_at, 1, 7) AND grade = OLD.grade;
END;

CREATE TRIGGER hazards_tally_update AFTER UPDATE OF village_id, sector, source, grade, status, discovered_on, closed_at
ON hazards BEGIN
    UPDATE hazard_tally SET n = n - 1 WHERE village_id = OLD.village_id AND sector = OLD.sector
        AND source = OLD.source AND grade = OLD.grade AND status = OLD.status
        AND stock = (OLD.discovered_on <= '2023-12-31');
    INSERT INTO hazard_tally VALUES (NEW.village_id, NEW.sector, NEW.source, NEW.grade, NEW.status,
        NEW.discovered_on <= '2023-12-31', 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
    UPDATE hazard_months SET found = found - 1 WHERE month = substr(OLD.discovered_on, 1, 7) AND grade = OLD.grade;
    INSERT INTO hazard_months VALUES (substr(NEW.discovered_on, 1, 7), NEW.grade, 1, 0)
    ON CONFLICT DO UPDATE SET found = found + 1;
    UPDATE hazard_months SET closed = closed - 1 WHERE OLD.closed_at IS NOT NULL
        AND month = substr(OLD.closed_at, 1, 7) AND grade = OLD.grade;
    INSERT INTO hazard_months SELECT substr(NEW.closed_at, 1, 7), NEW.grade, 0, 1 WHERE NEW.closed_at IS NOT NULL
    ON CONFLICT DO UPDATE SET closed = closed + 1;
END;
"#;

/// The quarterly consultation: its record, agenda topics, follow-up actions and events.
const V2: &str = r#"
CREATE TABLE consultations (
    id INTEGER PRIMARY KEY,
    quarter TEXT NOT NULL UNIQUE,
    held_on TEXT,
    place TEXT NOT NULL DEFAULT '',
    chair TEXT NOT NULL DEFAULT '',
    attendees TEXT NOT NULL DEFAULT '',
    held INTEGER NOT NULL DEFAULT 0 CHECK (held IN (0, 1)),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (held = 0 OR held_on IS NOT NULL)
);

CREATE TABLE topics (
    id INTEGER PRIMARY KEY,
    consultation_id INTEGER NOT NULL REFERENCES consultations(id),
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('overall', 'stock', 'overdue', 'escalation', 'verification', 'places',
        'follow_up', 'manual')),
    title TEXT NOT NULL DEFAULT '',
    proposal TEXT NOT NULL DEFAULT '',
    decision TEXT NOT NULL DEFAULT '',
    dropped INTEGER NOT NULL DEFAULT 0 CHECK (dropped IN (0, 1)),
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX topics_consultation ON topics(consultation_id, position);

CREATE TABLE actions (
    id INTEGER PRIMARY KEY,
    consultation_id INTEGER REFERENCES consultations(id),
    topic_id INTEGER REFERENCES topics(id),
    title TEXT NOT NULL,
    lead_unit_id INTEGER REFERENCES units(id),
    assignee TEXT REFERENCES staff(login),
    due_on TEXT NOT NULL,
    done_on TEXT,
    note TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX actions_open_due ON actions(due_on, id) WHERE done_on IS NULL;
CREATE INDEX actions_consultation ON actions(consultation_id, due_on);

CREATE TABLE consultation_events (
    id INTEGER PRIMARY KEY,
    consultation_id INTEGER NOT NULL REFERENCES consultations(id),
    topic_id INTEGER REFERENCES topics(id),
    action_id INTEGER REFERENCES actions(id),
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    kind TEXT NOT NULL,
    field TEXT,
    from_value TEXT,
    to_value TEXT,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX consultation_events_consultation ON consultation_events(consultation_id, id);
CREATE TRIGGER consultation_events_no_update BEFORE UPDATE ON consultation_events
BEGIN SELECT RAISE(ABORT, 'consultation events are append-only'); END;
CREATE TRIGGER consultation_events_no_delete BEFORE DELETE ON consultation_events
BEGIN SELECT RAISE(ABORT, 'consultation events are append-only'); END;

CREATE INDEX verifications_failed ON verifications(date) WHERE verdict = 'fail';
"#;

/// Speed at county scale: open hazards counted by deadline and escalation level (the
/// overdue, due-soon and escalation-queue figures without scanning the ledger), the
/// unescalated open hazards by last progress (the stalled part of the queue), and
/// every hazard by deadline (the ledger sorted by deadline reads in index order).
const V3: &str = r#"
CREATE TABLE hazard_due (
    deadline TEXT NOT NULL,
    level INTEGER NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (deadline, level)
) WITHOUT ROWID;
INSERT INTO hazard_due SELECT deadline, escalation_level, count(*) FROM hazards WHERE status <> 'closed' GROUP BY 1, 2;

CREATE TRIGGER hazards_due_insert AFTER INSERT ON hazards WHEN NEW.status <> 'closed' BEGIN
    INSERT INTO hazard_due VALUES (NEW.deadline, NEW.escalation_level, 1) ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER hazards_due_delete AFTER DELETE ON hazards WHEN OLD.status <> 'closed' BEGIN
    UPDATE hazard_due SET n = n - 1 WHERE deadline = OLD.deadline AND level = OLD.escalation_level;
END;

CREATE TRIGGER hazards_due_update AFTER UPDATE OF status, deadline, escalation_level ON hazards BEGIN
    UPDATE hazard_due SET n = n - 1
        WHERE OLD.status <> 'closed' AND deadline = OLD.deadline AND level = OLD.escalation_level;
    INSERT INTO hazard_due SELECT NEW.deadline, NEW.escalation_level, 1 WHERE NEW.status <> 'closed'
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE INDEX hazards_stalled ON hazards(last_progress_on, deadline) WHERE status <> 'closed' AND escalation_level = 0;
CREATE INDEX hazards_deadline ON hazards(deadline, id);
"#;

/// Trust: the ledger-wide settings (rights and the rules behind official figures), and
/// the append-only log of changes to the ledger itself (a setting, later a role).
const V4: &str = r#"
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE ledger_events (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    kind TEXT NOT NULL,
    field TEXT,
    from_value TEXT,
    to_value TEXT,
    note TEXT NOT NULL DEFAULT ''
);
CREATE TRIGGER ledger_events_no_update BEFORE UPDATE ON ledger_events
BEGIN SELECT RAISE(ABORT, 'the ledger log is append-only'); END;
CREATE TRIGGER ledger_events_no_delete BEFORE DELETE ON ledger_events
BEGIN SELECT RAISE(ABORT, 'the ledger log is append-only'); END;
"#;

/// Trust: every staff member's role as a ledger event, so that `check` can tell a role
/// given through the program from one written by hand (the roles there at the upgrade
/// are recorded as found).
const V5: &str = r#"
INSERT INTO ledger_events (at, actor, kind, field, from_value, to_value, note)
SELECT strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime'), 'anwei', 'staff', login, '', role, 'recorded at the upgrade'
FROM staff;
"#;

/// Trust: each hazard's values as it was created (deadline, assignee, plan), kept by a
/// trigger whatever writes the row and never changed, so that `check` can tell a value
/// that no event explains (the hazards there at the upgrade are recorded as found).
const V6: &str = r#"
CREATE TABLE hazard_openings (
    hazard_id INTEGER PRIMARY KEY REFERENCES hazards(id),
    deadline TEXT NOT NULL,
    assignee TEXT,
    plan_responsible TEXT NOT NULL,
    plan_measures TEXT NOT NULL,
    plan_funds TEXT NOT NULL,
    plan_deadline TEXT NOT NULL,
    plan_contingency TEXT NOT NULL
);
INSERT INTO hazard_openings SELECT id, deadline, assignee, plan_responsible, plan_measures, plan_funds,
    plan_deadline, plan_contingency FROM hazards;
CREATE TRIGGER hazards_opening AFTER INSERT ON hazards BEGIN
    INSERT INTO hazard_openings VALUES (NEW.id, NEW.deadline, NEW.assignee, NEW.plan_responsible,
        NEW.plan_measures, NEW.plan_funds, NEW.plan_deadline, NEW.plan_contingency);
END;
CREATE TRIGGER hazard_openings_no_update BEFORE UPDATE ON hazard_openings
BEGIN SELECT RAISE(ABORT, 'a hazard''s opening values never change'); END;
CREATE TRIGGER hazard_openings_no_delete BEFORE DELETE ON hazard_openings
BEGIN SELECT RAISE(ABORT, 'a hazard''s opening values never change'); END;
"#;

/// Undo: the writes each event belongs to (one write, or one bulk action on several
/// hazards, is one batch), the escalation documents withdrawn by an undo (never deleted,
/// never reused), and each person's events by time.
const V7: &str = r#"
ALTER TABLE timeline ADD COLUMN batch INTEGER;
CREATE INDEX timeline_actor ON timeline(actor, id);
CREATE INDEX timeline_batch ON timeline(batch) WHERE batch IS NOT NULL;
CREATE TABLE withdrawn_documents (
    doc_no TEXT PRIMARY KEY REFERENCES escalations(doc_no),
    at TEXT NOT NULL,
    actor TEXT NOT NULL
);
CREATE TRIGGER withdrawn_documents_no_update BEFORE UPDATE ON withdrawn_documents
BEGIN SELECT RAISE(ABORT, 'a withdrawn document stays withdrawn'); END;
CREATE TRIGGER withdrawn_documents_no_delete BEFORE DELETE ON withdrawn_documents
BEGIN SELECT RAISE(ABORT, 'a withdrawn document stays withdrawn'); END;
"#;

/// The month counters split into stock (found by 2023) and increment, so that the trend
/// tells them apart; rebuilt from the hazards, with the triggers that keep them.
const V8: &str = r#"
CREATE TABLE hazard_months_v8 (
    month TEXT NOT NULL,
    grade TEXT NOT NULL,
    stock INTEGER NOT NULL,
    found INTEGER NOT NULL DEFAULT 0,
    closed INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (month, grade, stock)
) WITHOUT ROWID;
INSERT INTO hazard_months_v8 (month, grade, stock, found, closed)
SELECT month, grade, stock, SUM(f), SUM(c) FROM (
    SELECT substr(discovered_on, 1, 7) AS month, grade, discovered_on <= '2023-12-31' AS stock, 1 AS f, 0 AS c
    FROM hazards
    UNION ALL
    SELECT substr(closed_at, 1, 7), grade, discovered_on <= '2023-12-31', 0, 1 FROM hazards WHERE closed_at IS NOT NULL
) GROUP BY month, grade, stock;
DROP TRIGGER IF EXISTS hazards_tally_insert;
DROP TRIGGER IF EXISTS hazards_tally_delete;
DROP TRIGGER IF EXISTS hazards_tally_update;
DROP TABLE hazard_months;
ALTER TABLE hazard_months_v8 RENAME TO hazard_months;

CREATE TRIGGER hazards_tally_insert AFTER INSERT ON hazards BEGIN
    INSERT INTO hazard_tally VALUES (NEW.village_id, NEW.sector, NEW.source, NEW.grade, NEW.status,
        NEW.discovered_on <= '2023-12-31', 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
    INSERT INTO hazard_months VALUES (substr(NEW.discovered_on, 1, 7), NEW.grade, NEW.discovered_on <= '2023-12-31', 1, 0)
    ON CONFLICT DO UPDATE SET found = found + 1;
    INSERT INTO hazard_months SELECT substr(NEW.closed_at, 1, 7), NEW.grade, NEW.discovered_on <= '2023-12-31', 0, 1
    WHERE NEW.closed_at IS NOT NULL
    ON CONFLICT DO UPDATE SET closed = closed + 1;
END;

CREATE TRIGGER hazards_tally_delete AFTER DELETE ON hazards BEGIN
    UPDATE hazard_tally SET n = n - 1 WHERE village_id = OLD.village_id AND sector = OLD.sector
        AND source = OLD.source AND grade = OLD.grade AND status = OLD.status
        AND stock = (OLD.discovered_on <= '2023-12-31');
    UPDATE hazard_months SET found = found - 1 WHERE month = substr(OLD.discovered_on, 1, 7) AND grade = OLD.grade
        AND stock = (OLD.discovered_on <= '2023-12-31');
    UPDATE hazard_months SET closed = closed - 1 WHERE OLD.closed_at IS NOT NULL
        AND month = substr(OLD.closed_at, 1, 7) AND grade = OLD.grade AND stock = (OLD.discovered_on <= '2023-12-31');
END;

CREATE TRIGGER hazards_tally_update AFTER UPDATE OF village_id, sector, source, grade, status, discovered_on, closed_at
ON hazards BEGIN
    UPDATE hazard_tally SET n = n - 1 WHERE village_id = OLD.village_id AND sector = OLD.sector
        AND source = OLD.source AND grade = OLD.grade AND status = OLD.status
        AND stock = (OLD.discovered_on <= '2023-12-31');
    INSERT INTO hazard_tally VALUES (NEW.village_id, NEW.sector, NEW.source, NEW.grade, NEW.status,
        NEW.discovered_on <= '2023-12-31', 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
    UPDATE hazard_months SET found = found - 1 WHERE month = substr(OLD.discovered_on, 1, 7) AND grade = OLD.grade
        AND stock = (OLD.discovered_on <= '2023-12-31');
    INSERT INTO hazard_months VALUES (substr(NEW.discovered_on, 1, 7), NEW.grade, NEW.discovered_on <= '2023-12-31', 1, 0)
    ON CONFLICT DO UPDATE SET found = found + 1;
    UPDATE hazard_months SET closed = closed - 1 WHERE OLD.closed_at IS NOT NULL
        AND month = substr(OLD.closed_at, 1, 7) AND grade = OLD.grade AND stock = (OLD.discovered_on <= '2023-12-31');
    INSERT INTO hazard_months SELECT substr(NEW.closed_at, 1, 7), NEW.grade, NEW.discovered_on <= '2023-12-31', 0, 1
    WHERE NEW.closed_at IS NOT NULL
    ON CONFLICT DO UPDATE SET closed = closed + 1;
END;
"#;

/// Enterprises edited in the full screen and from the command line: a version for
/// conflicts, and their own append-only log of audited events.
const V9: &str = r#"
ALTER TABLE enterprises ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE TABLE enterprise_events (
    id INTEGER PRIMARY KEY,
    enterprise_id INTEGER NOT NULL REFERENCES enterprises(id),
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    kind TEXT NOT NULL,
    field TEXT,
    from_value TEXT,
    to_value TEXT,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX enterprise_events_enterprise ON enterprise_events(enterprise_id, id);
CREATE TRIGGER enterprise_events_no_update BEFORE UPDATE ON enterprise_events
BEGIN SELECT RAISE(ABORT, 'the enterprise log is append-only'); END;
CREATE TRIGGER enterprise_events_no_delete BEFORE DELETE ON enterprise_events
BEGIN SELECT RAISE(ABORT, 'the enterprise log is append-only'); END;
"#;

/// Head-led inspections (主要负责人带队检查), append-only like the logs, with the hazards
/// each found.
const V10: &str = r#"
CREATE TABLE inspections (
    id INTEGER PRIMARY KEY,
    enterprise_id INTEGER NOT NULL REFERENCES enterprises(id),
    inspected_on TEXT NOT NULL,
    led_by TEXT NOT NULL,
    by_principal INTEGER NOT NULL CHECK (by_principal IN (0, 1)),
    instead_reason TEXT NOT NULL DEFAULT '',
    scope TEXT NOT NULL DEFAULT '',
    findings TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    CHECK (by_principal = 1 OR instead_reason <> '')
);
CREATE INDEX inspections_enterprise ON inspections(enterprise_id, inspected_on);
CREATE TABLE inspection_hazards (
    inspection_id INTEGER NOT NULL REFERENCES inspections(id),
    hazard_id INTEGER NOT NULL REFERENCES hazards(id),
    PRIMARY KEY (inspection_id, hazard_id)
) WITHOUT ROWID;
CREATE TRIGGER inspections_no_update BEFORE UPDATE ON inspections
BEGIN SELECT RAISE(ABORT, 'an inspection stays as recorded'); END;
CREATE TRIGGER inspections_no_delete BEFORE DELETE ON inspections
BEGIN SELECT RAISE(ABORT, 'an inspection stays as recorded'); END;
CREATE TRIGGER inspection_hazards_no_update BEFORE UPDATE ON inspection_hazards
BEGIN SELECT RAISE(ABORT, 'an inspection stays as recorded'); END;
CREATE TRIGGER inspection_hazards_no_delete BEFORE DELETE ON inspection_hazards
BEGIN SELECT RAISE(ABORT, 'an inspection stays as recorded'); END;
"#;

/// The duties: each enterprise's last head-led inspection (kept by a trigger, for the
/// enterprises behind); towards a major hazard: who acknowledged a notification and when; which of
/// the principal and the controller have been told (kept by a trigger, for the list of
/// those not yet notified); listed supervision (挂牌督办), the stopped-production order
/// and the resumption applications with their on-site reviews.
const V11: &str = r#"
ALTER TABLE enterprises ADD COLUMN last_inspected_on TEXT;
UPDATE enterprises SET last_inspected_on = (SELECT MAX(inspected_on) FROM inspections i WHERE i.enterprise_id = enterprises.id);
CREATE TRIGGER inspections_mark AFTER INSERT ON inspections BEGIN
    UPDATE enterprises SET last_inspected_on = NEW.inspected_on
    WHERE id = NEW.enterprise_id AND (last_inspected_on IS NULL OR last_inspected_on < NEW.inspected_on);
END;
CREATE INDEX enterprises_last_inspected ON enterprises(last_inspected_on, id);

CREATE TABLE notification_acks (
    notification_id INTEGER PRIMARY KEY REFERENCES notifications(id),
    by_name TEXT NOT NULL,
    date TEXT NOT NULL,
    at TEXT NOT NULL,
    actor TEXT NOT NULL
);
CREATE TRIGGER notification_acks_no_update BEFORE UPDATE ON notification_acks
BEGIN SELECT RAISE(ABORT, 'an acknowledgement stays as recorded'); END;
CREATE TRIGGER notification_acks_no_delete BEFORE DELETE ON notification_acks
BEGIN SELECT RAISE(ABORT, 'an acknowledgement stays as recorded'); END;
CREATE TRIGGER notifications_no_update BEFORE UPDATE ON notifications
BEGIN SELECT RAISE(ABORT, 'a notification stays as recorded'); END;
CREATE TRIGGER notifications_no_delete BEFORE DELETE ON notifications
BEGIN SELECT RAISE(ABORT, 'a notification stays as recorded'); END;

ALTER TABLE hazards ADD COLUMN notified INTEGER NOT NULL DEFAULT 0;
UPDATE hazards SET notified =
    IIF(EXISTS (SELECT 1 FROM notifications n WHERE n.hazard_id = hazards.id AND n.recipient = 'principal'), 1, 0)
  + IIF(EXISTS (SELECT 1 FROM notifications n WHERE n.hazard_id = hazards.id AND n.recipient = 'controller'), 2, 0);
CREATE TRIGGER notifications_mark AFTER INSERT ON notifications BEGIN
    UPDATE hazards SET notified = notified | IIF(NEW.recipient = 'principal', 1, 2) WHERE id = NEW.hazard_id;
END;
CREATE INDEX hazards_not_notified ON hazards(deadline, id)
    WHERE grade = 'major' AND status <> 'closed' AND notified <> 3;

ALTER TABLE hazards ADD COLUMN listed_on TEXT;
ALTER TABLE hazards ADD COLUMN listing_responsible TEXT NOT NULL DEFAULT '';
ALTER TABLE hazards ADD COLUMN listing_doc TEXT NOT NULL DEFAULT '';
ALTER TABLE hazards ADD COLUMN stopped_on TEXT;
ALTER TABLE hazards ADD COLUMN stop_partial INTEGER NOT NULL DEFAULT 0;
UPDATE hazards SET listed_on = discovered_on WHERE listed_unit <> '';
UPDATE hazards SET stopped_on = discovered_on WHERE stopped_production <> 0;
CREATE INDEX hazards_listed ON hazards(deadline, id) WHERE listed_unit <> '';

CREATE TABLE resumptions (
    id INTEGER PRIMARY KEY,
    hazard_id INTEGER NOT NULL REFERENCES hazards(id),
    applied_on TEXT NOT NULL,
    evaluator_kind TEXT NOT NULL CHECK (evaluator_kind IN ('own_experts', 'agency')),
    evaluator TEXT NOT NULL,
    report TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    reviewed_on TEXT,
    decision TEXT CHECK (decision IN ('approved', 'refused')),
    reviewer TEXT NOT NULL DEFAULT '',
    opinion TEXT NOT NULL DEFAULT '',
    review_at TEXT,
    review_actor TEXT,
    CHECK ((decision IS NULL) = (reviewed_on IS NULL))
);
CREATE INDEX resumptions_hazard ON resumptions(hazard_id, id);
CREATE INDEX resumptions_pending ON resumptions(applied_on, id) WHERE decision IS NULL;
CREATE TRIGGER resumptions_no_delete BEFORE DELETE ON resumptions
BEGIN SELECT RAISE(ABORT, 'a resumption stays as recorded'); END;
CREATE TRIGGER resumptions_review_once BEFORE UPDATE ON resumptions
WHEN OLD.decision IS NOT NULL OR NEW.hazard_id IS NOT OLD.hazard_id OR NEW.applied_on IS NOT OLD.applied_on
  OR NEW.evaluator_kind IS NOT OLD.evaluator_kind OR NEW.evaluator IS NOT OLD.evaluator
  OR NEW.report IS NOT OLD.report OR NEW.at IS NOT OLD.at OR NEW.actor IS NOT OLD.actor
BEGIN SELECT RAISE(ABORT, 'a resumption stays as recorded; only its one review is added'); END;
"#;

/// The agenda's section on the enterprises' duties: the topics table rebuilt to take its
/// kind (foreign keys are off while migrations run).
const V12: &str = r#"
CREATE TABLE topics_v12 (
    id INTEGER PRIMARY KEY,
    consultation_id INTEGER NOT NULL REFERENCES consultations(id),
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('overall', 'stock', 'overdue', 'escalation', 'verification', 'places',
        'duties', 'follow_up', 'manual')),
    title TEXT NOT NULL DEFAULT '',
    proposal TEXT NOT NULL DEFAULT '',
    decision TEXT NOT NULL DEFAULT '',
    dropped INTEGER NOT NULL DEFAULT 0 CHECK (dropped IN (0, 1)),
    version INTEGER NOT NULL DEFAULT 1
);
INSERT INTO topics_v12 SELECT id, consultation_id, position, kind, title, proposal, decision, dropped, version FROM topics;
DROP TABLE topics;
ALTER TABLE topics_v12 RENAME TO topics;
CREATE INDEX topics_consultation ON topics(consultation_id, position);
"#;

/// Indexes for the duties at county scale: the stopped-production list, and each
/// enterprise's open hazards by grade and deadline (its open major and overdue counts).
/// `IF NOT EXISTS`: a ledger made while they were part of migration 11 has them.
const V13: &str = r#"
CREATE INDEX IF NOT EXISTS hazards_stopped ON hazards(deadline, id) WHERE stopped_production <> 0;
CREATE INDEX IF NOT EXISTS hazards_enterprise_open ON hazards(enterprise_id, grade, deadline) WHERE status <> 'closed';
"#;

/// Evidence (整改佐证材料): files kept in the ledger with their name, size, SHA-256 and
/// kind, numbered per hazard, as added and never changed.
const V14: &str = r#"
CREATE TABLE attachments (
    id INTEGER PRIMARY KEY,
    hazard_id INTEGER NOT NULL REFERENCES hazards(id),
    n INTEGER NOT NULL,
    name TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('before', 'after', 'report', 'evaluation')),
    note TEXT NOT NULL DEFAULT '',
    data BLOB NOT NULL,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    UNIQUE (hazard_id, n)
);
CREATE TRIGGER attachments_no_update BEFORE UPDATE ON attachments
BEGIN SELECT RAISE(ABORT, 'an attachment stays as added'); END;
CREATE TRIGGER attachments_no_delete BEFORE DELETE ON attachments
BEGIN SELECT RAISE(ABORT, 'an attachment stays as added'); END;
"#;

/// Public tip-offs (举报, plan item 17): received, verified (核查) by a deadline, then
/// verified with the hazard registered from it or not verified with why; the reward and
/// the reporter told. Each change an event of its append-only log.
const V15: &str = r#"
CREATE TABLE tipoffs (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    received_on TEXT NOT NULL,
    channel TEXT NOT NULL CHECK (channel IN ('hotline', 'letter', 'visit', 'online', 'whistleblower')),
    anonymous INTEGER NOT NULL CHECK (anonymous IN (0, 1)),
    reporter TEXT NOT NULL DEFAULT '',
    contact TEXT NOT NULL DEFAULT '',
    enterprise_id INTEGER REFERENCES enterprises(id),
    enterprise_text TEXT NOT NULL DEFAULT '',
    content TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('received', 'verifying', 'verified', 'rejected')),
    assignee TEXT REFERENCES staff(login),
    due_on TEXT,
    outcome_on TEXT,
    outcome TEXT NOT NULL DEFAULT '',
    hazard_id INTEGER REFERENCES hazards(id),
    reward_yuan INTEGER,
    reward_approved_by TEXT NOT NULL DEFAULT '',
    reward_paid_on TEXT,
    told_on TEXT,
    told_channel TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (anonymous = 0 OR (reporter = '' AND contact = '')),
    CHECK (state <> 'verified' OR hazard_id IS NOT NULL),
    CHECK (reward_yuan IS NULL OR state = 'verified')
);
CREATE INDEX tipoffs_state ON tipoffs(state, due_on, id);
CREATE INDEX tipoffs_received ON tipoffs(received_on, id);
CREATE UNIQUE INDEX tipoffs_hazard ON tipoffs(hazard_id) WHERE hazard_id IS NOT NULL;
CREATE TABLE tipoff_events (
    id INTEGER PRIMARY KEY,
    tipoff_id INTEGER NOT NULL REFERENCES tipoffs(id),
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    kind TEXT NOT NULL,
    field TEXT,
    from_value TEXT,
    to_value TEXT,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX tipoff_events_tipoff ON tipoff_events(tipoff_id, id);
CREATE TRIGGER tipoff_events_no_update BEFORE UPDATE ON tipoff_events
BEGIN SELECT RAISE(ABORT, 'the tip-off log is append-only'); END;
CREATE TRIGGER tipoff_events_no_delete BEFORE DELETE ON tipoff_events
BEGIN SELECT RAISE(ABORT, 'the tip-off log is append-only'); END;
CREATE TRIGGER tipoffs_no_delete BEFORE DELETE ON tipoffs
BEGIN SELECT RAISE(ABORT, 'a tip-off stays in the ledger'); END;
"#;

/// The append-only guards of the three logs and of the hazards' opening values, as the
/// migrations create them: `check`
/// compares the database's with these.
pub fn guard_triggers() -> Vec<(&'static str, String)> {
    let names = [
        "timeline_no_update",
        "timeline_no_delete",
        "consultation_events_no_update",
        "consultation_events_no_delete",
        "ledger_events_no_update",
        "ledger_events_no_delete",
        "hazards_opening",
        "hazard_openings_no_update",
        "hazard_openings_no_delete",
        "withdrawn_documents_no_update",
        "withdrawn_documents_no_delete",
        "enterprise_events_no_update",
        "enterprise_events_no_delete",
        "inspections_no_update",
        "inspections_no_delete",
        "inspection_hazards_no_update",
        "inspection_hazards_no_delete",
        "notification_acks_no_update",
        "notification_acks_no_delete",
        "notifications_no_update",
        "notifications_no_delete",
        "notifications_mark",
        "inspections_mark",
        "attachments_no_update",
        "attachments_no_delete",
        "resumptions_no_delete",
        "resumptions_review_once",
        "tipoff_events_no_update",
        "tipoff_events_no_delete",
        "tipoffs_no_delete",
    ];
    names
        .iter()
        .filter_map(|name| {
            let head = format!("CREATE TRIGGER {name} ");
            let sql = MIGRATIONS.iter().find_map(|m| {
                let start = m.find(&head)?;
                let end = start + m[start..].find("END;")? + "END".len();
                Some(m[start..end].to_string())
            })?;
            Some((*name, sql))
        })
        .collect()
}
