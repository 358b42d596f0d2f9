#!/usr/bin/env python3
"""Runs anwei in a pseudo-terminal and measures what a user over SSH would feel.

Reports: time to the first full frame, bytes of that frame, bytes and latency for each
key, bytes sent while idle, and peak memory (VmHWM). Python standard library only.

    benches/pty_harness.py --db DEMO.db --today 2026-11-29 [--size 200x60] [--keys j,j,G,2,q]

The first full frame is the moment the output pauses after the screen has been
filled (by byte count: a full 200x60 frame is tens of kilobytes); a key's latency is
from writing the key to the last byte of the redraw it caused.
"""

import argparse
import fcntl
import json
import os
import pty
import select
import struct
import termios
import time

CPR_QUERY = b"\x1b[6n"
KEYS = {"down": b"\x1b[B", "up": b"\x1b[A", "pgdn": b"\x1b[6~", "pgup": b"\x1b[5~", "tab": b"\t",
        "enter": b"\r", "esc": b"\x1b", "space": b" "}


def spawn(argv, env, cols, rows):
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    return pid, fd


def read_until_quiet(fd, quiet, limit, rows):
    """Reads until no byte arrives for `quiet` seconds (or `limit` passes).
    Answers cursor-position queries. Returns (bytes, time of the last byte)."""
    data = bytearray()
    last = time.monotonic()
    end = last + limit
    while time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], quiet)
        if not ready:
            if data:
                break
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        if CPR_QUERY in chunk:
            os.write(fd, f"\x1b[{rows};1R".encode())
        data += chunk
        last = time.monotonic()
    return bytes(data), last


def peak_memory_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--bin", default="target/release/anwei")
    p.add_argument("--db", required=True)
    p.add_argument("--today", default="2026-11-29")
    p.add_argument("--lang", default="zh")
    p.add_argument("--size", default="200x60")
    p.add_argument("--keys", default="2,down,down,down,pgdn,up,3,down,4,5,1")
    p.add_argument("--quiet", type=float, default=0.3, help="seconds of silence that end a frame")
    p.add_argument("--settle", type=float, default=0.0,
                   help="seconds to wait after the first frame, for the slow aggregates to arrive")
    p.add_argument("--json", action="store_true")
    a = p.parse_args()
    cols, rows = (int(x) for x in a.size.split("x"))
    env = dict(os.environ, TERM="xterm-256color", ANWEI_TODAY=a.today, ANWEI_LANG=a.lang)
    env.pop("NO_COLOR", None)
    started = time.monotonic()
    pid, fd = spawn([a.bin, "--db", a.db], env, cols, rows)
    first, first_at = read_until_quiet(fd, a.quiet, 30, rows)
    result = {"first_frame_ms": round((first_at - started) * 1000, 1), "first_frame_bytes": len(first), "keys": []}
    # The slow aggregates (the trend) arrive during this wait; then the screen must be silent.
    read_until_quiet(fd, a.settle, a.settle, rows)
    idle, _ = read_until_quiet(fd, 1.5, 1.5, rows)
    result["idle_bytes_1_5s"] = len(idle)
    for name in a.keys.split(","):
        key = KEYS.get(name, name.encode())
        sent = time.monotonic()
        os.write(fd, key)
        out, last = read_until_quiet(fd, a.quiet, 5, rows)
        result["keys"].append({"key": name, "bytes": len(out), "latency_ms": round((last - sent) * 1000, 1) if out else None})
    live_peak = peak_memory_kib(pid)
    try:
        os.write(fd, b"q")
        read_until_quiet(fd, 0.5, 3, rows)
        os.kill(pid, 15)
    except OSError:
        pass
    # the kernel's peak resident size of the whole run (KiB); VmHWM is gone once it exits
    _, _, usage = os.wait4(pid, 0)
    result["peak_memory_kib"] = max(usage.ru_maxrss, live_peak or 0)
    if a.json:
        print(json.dumps(result))
        return
    print(f"first frame: {result['first_frame_ms']} ms, {result['first_frame_bytes']} bytes")
    print(f"idle for 1.5 s: {result['idle_bytes_1_5s']} bytes")
    for k in result["keys"]:
        print(f"key {k['key']:>6}: {k['bytes']:>6} bytes, last byte after {k['latency_ms']} ms")
    print(f"peak memory: {result['peak_memory_kib']} KiB")


if __name__ == "__main__":
    main()
