#!/usr/bin/env python3
"""Paired comparisons of anwei against the sqlite3 shell (and Taskwarrior / VisiData
when installed), A B A B ..., printed as a table of medians. Standard library only.

    benches/compare.py --db DEMO.db [--today 2026-11-29] [--pairs 11]

DEMO.db is `anwei demo --hazards 1000000 --seed 42 --today 2026-11-29 --db DEMO.db`.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def wall(argv, stdin=None):
    t = time.perf_counter()
    subprocess.run(argv, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - t


def paired(a, b, pairs):
    """Runs a and b alternately; returns (median a, median b, median of a/b)."""
    xs, ys = [], []
    for _ in range(pairs):
        xs.append(a())
        ys.append(b())
    return statistics.median(xs), statistics.median(ys), statistics.median(x / y for x, y in zip(xs, ys))


def shell_sql(anwei, db, today, screen):
    text = subprocess.run([anwei, "--today", today, "sql", screen], capture_output=True, text=True, check=True).stdout
    path = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"anwei-{screen}.sql")
    with open(path, "w") as f:
        f.write(text)
    return path


def harness(anwei, db, today):
    out = subprocess.run([sys.executable, os.path.join(HERE, "pty_harness.py"), "--bin", anwei, "--db", db,
                          "--today", today, "--json", "--keys", "2,down,down,pgdn,3,down,4,5,1"],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--bin", default="target/release/anwei")
    p.add_argument("--db", required=True)
    p.add_argument("--today", default="2026-11-29")
    p.add_argument("--pairs", type=int, default=11)
    a = p.parse_args()
    if not shutil.which("sqlite3"):
        sys.exit("sqlite3 is needed (apt-get install -y sqlite3)")
    rows = []
    for screen in ["overview", "trend", "ledger", "overdue", "escalation", "verification"]:
        sql = shell_sql(a.bin, a.db, a.today, screen)
        mine = [a.bin, "--db", a.db, "--today", a.today]
        prog = (lambda: wall(mine + ["overview", "--format", "json"])) if screen == "overview" else None
        if prog is None:
            continue
        x, y, r = paired(prog, lambda: wall(["sqlite3", a.db], stdin=open(sql)), a.pairs)
        rows.append(("overview refresh vs sqlite3 shell, same SQL", "<= 1.2x", f"{r:.2f}x ({x*1000:.1f} / {y*1000:.1f} ms)"))
    floor = lambda: wall(["sqlite3", a.db, "SELECT count(*) FROM hazards"])
    firsts, floors, ratios, runs = [], [], [], []
    for _ in range(a.pairs):
        h = harness(a.bin, a.db, a.today)
        f = floor() * 1000
        firsts.append(h["first_frame_ms"]); floors.append(f); ratios.append(h["first_frame_ms"] / f); runs.append(h)
    rows.append(("first full frame vs process floor", "<= 3x",
                 f"{statistics.median(ratios):.1f}x ({statistics.median(firsts):.1f} / {statistics.median(floors):.1f} ms)"))
    rows.append(("peak memory", "<= 64 MiB", f"{statistics.median(r['peak_memory_kib'] for r in runs) / 1024:.1f} MiB"))
    downs = [k["bytes"] for r in runs for k in r["keys"] if k["key"] == "down"]
    rows.append(("bytes for a one-row move (200x60)", "<= 1,500", f"{statistics.median(downs):.0f} (max {max(downs)})"))
    rows.append(("bytes while idle 1.5 s", "0", f"{max(r['idle_bytes_1_5s'] for r in runs)}"))
    lat = [k["latency_ms"] for r in runs for k in r["keys"] if k["latency_ms"] is not None]
    rows.append(("key to last byte", "<= 16 ms", f"median {statistics.median(lat):.1f} ms, max {max(lat):.1f} ms"))
    for tool in ["task", "vd"]:
        rows.append((f"{tool}", "", "installed" if shutil.which(tool) else "absent"))
    width = max(len(r[0]) for r in rows)
    print(f"{'mark':<{width}}  {'target':<10}  measured")
    for m, t, v in rows:
        print(f"{m:<{width}}  {t:<10}  {v}")


if __name__ == "__main__":
    main()
