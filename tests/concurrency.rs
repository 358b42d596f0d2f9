//! Several processes writing one database at once, some killed with SIGKILL mid-run:
//! every acknowledged write is present, state agrees with the timeline, integrity holds.
//!
//! The test re-runs its own binary as the writer processes (`ANWEI_STRESS_CHILD`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::collections::HashSet;
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anwei::clock::Clock;
use anwei::domain::escalation::next_level;
use anwei::identity::os_login;
use anwei::store::{Actor, Store, StoreError};
use support::*;

const WRITERS: usize = 4;
const WRITES: usize = 150;
const HAZARDS: usize = 12;

/// A tiny deterministic generator for the children's choices.
fn next(seed: &mut u64) -> u64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed
}

fn spawn_writer(l: &Ledger, id: u64) -> Child {
    Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "writers_killed_at_random_lose_nothing_acknowledged", "--nocapture"])
        .env("ANWEI_STRESS_CHILD", l.path())
        .env("ANWEI_STRESS_ID", id.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// The writer: mixed writes at the version it last read; prints `ack TOKEN` after each commit.
fn child(db: &str, id: u64) {
    let mut store = Store::open(db.as_ref(), Actor::new(os_login()), Clock::fixed(today())).unwrap();
    let mut seed = 0x9E37_79B9_7F4A_7C15 ^ (id + 1);
    let out = std::io::stdout();
    let (mut conflicts, mut worst) = (0, Duration::ZERO);
    for n in 0..WRITES {
        let code = format!("GQ-2026-{:04}", next(&mut seed) % HAZARDS as u64 + 1);
        let d = store.detail(&code).unwrap();
        let token = format!("w{id}-{n}");
        let started = Instant::now();
        let result = match next(&mut seed) % 4 {
            0 if next_level(d.row.escalation_level).is_some() => {
                store.escalate(&code, Some(d.row.version), None, &token)
            }
            1 => store.extend(&code, Some(d.row.version), d.row.deadline + chrono::Duration::days(1), &token),
            2 => store.assign(&code, Some(d.row.version), "zhangwei", &token),
            _ => store.progress(&code, Some(d.row.version), &token),
        };
        worst = worst.max(started.elapsed());
        match result {
            Ok(_) => writeln!(out.lock(), "ack {token}").unwrap(),
            Err(StoreError::Conflict { .. }) => conflicts += 1,
            Err(e) => panic!("{e:?}"),
        }
    }
    writeln!(out.lock(), "done {conflicts} {}", worst.as_millis()).unwrap();
}

#[test]
fn writers_killed_at_random_lose_nothing_acknowledged() {
    if let (Ok(db), Ok(id)) = (std::env::var("ANWEI_STRESS_CHILD"), std::env::var("ANWEI_STRESS_ID")) {
        return child(&db, id.parse().unwrap());
    }
    let l = Ledger::new();
    for _ in 0..HAZARDS {
        l.hazard("2026-01-10", "2026-06-30");
    }
    let (mut acked, mut conflicts, mut worst, mut killed) = (HashSet::new(), 0u64, 0u64, 0);
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    for round in 0..4u64 {
        let mut children: Vec<Child> = (0..WRITERS as u64).map(|i| spawn_writer(&l, round * 10 + i)).collect();
        let readers: Vec<_> = children
            .iter_mut()
            .map(|c| {
                let out = BufReader::new(c.stdout.take().unwrap());
                std::thread::spawn(move || out.lines().map_while(Result::ok).collect::<Vec<String>>())
            })
            .collect();
        // From round 1 on, one writer is killed with SIGKILL at a random moment of its run.
        if round > 0 {
            std::thread::sleep(Duration::from_millis(20 + next(&mut seed) % 400));
            let victim = &mut children[round as usize % WRITERS];
            if victim.try_wait().unwrap().is_none() {
                victim.kill().unwrap();
                killed += 1;
            }
        }
        for lines in readers.into_iter().map(|r| r.join().unwrap()) {
            for line in lines {
                if let Some(token) = line.strip_prefix("ack ") {
                    acked.insert(token.to_string());
                } else if let Some(rest) = line.strip_prefix("done ") {
                    let mut it = rest.split(' ').map(|x| x.parse::<u64>().unwrap());
                    conflicts += it.next().unwrap();
                    worst = worst.max(it.next().unwrap());
                }
            }
        }
        for mut c in children {
            c.wait().unwrap();
        }
    }
    let conn = l.conn();
    let mut stmt = conn.prepare("SELECT note FROM timeline").unwrap();
    let notes: Vec<String> = stmt.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
    let found: HashSet<&str> = notes.iter().flat_map(|n| n.split(' ')).collect();
    let lost: Vec<&String> = acked.iter().filter(|t| !found.contains(t.as_str())).collect();
    assert!(lost.is_empty(), "acknowledged writes missing: {lost:?}");
    assert!(l.store().check().unwrap().is_empty(), "state disagrees with the timeline");
    eprintln!(
        "{} acknowledged writes, {conflicts} conflicts, {killed} writers killed, worst wait {worst} ms",
        acked.len()
    );
    assert!(killed > 0, "no writer was killed mid-run");
    assert!(acked.len() > WRITERS * WRITES, "too few writes were acknowledged: {}", acked.len());
}
