#!/usr/bin/env python3
"""The live view of scripts/demo.sh, from the admin API, every second until Ctrl-C.

Per queue: waiting callers, longest wait, the members by state (idle, ringing, talking,
wrap-up, paused, offline), and today's answered, abandoned and service level (the report by
queue, today in the machine's time zone); then each agent and the last finished calls. In a
terminal it draws on the alternate screen and redraws in place (the terminal is given back as
it was, with the last frame printed below); otherwise it prints one plain line per queue each
second. It also keeps the demo going: refreshes the agents' registrations every 30 minutes,
sends the last agent on a 20 s break (pause, then unpause) every 90 s, and unpauses an agent
the server paused for missed rings ("no answer") after 30 s. Exits 1 if the server dies, 0 on
Ctrl-C or SIGTERM (demo.sh runs it in the background, where SIGINT is ignored, and ends it with
SIGTERM).
"""
import argparse
import datetime
import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

STATES = ["idle", "ringing", "talking", "wrap-up", "paused", "offline"]
REGISTER_EVERY_S = 1800
BREAK_EVERY_S, BREAK_S = 90, 20
BACK_AFTER_NO_ANSWER_S = 30


class Api:
    def __init__(self, base, token):
        self.base, self.token = base, token

    def call(self, path, method="GET", body=None):
        req = urllib.request.Request(self.base + path, method=method, data=body,
                                     headers={"Authorization": "Bearer " + self.token})
        with urllib.request.urlopen(req, timeout=5) as r:
            data = r.read()
        return json.loads(data) if data[:1] in (b"{", b"[") else data.decode()

    def served(self, path):
        try:
            self.call(path)
            return True
        except (urllib.error.URLError, OSError, ValueError):
            return False


def agent_state(a):
    """One agent's column: offline unless logged in and registered; paused only between calls."""
    if a["status"] == "LOGGED_OUT" or not a["reachable"]:
        return "offline"
    state = {"IDLE": "idle", "RINGING": "ringing", "ON_CALL": "talking", "WRAP_UP": "wrap-up"}[a["state"]]
    return "paused" if state == "idle" and a["status"] == "PAUSED" else state


def today_range():
    now = datetime.datetime.now().astimezone()
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    z = lambda t: t.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return z(midnight), z(midnight + datetime.timedelta(days=1))


def local_zone():
    """The machine's IANA zone for the report's day, or UTC when it cannot be told."""
    if os.environ.get("TZ", "").count("/") == 1:
        return os.environ["TZ"]
    target = os.path.realpath("/etc/localtime")
    return target.split("zoneinfo/", 1)[1] if "zoneinfo/" in target else "UTC"


def mmss(ms):
    s = max(0, int(ms or 0) // 1000)
    return "%d:%02d" % (s // 60, s % 60)


def snapshot(api, zone):
    """Everything one frame shows, read from the API."""
    frm, to = today_range()
    report = api.call("/api/reports?" + urllib.parse.urlencode(
        {"by": "queue", "group": "range", "from": frm, "to": to, "zone": zone}))
    today = {}
    for row in report["rows"]:
        d = dict(zip(report["columns"], row))
        today[d.get("queue") or d.get("key")] = d
    recent = api.call("/api/calls?" + urllib.parse.urlencode({"live": "false", "from": frm, "limit": 4}))
    return {"queues": api.call("/api/queues"), "agents": api.call("/api/agents"), "today": today,
            "recent": recent.get("calls", recent) if isinstance(recent, dict) else recent}


def queue_rows(snap):
    rows = []
    for q in snap["queues"]:
        counts = dict.fromkeys(STATES, 0)
        for a in snap["agents"]:
            if q["id"] in a["queues"]:
                counts[agent_state(a)] += 1
        t = snap["today"].get(q["id"], {})
        sl = t.get("service_level_pct")
        # a caller whose agent is ringing is still waiting: every caller in line counts
        rows.append([q["id"], len(q["callers"]), mmss(q["longestWaitMs"])] + [counts[s] for s in STATES]
                    + [int(t.get("answered") or 0), int(t.get("abandoned") or 0),
                       "-" if sl is None else "%d %%" % round(float(sl))])
    return rows


def frame(snap, head):
    lines = list(head)
    cols = ["queue", "waiting", "longest"] + STATES + ["answered", "abandoned", "SL today"]
    widths = [9, 8, 8, 5, 8, 8, 8, 7, 8, 9, 10, 9]
    fmt = lambda vals: "".join(str(v).ljust(w) if i == 0 else str(v).rjust(w) for i, (v, w) in enumerate(zip(vals, widths)))
    lines += [fmt(cols)] + [fmt(r) for r in queue_rows(snap)] + [""]
    now_ms = time.time() * 1000
    lines.append("agent     state      for     answered today   queues")
    for a in snap["agents"]:
        reason = " (paused: %s)" % (a.get("reason") or "-") if a["status"] == "PAUSED" else ""
        since = mmss(now_ms - a["stateSinceMs"]) if a["stateSinceMs"] > 0 else "-"  # 0: no call since start
        lines.append("%-9s %-10s %5s   %8d         %s%s" % (a["id"], agent_state(a), since, a["answeredToday"],
                                                             ",".join(a["queues"]), reason))
    lines += ["", "last finished calls"]
    for c in sorted(snap["recent"], key=lambda c: -c["endedMs"])[:4]:
        ended = datetime.datetime.fromtimestamp(c["endedMs"] / 1000).strftime("%H:%M:%S")
        lines.append("  %s  %-8s %-16s waited %5s  talked %5s  %s" % (
            ended, c.get("queueId") or "-", c.get("outcome"), mmss(c.get("waitMs")), mmss(c.get("talkMs")),
            c.get("agentId") or ""))
    return lines


def plain(snap):
    stamp = time.strftime("%H:%M:%S")
    out = []
    for r in queue_rows(snap):
        states = " ".join("%s %s" % (s, n) for s, n in zip(STATES, r[3:9]))
        out.append("%s %s: waiting %s, longest %s, agents %s, answered %s, abandoned %s, SL today %s"
                   % (stamp, r[0], r[1], r[2], states, r[9], r[10], r[11]))
    return out


class Chores:
    """What keeps the demo going besides the SIPp processes: registrations and a break."""

    def __init__(self, api, register, agent):
        self.api, self.register, self.agent = api, register, agent
        self.registered = self.break_at = time.monotonic()
        self.back_at = None

    def run(self, agents):
        now = time.monotonic()
        for a in agents:  # the server pauses an agent after rings missed in a row (autoPause)
            if a["status"] == "PAUSED" and a.get("reason") == "no answer" \
                    and time.time() * 1000 - a["statusSinceMs"] >= BACK_AFTER_NO_ANSWER_S * 1000:
                self.api.call("/api/agents/%s/unpause" % a["id"], "POST")
        if now - self.registered >= REGISTER_EVERY_S:
            self.registered = now
            subprocess.run([self.register], check=False)
        if self.agent is None:
            return
        if self.back_at is None and now - self.break_at >= BREAK_EVERY_S:
            self.api.call("/api/agents/%s/pause" % self.agent, "POST", b'{"reason": "coffee"}')
            self.back_at = now + BREAK_S
        elif self.back_at is not None and now >= self.back_at:
            self.api.call("/api/agents/%s/unpause" % self.agent, "POST")
            self.back_at, self.break_at = None, now


def alive(pid):
    try:
        os.kill(pid, 0)
        return True
    except OSError:
        return False


def main():
    p = argparse.ArgumentParser()
    for name in ("--api", "--token", "--sip", "--register", "--log"):
        p.add_argument(name, required=True)
    p.add_argument("--server-pid", type=int, required=True)
    args = p.parse_args()
    api = Api(args.api, args.token)
    urls = ["API      %s/api/queues  /api/agents  /api/calls  /api/reports" % args.api,
            "         with 'Authorization: Bearer %s', described in %s/api/openapi.json" % (args.token, args.api),
            "metrics  %s/metrics  (Prometheus)" % args.api]
    if api.served("/"):  # the supervisor page (sign in with the token)
        urls.append("page     %s/  (supervisor page: sign in with the token)" % args.api)
    head = urls + ["SIP      port %s, UDP and TCP (the agents are SIPp; the callers come from 127.0.0.2)" % args.sip, ""]
    agents = api.call("/api/agents")
    chores = Chores(api, args.register, agents[-1]["id"] if agents else None)
    zone = local_zone()
    tty = sys.stdout.isatty()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    if tty:
        sys.stdout.write("\x1b[?1049h\x1b[?25l")  # alternate screen, no cursor
    else:
        print("\n".join(head), flush=True)
    last, started = None, time.monotonic()
    try:
        while True:
            if not alive(args.server_pid):
                raise SystemExit("demo: the server has stopped; its log: " + args.log)
            try:
                snap = snapshot(api, zone)
                chores.run(snap["agents"])
                up = int(time.monotonic() - started)
                title = "acd demo  %s  up %d:%02d  (Ctrl-C stops it all)" % (time.strftime("%H:%M:%S"), up // 60, up % 60)
                last = [title] + frame(snap, head)
                if tty:
                    sys.stdout.write("\x1b[H" + "".join(l + "\x1b[K\n" for l in last) + "\x1b[J")
                else:
                    sys.stdout.write("\n".join(plain(snap)) + "\n")
            except (urllib.error.URLError, OSError, ValueError, KeyError) as e:
                msg = "demo: the admin API did not answer (%s); retrying" % e
                sys.stdout.write("\x1b[H\x1b[2J" + msg + "\n" if tty else msg + "\n")
            sys.stdout.flush()
            time.sleep(1 - time.time() % 1)
    except KeyboardInterrupt:
        pass
    finally:
        if tty:
            sys.stdout.write("\x1b[?25h\x1b[?1049l")
            if last:
                sys.stdout.write("\n".join(last) + "\n")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
