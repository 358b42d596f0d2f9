#!/usr/bin/env python3
"""Many people, one database, over SSH: the end-to-end suite (run as root, e.g. in CI).

    tests/e2e/ssh_suite.py --bin target/debug/anwei

A private sshd on 127.0.0.1, test users in a group, tmux panes as their terminals,
one shared demo database. Prints `N passed, N failed`; exits non-zero on a failure.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Sshd, Suite, Tmux, processes  # noqa: E402

TODAY = "2026-11-29"
GROUP = "anwei_e2e"
USERS = {"anwei_a": "officer", "anwei_b": "officer", "anwei_v": "viewer"}
EVIL = "EVIL\x1b]2;PWNED\x07\x1b[31m\u202egnirts\u200b\u2066x"


class World:
    """The binary, the shared database and the sshd, set up once."""

    def __init__(self, binary):
        self.root = tempfile.mkdtemp(prefix="anwei-e2e-")
        os.chmod(self.root, 0o755)
        self.bin = os.path.join(self.root, "anwei")
        shutil.copy(binary, self.bin)
        os.chmod(self.bin, 0o755)
        self.db = os.path.join(self.root, "srv", "demo.db")
        self.hup_wrapper = os.path.join(self.root, "ignore-hup")
        with open(self.hup_wrapper, "w") as f:
            f.write('#!/bin/sh\ntrap "" HUP\nexec "$@"\n')
        os.chmod(self.hup_wrapper, 0o755)
        self.sshd = Sshd(list(USERS), port=22000 + os.getpid() % 1000)

    def admin(self, *args, check=True):
        env = dict(os.environ, ANWEI_TODAY=TODAY, ANWEI_LANG="en")
        out = subprocess.run([self.bin, "--db", self.db, *args], capture_output=True, text=True, env=env)
        if check and out.returncode != 0:
            raise RuntimeError(f"anwei {args}: {out.stderr}")
        return out.stdout

    def json(self, *args):
        return json.loads(self.admin(*args, "--format", "json"))

    def setup(self):
        if subprocess.run(["getent", "group", GROUP], capture_output=True).returncode != 0:
            subprocess.run(["groupadd", GROUP], check=True)
        os.makedirs(os.path.dirname(self.db), exist_ok=True)
        self.admin("demo", "--hazards", "600", "--seed", "11")
        self.sshd.start()
        for user, role in USERS.items():
            subprocess.run(["usermod", "-aG", GROUP, user], check=True)
            self.admin("staff", "add", user, "--name", user, "--role", role)
        code = self.admin("new", "--enterprise", self.json("list", "--limit", "1")[0]["enterprise"],
                          "--title", EVIL, "--deadline", "2026-12-31")
        self.evil_code = re.search(r"[A-Z]+-\d{4}-\d{4}", code).group(0)
        self.admin("init", "--shared", "--group", GROUP)

    def remote(self, user, lang="en", ignore_hup=False):
        cmd = (f"env ANWEI_TODAY={TODAY} ANWEI_LANG={lang} ANWEI_CONFIG=/nonexistent TERM=xterm-256color "
               f"{self.bin} --db {self.db}")
        if ignore_hup:
            cmd = f"{self.hup_wrapper} {cmd}"
        return self.sshd.command(user, f"'{cmd}'")

    def cleanup(self):
        self.sshd.stop()
        shutil.rmtree(self.root, ignore_errors=True)


def find(t, s, code):
    t.keys(s, "2")
    return t.search(s, code)


def open_pane(t, w, name, user, lang="en", size=(100, 30), ignore_hup=False):
    t.start(name, w.remote(user, lang, ignore_hup), *size)
    return t.wait_for(name, "Open major" if lang == "en" else "未销号重大隐患", 20)


def live_update(suite, t, w):
    code = w.json("list", "--escalation-queue", "--limit", "1")[0]["code"]
    find(t, "a", code)
    find(t, "b", code)
    t.keys("b", "Enter")
    t.wait_for("b", "Timeline", 5)
    t.keys("a", "e")
    t.keys("a", "Tab")
    t.literal("a", "live")
    t.keys("a", "C-s")
    t.wait_for("a", "document", 5)
    t.keys("a", "y")
    suite.check("A's escalation is saved", t.wait_for("a", "saved", 5) is not None, t.screen("a"))
    level = ["none", "letter", "circular", "summons", "exposure"][w.json("show", code)["escalation_level"]]
    started = time.monotonic()
    seen = t.wait_re("b", r"Escalation\s+" + level + r" \(", 1, 3)
    took = time.monotonic() - started
    suite.check(f"B sees A's escalation without a key ({took:.2f} s)", seen is not None and took <= 1.5, t.screen("b"))
    suite.check("B is told who changed what", f"anwei_a escalated: {code}" in t.screen("b"), t.screen("b"))
    t.keys("b", "Escape")


def same_moment(suite, t, w):
    code = w.json("list", "--escalation-queue", "--limit", "2")[-1]["code"]
    before = len(w.json("show", code)["escalations"])
    for s in ("a", "b"):
        find(t, s, code)
        t.keys(s, "e")
        t.keys(s, "Tab")
        t.literal(s, "race")
        t.keys(s, "C-s")
        t.wait_for(s, "document", 5)
    t.keys("a", "y")
    t.keys("b", "y")
    screens = ""
    for _ in range(30):
        screens += t.screen("a") + t.screen("b")
        time.sleep(0.05)
    after = w.json("show", code)
    suite.check("same-moment escalations: exactly one recorded", len(after["escalations"]) == before + 1,
                str(after["escalations"]))
    events = [e for e in after["timeline"] if e["kind"] == "escalated" and "race" in e["note"]]
    suite.check("same-moment escalations: one timeline event", len(events) == 1, str(events))
    status = t.screen("a").splitlines()[-2:] + t.screen("b").splitlines()[-2:]
    suite.check("the other is told who changed it", "was changed by" in screens, "\n".join(status))


def viewer(suite, t, w):
    code = w.json("list", "--escalation-queue", "--limit", "1")[0]["code"]
    before = w.json("show", code)["version"]
    open_pane(t, w, "v", "anwei_v")
    find(t, "v", code)
    t.keys("v", "e")
    shown = t.wait_for("v", "viewer", 3)
    suite.check("a viewer's write key is refused with the reason", shown is not None, t.screen("v"))
    suite.check("a viewer changes nothing", w.json("show", code)["version"] == before)
    out = subprocess.run(w.sshd.command("anwei_v", f"'env ANWEI_LANG=en {w.bin} --db {w.db} escalate {code}'",
                                        tty=False), shell=True, capture_output=True, text=True, timeout=20)
    suite.check("a viewer's command exits 4", out.returncode == 4, out.stderr)
    t.keys("v", "q")


def dropped(suite, t, w, ignore_hup):
    name = "drop-hup" if ignore_hup else "drop"
    label = "(SIGHUP ignored)" if ignore_hup else "(plain)"
    earlier = set(processes("anwei_b"))
    open_pane(t, w, name, "anwei_b", ignore_hup=ignore_hup)
    before = set(processes("anwei_b")) - earlier
    pane_pid = t.run("display", "-p", "-t", name, "#{pane_pid}").strip()
    subprocess.run(["pkill", "-KILL", "-P", pane_pid])
    subprocess.run(["kill", "-KILL", pane_pid])
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and before & set(processes("anwei_b")):
        time.sleep(0.1)
    left = before & set(processes("anwei_b"))
    suite.check(f"connection killed {label}: remote anwei gone within 5 s", before and not left, f"{before} {left}")


def cell_columns(line, pattern):
    """Display columns where `pattern` matches in `line` (wide characters count two)."""
    out = []
    for m in re.finditer(pattern, line):
        prefix = line[:m.start()]
        out.append(sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in prefix))
    return out


def alignment(suite, t, w):
    for width in (60, 100, 140):
        name = f"w{width}"
        open_pane(t, w, name, "anwei_a", lang="zh", size=(width, 30))
        t.keys(name, "2")
        t.wait_re(name, r"[A-Z]+-\d{4}-\d{4}", 10, 10)
        screen = t.settled(name)
        rows = [line for line in screen.splitlines() if re.search(r"[A-Z]+-\d{4}-\d{4}", line)]
        cols = {tuple(cell_columns(line, r"\d{4}-\d{2}-\d{2}")) for line in rows}
        suite.check(f"Chinese columns aligned at {width} columns ({len(rows)} rows)", len(rows) > 5 and len(cols) == 1,
                    screen)
        t.keys(name, "q")


def evil_title(suite, t, w):
    open_pane(t, w, "evil", "anwei_a")
    title_before = t.flags("evil").split("|", 1)[1]
    find(t, "evil", w.evil_code)
    t.keys("evil", "Enter")
    screen = t.wait_for("evil", "[Enterprise]", 5) and t.settled("evil")
    suite.check("escape sequences in a title are shown inert", screen is not None and "[U+202E]" in screen,
                t.screen("evil"))
    suite.check("the pane title is unchanged", t.flags("evil").split("|", 1)[1] == title_before, t.flags("evil"))
    t.keys("evil", "q")


def no_tty(suite, w):
    started = time.monotonic()
    out = subprocess.run(w.sshd.command("anwei_a", f"'{w.bin} --db {w.db}'", tty=False), shell=True,
                         capture_output=True, text=True, timeout=20)
    took = time.monotonic() - started
    suite.check(f"ssh -T fails fast with a message ({took:.1f} s)",
                # in the ledger's language (Chinese unless set), whatever the server's LANG
                out.returncode != 0 and "终端" in out.stderr and took < 10, out.stderr)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--bin", default="target/debug/anwei")
    a = p.parse_args()
    if os.geteuid() != 0 or not shutil.which("sshd") and not os.path.exists("/usr/sbin/sshd"):
        print("the SSH suite needs root and openssh-server; skipped")
        sys.exit(0)
    suite = Suite()
    w = World(os.path.abspath(a.bin))
    t = Tmux(f"anwei-ssh-{os.getpid()}")
    try:
        w.setup()
        suite.check("A opens the shared demo over ssh", open_pane(t, w, "a", "anwei_a") is not None, t.screen("a"))
        suite.check("B opens the shared demo over ssh", open_pane(t, w, "b", "anwei_b") is not None, t.screen("b"))
        for step in (live_update, same_moment, viewer, alignment, evil_title):
            try:
                step(suite, t, w)
            except Exception as e:  # one broken step must not hide the others
                suite.check(f"{step.__name__} ran", False, repr(e))
        dropped(suite, t, w, False)
        dropped(suite, t, w, True)
        no_tty(suite, w)
        suite.check("the database is sound afterwards", "Check passed" in w.admin("check"))
    finally:
        t.kill()
        w.cleanup()
    sys.exit(suite.summary())


if __name__ == "__main__":
    main()
