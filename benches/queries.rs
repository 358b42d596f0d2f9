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
        ("not_notified", ListKind::NotNotified),
        ("listed", ListKind::Listed),
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
    enterprises(&mut g, &store);
    g.bench_function("inspections_behind", |b| b.iter(|| store.inspection_arrears(ROWS).unwrap()));
    g.bench_function("reviews_due", |b| b.iter(|| store.reviews_due(ROWS).unwrap()));
    g.finish();
}

/// The enterprises screen's first page with its count, by name and behind on
/// inspections, and one enterprise whole.
fn enterprises(g: &mut criterion::BenchmarkGroup<criterion::measurement::WallTime>, store: &anwei::store::Store) {
    use anwei::store::enterprise::{EnterpriseFilter, EnterpriseSort};
    for (name, filter) in [
        ("enterprises", EnterpriseFilter::default()),
        ("enterprises_behind", EnterpriseFilter { behind: true, ..EnterpriseFilter::default() }),
    ] {
        g.bench_function(name, |b| {
            b.iter(|| {
                let rows = store.enterprise_list(&filter, EnterpriseSort::Name, ROWS, 0).unwrap();
                (rows, store.enterprise_count(&filter).unwrap())
            })
        });
    }
    let first = store.enterprise_list(&EnterpriseFilter::default(), EnterpriseSort::Name, 1, 0).unwrap();
    let code = first[0].credit_code.clone();
    g.bench_function("enterprise_detail", |b| b.iter(|| store.enterprise(&code).unwrap()));
}

criterion_group!(benches, queries);
criterion_main!(benches);
