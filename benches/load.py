#!/usr/bin/env python3
"""Bulk loads against the sqlite3 shell loading the same rows.

    benches/load.py --bin target/release/anwei --work $DATA/load [--hazards 1000000] [--pairs 3]

1. `anwei demo --hazards N` against the shell `.import`ing every table of that demo
   (exported to CSV beforehand, untimed) into an empty ledger of the same schema, so
   the same triggers and indexes run.
2. `anwei import hazards` of 100,000 rows against the shell `.import`ing the hazard and
   timeline rows that import wrote, into the same ledger before the import.
Prints the median of each side and the median of the per-pair ratios.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import time

TODAY = "2026-11-29"
TABLES = ["units", "staff", "enterprises", "hazards", "timeline", "verifications", "escalations",
          "notifications", "sequences", "meta"]


def run(argv, **kw):
    started = time.monotonic()
    subprocess.run(argv, check=True, capture_output=True, **kw)
    return time.monotonic() - started


def anwei(a, db, *args):
    return [a.bin, "--db", db, "--today", TODAY, *args]


def remove(db):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)


def export(db, tables, out):
    """Each table to out/TABLE.csv (with a header line), untimed."""
    for t in tables:
        subprocess.run(["sqlite3", "-csv", "-header", db, f"SELECT * FROM {t}"], check=True,
                       stdout=open(os.path.join(out, f"{t}.csv"), "w"))


def empty_ledger(a, db):
    """The schema of an anwei ledger with none of init's rows."""
    remove(db)
    subprocess.run(anwei(a, db, "init"), check=True, capture_output=True)
    subprocess.run(["sqlite3", db, "DELETE FROM staff; DELETE FROM meta;"], check=True)


def copy_statement(db, table):
    """INSERT … SELECT from the imported text table, turning empty cells back into NULL
    where the column may hold NULL (CSV cannot tell them apart)."""
    import sqlite3
    with sqlite3.connect(db) as c:
        cols = c.execute(f"PRAGMA table_info({table})").fetchall()
    exprs = [f"NULLIF(\"{col[1]}\", '')" if not col[3] else f"\"{col[1]}\"" for col in cols]
    return f"INSERT INTO {table} SELECT {', '.join(exprs)} FROM _in_{table};\n"


def shell_load(db, tables, src):
    script = "BEGIN;\n"
    for t in tables:
        script += f".import --csv {os.path.join(src, t + '.csv')} _in_{t}\n"
        script += copy_statement(db, t) + f"DROP TABLE _in_{t};\n"
    return run(["sqlite3", db], input=(script + "COMMIT;\n").encode())


def demo_pairs(a):
    db, src, shell_db = (os.path.join(a.work, n) for n in ("demo.db", "demo-csv", "shell-demo.db"))
    os.makedirs(src, exist_ok=True)
    ours, theirs = [], []
    for i in range(a.pairs):
        remove(db)
        ours.append(run(anwei(a, db, "demo", "--hazards", str(a.hazards), "--seed", "42")))
        if i == 0:
            export(db, TABLES, src)
        empty_ledger(a, shell_db)
        theirs.append(shell_load(shell_db, TABLES, src))
    return ours, theirs


def import_files(a):
    ent = os.path.join(a.work, "e.csv")
    haz = os.path.join(a.work, "h.csv")
    with open(ent, "w") as f:
        f.write("credit_code,name,sector,village,department\n")
        for i in range(1000):
            f.write(f"{credit_code(i)},企业{i},工贸,村{i % 20},应急管理办\n")
    with open(haz, "w") as f:
        f.write("enterprise,title,description,grade,source,discovered_on,deadline,owner\n")
        for i in range(100_000):
            f.write(f"{credit_code(i % 1000)},隐患{i},描述{i},重大,企业自查,2025/{i % 12 + 1}/{i % 28 + 1},2026-12-31,应急管理办\n")
    return ent, haz


def credit_code(i):
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    first = f"91370481MA{i:07d}"
    total = sum(alphabet.index(c) * w for c, w in zip(first, weights))
    return first + alphabet[(31 - total % 31) % 31]


def import_pairs(a):
    ent, haz = import_files(a)
    base, db, shell_db = (os.path.join(a.work, n) for n in ("base.db", "import.db", "shell-import.db"))
    src = os.path.join(a.work, "import-csv")
    os.makedirs(src, exist_ok=True)
    remove(base)
    subprocess.run(anwei(a, base, "init"), check=True, capture_output=True)
    subprocess.run(anwei(a, base, "import", "enterprises", ent), check=True, capture_output=True)
    ours, theirs = [], []
    for i in range(a.pairs):
        remove(db)
        shutil.copy(base, db)
        ours.append(run(anwei(a, db, "import", "hazards", haz)))
        if i == 0:
            export(db, ["hazards", "timeline"], src)
        remove(shell_db)
        shutil.copy(base, shell_db)
        theirs.append(shell_load(shell_db, ["hazards", "timeline"], src))
    return ours, theirs


def report(name, ours, theirs):
    ratios = [o / t for o, t in zip(ours, theirs)]
    print(f"{name}: anwei {statistics.median(ours):.2f} s, sqlite3 shell {statistics.median(theirs):.2f} s, "
          f"ratio {statistics.median(ratios):.2f}x ({len(ratios)} pairs)")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--bin", default="target/release/anwei")
    p.add_argument("--work", required=True)
    p.add_argument("--hazards", type=int, default=1_000_000)
    p.add_argument("--pairs", type=int, default=3)
    a = p.parse_args()
    a.bin = os.path.abspath(a.bin)
    os.makedirs(a.work, exist_ok=True)
    report("import hazards, 100,000 rows", *import_pairs(a))
    report(f"demo --hazards {a.hazards}", *demo_pairs(a))


if __name__ == "__main__":
    main()
