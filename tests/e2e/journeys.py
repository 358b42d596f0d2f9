#!/usr/bin/env python3
"""The main journeys of the full screen in a real terminal (tmux), on a demo database.

    tests/e2e/journeys.py --bin target/debug/anwei

Starts on the demo, moves between screens, clicks and scrolls with the mouse, assigns,
pastes a note of several lines, copies a code,
escalates with confirmation,
records three sign-offs until the hazard is closed, changes a ledger setting on the
settings screen, registers a hazard through the enterprise and clause pickers, records a
head-led inspection, notifies a controller, lists a hazard and runs a resumption to
approval, and quits with the terminal restored; in English at 100x30 and in Chinese at 80x24. Prints `N passed, N failed`.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Suite, Tmux  # noqa: E402

TODAY = "2026-11-29"


class Ledger:
    """The demo database and the command line beside the screen, for setting up and checking."""

    def __init__(self, binary, path):
        self.bin = binary
        self.path = path
        self.env = dict(os.environ, ANWEI_TODAY=TODAY, ANWEI_LANG="en")

    def run(self, *args):
        out = subprocess.run([self.bin, "--db", self.path, *args], capture_output=True, text=True, env=self.env)
        if out.returncode != 0:
            raise RuntimeError(f"anwei {args}: {out.stderr}")
        return out.stdout

    def json(self, *args):
        return json.loads(self.run(*args, "--format", "json"))

    def fresh_verifying(self):
        """A hazard awaiting sign-off whose current round holds no sign-off yet."""
        for row in self.json("list", "--awaiting-verification", "--limit", "200"):
            shown = self.json("show", row["code"])
            if not [v for v in shown["verifications"] if v["round"] == shown["round"]]:
                return row["code"]
        raise RuntimeError("the demo has no hazard awaiting its first sign-off")


def find(t, s, code):
    """Narrows the current list to one hazard with the incremental search."""
    return t.search(s, code)


def screens(suite, t, s, words):
    for key, word in words:
        t.keys(s, key)
        suite.check(f"key {key} shows {word}", t.wait_for(s, word, 15) is not None, t.screen(s))


def assign(suite, t, s, ledger, code, saved):
    find(t, s, code)
    t.keys(s, "a")
    t.literal(s, "zhang")
    t.keys(s, "Enter")
    suite.check("assign reports the result", t.wait_for(s, saved, 15) is not None, t.screen(s))
    shown = ledger.json("show", code)
    suite.check("assign is in the database", (shown["assignee"] or "").startswith("zhang"), str(shown["assignee"]))


def escalate(suite, t, s, ledger, code, confirm_word, saved):
    before = ledger.json("show", code)["escalation_level"]
    find(t, s, code)
    t.keys(s, "e")
    suite.check("the escalate form opens", form_open(t, s), t.screen(s))
    t.keys(s, "Enter")
    suite.check("escalate asks first", t.wait_for(s, confirm_word, 15) is not None, t.screen(s))
    suite.check("nothing written before y", ledger.json("show", code)["escalation_level"] == before)
    t.keys(s, "y")
    suite.check("escalate reports the document", t.wait_for(s, saved, 15) is not None, t.screen(s))
    after = ledger.json("show", code)
    suite.check("escalation level raised", after["escalation_level"] == before + 1, str(after["escalation_level"]))


def form_open(t, s):
    """Whether a form's dialog is on the screen (its hint names the next-field key)."""
    return t.wait_re(s, r"Tab (next field|下一项)", 1, 15) is not None


def paste_note(suite, t, s, ledger, code, saved):
    """A bracketed paste of several lines into a progress note lands whole and runs
    nothing (its lines hold `q` and `2`, which would quit or switch screens as keys)."""
    note = "现场核查\nq\n2\n整改到位"
    find(t, s, code)
    t.keys(s, "m")
    suite.check("the progress form opens", form_open(t, s), t.screen(s))
    t.run("set-buffer", "--", note)
    t.run("paste-buffer", "-p", "-t", s)
    screen = t.wait_for(s, "整改到位", 5)
    suite.check("the paste is in the note, the form still open", screen is not None and "Ctrl-S" in screen,
                t.screen(s))
    t.keys(s, "C-s")
    suite.check("the note is saved", t.wait_for(s, saved, 15) is not None, t.screen(s))
    notes = [e["note"] for e in ledger.json("show", code)["timeline"]]
    suite.check("the timeline holds the pasted note whole", note in notes, str(notes[-3:]))


def sgr(button, col, row, press=True):
    """The bytes of an SGR mouse report (1-based column and row), as tmux would pass them."""
    seq = f"\x1b[<{button};{col + 1};{row + 1}{'M' if press else 'm'}"
    return [f"{b:02x}" for b in seq.encode()]


def mouse(suite, t, s):
    """A click on the third row of the ledger selects it; a wheel notch moves three rows."""
    t.keys(s, "2")
    t.wait_for(s, "1/", 10)
    t.run("send-keys", "-t", s, "-H", *sgr(0, 10, 6))
    t.run("send-keys", "-t", s, "-H", *sgr(0, 10, 6, press=False))
    suite.check("a click selects the row under it", t.wait_re(s, r"\b3/\d+", 1, 5) is not None, t.screen(s))
    t.run("send-keys", "-t", s, "-H", *sgr(65, 10, 6))
    suite.check("the wheel scrolls three rows", t.wait_re(s, r"\b6/\d+", 1, 5) is not None, t.screen(s))


def bulk_undo(suite, t, s, ledger, asks, undid):
    """A bulk assign of two marked hazards, then `u`: after its confirmation every hazard
    is as it was, with one reversing event each."""
    import re
    t.keys(s, "/")
    t.keys(s, "C-u")
    t.keys(s, "Enter")
    t.wait_re(s, r"1/\d\d+", 1, 10)
    t.keys(s, "Space", "Space")
    screen = t.wait_re(s, r"\*\s*GQ-\d{4}-\d{4}.*\n.*\*\s*GQ-", 1, 10) or t.screen(s)
    codes = re.findall(r"\*\s*(GQ-\d{4}-\d{4})", screen)
    before = {c: ledger.json("show", c)["assignee"] for c in codes}
    undone_before = [sum(1 for e in ledger.json("show", c)["timeline"] if e["kind"] == "undone") for c in codes]
    t.keys(s, "a")
    t.literal(s, "zhao")
    t.keys(s, "Enter")
    t.wait_re(s, r"2", 1, 5)
    t.keys(s, "y")
    wait_db(ledger, codes[-1], lambda d: d["assignee"] == "zhao") if codes else None
    t.keys(s, "u")
    suite.check("u asks before undoing", t.wait_for(s, asks, 10) is not None, t.screen(s))
    t.keys(s, "y")
    suite.check("the undo is reported", t.wait_for(s, undid, 10) is not None, t.screen(s))
    after = {c: ledger.json("show", c)["assignee"] for c in codes}
    undone = [sum(1 for e in ledger.json("show", c)["timeline"] if e["kind"] == "undone") for c in codes]
    suite.check("a bulk assign undone restores every hazard", len(codes) == 2 and after == before, f"{codes} {before} {after}")
    added = [a - b for a, b in zip(undone, undone_before)]
    suite.check("one reversing event each", added == [1, 1], str(added))


def copy_code(suite, t, s, code):
    """`y` puts the selected hazard's code on the clipboard by OSC 52 (tmux keeps it in
    its buffer with set-clipboard on)."""
    t.run("set-option", "-s", "set-clipboard", "on")
    find(t, s, code)
    t.keys(s, "y")
    t.wait_for(s, code, 5)
    import time
    for _ in range(50):
        if t.run("show-buffer", check=False).strip() == code:
            break
        time.sleep(0.1)
    suite.check("y copies the code to the clipboard", t.run("show-buffer", check=False).strip() == code,
                t.run("show-buffer", check=False))


def sign_offs(suite, t, s, ledger, code, names):
    find(t, s, code)
    for i, name in enumerate(names):
        t.keys(s, "v")
        t.keys(s, *(["Right"] * i))
        t.keys(s, "Tab")
        t.literal(s, name)
        t.keys(s, "Enter")
        if i == 2:
            suite.check("the closing sign-off asks first", t.wait_re(s, "closes|这将销号", 1, 15) is not None, t.screen(s))
            t.keys(s, "y")
        t.wait_for(s, "saved" if i < 2 else code, 15)
        deadline_ok = wait_db(ledger, code, lambda d, n=i + 1: len(d["verifications"]) >= n)
        suite.check(f"sign-off {i + 1} recorded", deadline_ok)
    status = ledger.json("show", code)["status"]
    suite.check("three passes close the hazard", status == "closed", status)


def setting(suite, t, s, ledger, saved):
    """On the settings screen: stalled_days to 45 with a reason, recorded in the ledger;
    then back to what it was through the command line."""
    before = {r["key"]: r["value"] for r in ledger.json("settings", "show")}["stalled_days"]
    t.keys(s, "0")
    t.keys(s, "j", "j", "Enter")
    t.keys(s, "C-u")
    t.literal(s, "45")
    t.keys(s, "Tab")
    t.literal(s, "journey")
    t.keys(s, "C-s")
    suite.check("the setting is saved from the screen", t.wait_for(s, saved, 5) is not None, t.screen(s))
    now = {r["key"]: (r["value"], r["changed_by"]) for r in ledger.json("settings", "show")}["stalled_days"]
    suite.check("the ledger has the new value and who set it", now[0] == "45" and now[1], str(now))
    ledger.run("settings", "set", "stalled_days", before, "--reason", "journey")


def register(suite, t, s, ledger, en):
    """c on the ledger: the enterprise picked by its name, the clause by a word of its
    wording, the form saved; the hazard is in the ledger against that clause."""
    firm = ledger.json("enterprise", "list", "--sector", "粉尘涉爆", "--limit", "1")[0]
    t.keys(s, "2")
    t.keys(s, "c")
    suite.check("c opens the enterprise picker",
                t.wait_re(s, "credit code|统一社会信用代码", 1, 15) is not None, t.screen(s))
    t.literal(s, firm["name"])
    t.keys(s, "Enter")
    suite.check("then the clause picker", t.wait_re(s, "Clause of the judgment|判定依据条款", 1, 15) is not None,
                t.screen(s))
    t.literal(s, "泄爆")
    t.keys(s, "Enter")
    suite.check("then the form", form_open(t, s), t.screen(s))
    t.keys(s, "C-s")
    screen = t.wait_re(s, r"(Registered|已登记) GQ-\d{4}-\d{4}", 1, 15)
    suite.check("the hazard is registered", screen is not None, t.screen(s))
    import re
    code = re.search(r"(?:Registered|已登记) (GQ-\d{4}-\d{4})", screen or "")
    shown = ledger.json("show", code.group(1)) if code else {}
    suite.check("against the enterprise and the clause picked",
                shown.get("enterprise_info", {}).get("credit_code") == firm["credit_code"]
                and "第十一条" in shown.get("standard_ref", ""), str(shown.get("standard_ref")))


def inspect(suite, t, s, ledger, en):
    """i on the enterprises screen records a head-led inspection led by the principal."""
    firm = ledger.json("enterprise", "list", "--sector", "燃气", "--limit", "1")[0]
    before = len(ledger.json("inspection", "list", "--enterprise", firm["credit_code"]))
    t.keys(s, "7")
    t.keys(s, "/")
    t.keys(s, "C-u")
    t.literal(s, firm["credit_code"])
    t.keys(s, "Enter")
    t.wait_re(s, r"\b1/1\b", 1, 15)
    t.keys(s, "i")
    suite.check("i opens the inspection form", form_open(t, s), t.screen(s))
    t.keys(s, "C-s")
    suite.check("the inspection is recorded", t.wait_re(s, "Inspection #\\d+ recorded|已记录带队检查", 1, 15) is not None,
                t.screen(s))
    after = ledger.json("inspection", "list", "--enterprise", firm["credit_code"])
    suite.check("it is in the ledger, led by the principal",
                len(after) == before + 1 and after[0]["led_by"] == firm["principal"], str(after[:1]))


def notify_controller(suite, t, s, ledger, en):
    """On the overdue screen's pane of hazards not yet notified: i, the controller, saved."""
    rows = ledger.json("list", "--not-notified", "--limit", "50")
    row = next((r for r in rows if not r["notified"] & 2), None)
    if row is None:
        suite.check("the demo has a hazard whose controller is still to be told", False)
        return
    code = row["code"]
    t.keys(s, "3")
    t.keys(s, "l")
    suite.check("l shows the pane of hazards not yet notified",
                t.wait_re(s, "Still to notify|尚未告知", 1, 15) is not None, t.screen(s))
    find(t, s, code)
    t.keys(s, "i")
    suite.check("i opens the notify form", form_open(t, s), t.screen(s))
    t.keys(s, "Right", "Tab")
    t.literal(s, "短信")
    t.keys(s, "C-s")
    ok = wait_db(ledger, code, lambda d: any(n["recipient"] == "controller" for n in d["notifications"]))
    suite.check("the controller's notice is in the ledger", ok, t.screen(s))
    t.keys(s, "Escape", "h")


def list_and_resume(suite, t, s, ledger, en):
    """L lists a major hazard, S stops production, R applies to resume and R again
    reviews it: approved, the order is lifted."""
    rows = ledger.json("list", "--grade", "major", "--status", "rectifying", "--limit", "100")
    row = next(r for r in rows if not r["listed"] and not r["stopped"])
    code = row["code"]
    t.keys(s, "2")
    find(t, s, code)
    def save_and_confirm():
        t.keys(s, "Enter")
        t.wait_re(s, r"\?", 1, 5)
        t.keys(s, "y")

    t.keys(s, "L")
    suite.check("L opens the listing form", form_open(t, s), t.screen(s))
    t.literal(s, "滕州市安委会")
    t.keys(s, "Tab")
    t.literal(s, "官桥镇人民政府")
    save_and_confirm()
    suite.check("listed", wait_db(ledger, code, lambda d: d["supervision"]["listing"] is not None), t.screen(s))
    t.keys(s, "S")
    suite.check("S opens the stop form", form_open(t, s), t.screen(s))
    save_and_confirm()
    suite.check("production stopped", wait_db(ledger, code, lambda d: d["supervision"]["stop"] is not None), t.screen(s))
    t.keys(s, "R")
    suite.check("R opens the application", form_open(t, s), t.screen(s))
    t.keys(s, "Tab")
    t.literal(s, "山东安评科技有限公司")
    t.keys(s, "Enter")
    suite.check("the application is recorded", wait_db(ledger, code, lambda d: len(d["supervision"]["resumptions"]) == 1),
                t.screen(s))
    t.keys(s, "R")
    suite.check("R again opens the review", t.wait_re(s, "Review|审查结论", 1, 15) is not None, t.screen(s))
    t.keys(s, "Tab")
    t.literal(s, "应急管理办 张伟")
    save_and_confirm()
    done = wait_db(ledger, code, lambda d: d["supervision"]["stop"] is None
                   and d["supervision"]["resumptions"][0]["decision"] == "approved")
    suite.check("approved: production resumes", done, t.screen(s))


def wait_db(ledger, code, cond, tries=50):
    import time
    for _ in range(tries):
        if cond(ledger.json("show", code)):
            return True
        time.sleep(0.1)
    return False


def quit_restored(suite, t, s):
    t.keys(s, "q")
    suite.check("q quits with status 0", t.wait_for(s, "anwei-exited-0", 15) is not None, t.screen(s))
    suite.check("terminal restored (normal screen, cursor, no mouse)", modes_restored(t, s), t.flags(s))


def modes_restored(t, s):
    return tuple(t.flags(s).split("|")[0].split()[:3]) == ("0", "1", "0")


def sigterm_and_bad_config(suite, binary, ledger, tmp):
    """SIGTERM restores the terminal; a bad config is refused, naming its line, before the screen."""
    t = Tmux(f"anwei-e2e-{os.getpid()}-signals")
    env = {"ANWEI_TODAY": TODAY, "ANWEI_LANG": "en", "TERM": "xterm", "ANWEI_CONFIG": "/nonexistent"}
    try:
        t.start("term", f"{binary} --db {ledger.path}; echo anwei-exited-$?; sleep 60", 80, 24, env)
        t.wait_for("term", "Open major", 15)
        shell = t.run("display", "-p", "-t", "term", "#{pane_pid}").strip()
        pid = subprocess.run(["pgrep", "-P", shell, "-x", "anwei"], capture_output=True, text=True).stdout.split()
        subprocess.run(["kill", "-TERM", *pid])
        suite.check("SIGTERM ends the program with status 143",
                    t.wait_for("term", "anwei-exited-143", 15) is not None, t.screen("term"))
        suite.check("SIGTERM leaves the terminal restored", modes_restored(t, "term"), t.flags("term"))
        for name, status in [("HUP", 129), ("INT", 130)]:
            pane = f"sig{name}"
            t.start(pane, f"{binary} --db {ledger.path}; echo anwei-exited-$?; sleep 60", 80, 24, env)
            t.wait_for(pane, "Open major", 15)
            shell = t.run("display", "-p", "-t", pane, "#{pane_pid}").strip()
            pid = subprocess.run(["pgrep", "-P", shell, "-x", "anwei"], capture_output=True, text=True).stdout.split()
            subprocess.run(["kill", f"-{name}", *pid])
            suite.check(f"SIG{name} ends the program with status {status}",
                        t.wait_for(pane, f"anwei-exited-{status}", 15) is not None, t.screen(pane))
        bad = os.path.join(tmp, "bad.toml")
        with open(bad, "w") as f:
            f.write('lang = "en"\nidle_lock_minutes = "soon"\n')
        t.start("cfg", f"{binary} --db {ledger.path}; echo anwei-exited-$?; sleep 60", 80, 24,
                dict(env, ANWEI_CONFIG=bad))
        screen = t.wait_for("cfg", "anwei-exited-2", 15)
        suite.check("a bad config is refused naming its line", screen is not None and "line 2" in screen, t.screen("cfg"))
        suite.check("a bad config leaves the terminal sane", modes_restored(t, "cfg"), t.flags("cfg"))
        panicky = os.path.join(os.path.dirname(binary), "examples", "panic_restore")
        if os.path.exists(panicky):
            t.start("panic", f"{panicky} 2>/dev/null; echo anwei-exited-$?; sleep 60", 80, 24, env)
            seen = t.wait_for("panic", "anwei-exited-101", 15)
            suite.check("a panic on another thread ends the program (101) with the terminal restored",
                        seen is not None and modes_restored(t, "panic"), t.flags("panic"))
    finally:
        t.kill()


def journey(suite, binary, ledger, lang, size):
    width, height = size
    t = Tmux(f"anwei-e2e-{os.getpid()}-{lang}")
    s = "main"
    env = {"ANWEI_TODAY": TODAY, "ANWEI_LANG": lang, "TERM": "xterm-256color", "ANWEI_CONFIG": "/nonexistent"}
    en = lang == "en"
    try:
        # The shell stays after anwei exits, so the terminal's modes can be read.
        t.start(s, f"{binary} --db {ledger.path}; echo anwei-exited-$?; sleep 60", width, height, env)
        first = t.wait_for(s, "Open major" if en else "未销号重大隐患", 15)
        suite.check(f"[{lang} {width}x{height}] starts on the overview", first is not None, t.screen(s))
        names = [("2", "sorted by" if en else "排序"), ("3", "Late by" if en else "逾期区间"),
                 ("4", "Recommend" if en else "建议"), ("5", "Round" if en else "轮次"),
                 ("6", "Consultation," if en else "季度会商研判"),
                 ("Tab", "Credit code" if en else "统一社会信用代码"),
                 ("Tab", "No tip-off here." if en else "这里没有举报。"),
                 ("Tab", "What it decides" if en else "最近修改"),
                 ("Tab", "Open major" if en else "未销号重大隐患")]
        screens(suite, t, s, names)
        mouse(suite, t, s)
        t.keys(s, "2")
        code = ledger.json("list", "--status", "rectifying", "--limit", "1")[0]["code"]
        assign(suite, t, s, ledger, code, "saved" if en else "已保存")
        paste_note(suite, t, s, ledger, code, "saved" if en else "已保存")
        copy_code(suite, t, s, code)
        bulk_undo(suite, t, s, ledger, "Undo your write" if en else "撤销您", "Undid" if en else "已撤销")
        queue = ledger.json("list", "--escalation-queue", "--limit", "1")[0]["code"]
        escalate(suite, t, s, ledger, queue, "document" if en else "文号", "saved" if en else "已保存")
        target = ledger.fresh_verifying()
        t.keys(s, "Escape")
        t.keys(s, "5")
        sign_offs(suite, t, s, ledger, target, ["Liu Yang", "Zhao Min", "Wang Qiang"] if en else ["刘洋", "赵敏", "王强"])
        setting(suite, t, s, ledger, "Setting saved" if en else "设置已保存")
        register(suite, t, s, ledger, en)
        inspect(suite, t, s, ledger, en)
        notify_controller(suite, t, s, ledger, en)
        list_and_resume(suite, t, s, ledger, en)
        quit_restored(suite, t, s)
    finally:
        t.kill()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--bin", default="target/debug/anwei")
    a = p.parse_args()
    binary = os.path.abspath(a.bin)
    suite = Suite()
    with tempfile.TemporaryDirectory() as tmp:
        ledger = Ledger(binary, os.path.join(tmp, "demo.db"))
        ledger.run("demo", "--hazards", "600", "--seed", "7")
        journey(suite, binary, ledger, "en", (100, 30))
        journey(suite, binary, ledger, "zh", (80, 24))
        sigterm_and_bad_config(suite, binary, ledger, tmp)
    sys.exit(suite.summary())


if __name__ == "__main__":
    main()
