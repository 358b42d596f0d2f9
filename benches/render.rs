//! Rendering each screen at 200x60 in Chinese into a reused terminal buffer, with its
//! data loaded through the real worker.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use anwei::i18n::Lang;
use anwei::ui::theme::{Depth, Theme};
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn render(c: &mut Criterion) {
    let (path, _dir) = support::database();
    let theme = Theme::new(Depth::Colour256);
    let mut g = c.benchmark_group("render");
    for (name, key) in
        [("overview", '1'), ("ledger", '2'), ("overdue", '3'), ("escalation", '4'), ("verification", '5')]
    {
        let mut app = support::Driven::new(&path, Lang::Zh, 200, 60);
        app.keys(&key.to_string());
        let mut term = Terminal::new(TestBackend::new(200, 60)).unwrap();
        g.bench_function(name, |b| b.iter(|| term.draw(|f| anwei::ui::draw(f, &app.state, &theme)).unwrap().area));
        app.stop();
    }
    g.finish();
}

criterion_group!(benches, render);
criterion_main!(benches);
