"""Drives anwei in real terminals: tmux panes on a private socket, and a private sshd.

Used by ssh_suite.py (and by hand). Python standard library only.
"""

import os
import re
import shutil
import subprocess
import tempfile
import time


class Tmux:
    """A tmux server on a private socket; each session is one terminal of a fixed size."""

    def __init__(self, name):
        self.name = name

    def run(self, *args, check=True):
        out = subprocess.run(["tmux", "-L", self.name, "-f", "/dev/null", *args],
                             capture_output=True, text=True)
        if check and out.returncode != 0:
            raise RuntimeError(f"tmux {args}: {out.stderr.strip()}")
        return out.stdout

    def start(self, session, command, width=100, height=30, env=None):
        """Starts `command` (a shell string) in a new detached session."""
        args = ["new-session", "-d", "-s", session, "-x", str(width), "-y", str(height)]
        for key, value in (env or {}).items():
            args += ["-e", f"{key}={value}"]
        self.run(*args, command)
        self.run("set-option", "-t", session, "remain-on-exit", "on")

    def keys(self, session, *keys):
        self.run("send-keys", "-t", session, *keys)

    def literal(self, session, text):
        self.run("send-keys", "-t", session, "-l", text)

    def screen(self, session):
        return self.run("capture-pane", "-p", "-t", session)

    def flags(self, session):
        """alternate screen, cursor visible, mouse, pane title, pane dead."""
        fmt = "#{alternate_on} #{cursor_flag} #{mouse_any_flag} #{pane_dead}|#{pane_title}"
        return self.run("display", "-p", "-t", session, fmt).strip()

    def wait_for(self, session, text, timeout=10.0):
        """Waits until `text` is on the screen; returns the screen or None on timeout."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen(session)
            if text in screen:
                return screen
            time.sleep(0.05)
        return None

    def wait_re(self, session, pattern, count=1, timeout=10.0):
        """Waits until `pattern` matches at least `count` times; returns the screen or None."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen(session)
            if len(re.findall(pattern, screen)) >= count:
                return screen
            time.sleep(0.05)
        return None

    def settled(self, session, quiet=0.3, timeout=10.0):
        """The screen once it has stopped changing for `quiet` seconds: over SSH a frame
        arrives in pieces, and a capture in between shows half of it."""
        deadline = time.monotonic() + timeout
        last = self.screen(session)
        while time.monotonic() < deadline:
            time.sleep(quiet)
            now = self.screen(session)
            if now == last:
                return now
            last = now
        return last

    def search(self, session, code, timeout=15.0):
        """Narrows anwei's current list to one hazard with the incremental search; waits
        for the narrowed page itself (not just the typed text) before anyone acts on it."""
        self.keys(session, "/")
        self.keys(session, "C-u")
        self.literal(session, code)
        self.keys(session, "Enter")
        return self.wait_re(session, re.escape(code) + r"\] 1/1\b", 1, timeout)

    def wait_dead(self, session, timeout=10.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.flags(session).split("|")[0].endswith("1"):
                return True
            time.sleep(0.05)
        return False

    def kill(self):
        self.run("kill-server", check=False)


class Sshd:
    """A private sshd on 127.0.0.1 with public-key logins for the given users."""

    def __init__(self, users, port=2299):
        self.users = users
        self.port = port
        self.dir = tempfile.mkdtemp(prefix="anwei-sshd-")
        self.key = os.path.join(self.dir, "client_key")
        self.known = os.path.join(self.dir, "known_hosts")
        self.pidfile = os.path.join(self.dir, "sshd.pid")
        self.log = os.path.join(self.dir, "sshd.log")

    def _keys(self):
        host = os.path.join(self.dir, "host_key")
        for path in (host, self.key):
            subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", path], check=True)
        return host

    def _user(self, user, public_key):
        home = os.path.join("/home", user)
        if subprocess.run(["id", user], capture_output=True).returncode != 0:
            subprocess.run(["useradd", "-m", "-s", "/bin/bash", user], check=True)
        subprocess.run(["usermod", "-p", "*", user], check=True)
        ssh_dir = os.path.join(home, ".ssh")
        os.makedirs(ssh_dir, exist_ok=True)
        with open(os.path.join(ssh_dir, "authorized_keys"), "w") as f:
            f.write(public_key)
        shutil.chown(ssh_dir, user, user)
        shutil.chown(os.path.join(ssh_dir, "authorized_keys"), user, user)
        os.chmod(ssh_dir, 0o700)

    def start(self):
        host = self._keys()
        with open(self.key + ".pub") as f:
            public_key = f.read()
        for user in self.users:
            self._user(user, public_key)
        config = os.path.join(self.dir, "sshd_config")
        with open(config, "w") as f:
            f.write(f"""ListenAddress 127.0.0.1
Port {self.port}
HostKey {host}
PidFile {self.pidfile}
AuthenticationMethods publickey
PubkeyAuthentication yes
PasswordAuthentication no
UsePAM no
StrictModes no
AllowUsers {' '.join(self.users)}
AcceptEnv LANG LC_* ANWEI_*
ClientAliveInterval 2
ClientAliveCountMax 2
""")
        os.makedirs("/run/sshd", exist_ok=True)
        subprocess.run(["/usr/sbin/sshd", "-f", config, "-E", self.log], check=True)

    def command(self, user, remote, tty=True, env=None):
        """The ssh command line (a shell string) that runs `remote` as `user`."""
        opts = f"-p {self.port} -i {self.key} -o BatchMode=yes -o StrictHostKeyChecking=no " \
               f"-o UserKnownHostsFile={self.known} -o LogLevel=ERROR"
        send = "".join(f" -o SendEnv={k}" for k in (env or {}))
        prefix = " ".join(f"{k}={v}" for k, v in (env or {}).items())
        return f"{prefix} ssh {'-t' if tty else '-T'} {opts}{send} {user}@127.0.0.1 {remote}".strip()

    def stop(self):
        try:
            with open(self.pidfile) as f:
                os.kill(int(f.read().strip()), 15)
        except (OSError, ValueError):
            pass


def processes(user, name="anwei"):
    """Live (non-zombie) processes named `name` owned by `user`."""
    out = subprocess.run(["ps", "-u", user, "-o", "pid=,stat=,comm="], capture_output=True, text=True).stdout
    return [line.split()[0] for line in out.splitlines()
            if len(line.split()) >= 3 and line.split()[2] == name and not line.split()[1].startswith("Z")]


class Suite:
    """Counts checks and prints `N passed, N failed`."""

    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, name, ok, detail=""):
        if ok:
            self.passed += 1
            print(f"ok   {name}")
        else:
            self.failed += 1
            print(f"FAIL {name}" + (f"\n{detail}" if detail else ""))
        return ok

    def summary(self):
        print(f"{self.passed} passed, {self.failed} failed")
        return 0 if self.failed == 0 else 1
