//! Each screen's queries on a warm connection: the overview, the trend, and the first
//! page (with its count) of every list screen. `ANWEI_BENCH_DB=demo.db` measures a
//! given ledger (the 1M demo); otherwise a 20,000-hazard demo is made first.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use anwei::app::list::ListKind;
use anwei::protocol::PageQuery;
use criterion::{Criterion, criterion_group, criterion_main};

/// The rows of a 200x60 list, and one more to know whether more follow.
const ROWS: usize = 56;

fn queries(c: &mut Criterion) {
    let (path, _dir) = support::database();
    let store = support::open(&path);
    let mut g = c.benchmark_group("queries");
    g.sample_size(20);
    g.bench_function("overview", |b| b.iter(|| store.overview().unwrap()));
    g.bench_function("trend", |b| b.iter(|| store.trend(24).unwrap()));
    for (name, kind) in [
        ("ledger", ListKind::Ledger),
        ("overdue", ListKind::Overdue),
        ("escalation", ListKind::Escalation),
        ("verification", ListKind::Verification),
    ] {
        let q = PageQuery {
            filter: kind.base(),
            sort: kind.default_sort(),
            after: None,
            backward: false,
            limit: ROWS,
            count: true,
            sign_offs: kind == ListKind::Verification,
        };
        g.bench_function(name, |b| b.iter(|| anwei::worker::page(&store, &q).unwrap()));
    }
    g.finish();
}

criterion_group!(benches, queries);
criterion_main!(benches);
