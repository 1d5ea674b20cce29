#!/usr/bin/env python3
"""One row of the calls-per-second table (scripts/bench/cps.sh) from one rate's run directory.

Reads SIPp's files there (bench-caller_* and bench-agent_*: -trace_stat rows every second,
-trace_counts, -trace_rtt), the server's /metrics scraped at the end (metrics-end.txt) and
every second (metrics-samples.txt: epoch ms, acd_active_calls), and what cps.sh measured from
/proc and jcmd (measure.txt: key=value). Achieved calls/s and the latency percentiles are taken
in the steady window (window_start_ms..window_end_ms in measure.txt); calls ok and failed, and
retransmissions, over the whole run (a failure in the ramp fails the rate too).
Prints the markdown row, then a line `verdict clean|FAIL <reasons>`.
  cps-report.py RUN-DIR OFFERED-CPS
"""
import csv
import glob
import os
import re
import sqlite3
import sys


def read_rows(path):
    with open(path, newline="") as f:
        rows = [r for r in csv.reader(f, delimiter=";") if r]
    return rows[0], rows[1:]


def epoch(stamp):  # SIPp writes "date<TAB>time<TAB>epoch.micros"
    return float(stamp.split("\t")[-1])


def stat_files(kind):
    return sorted(glob.glob(os.path.join(run, f"bench-{kind}_*_.csv")))


def interpolate(points, t):
    """Value at time t of a cumulative counter known at (time, value) points."""
    if not points or t <= points[0][0]:
        return points[0][1] if points else 0.0
    for (t0, v0), (t1, v1) in zip(points, points[1:]):
        if t0 <= t <= t1:
            return v0 + (v1 - v0) * ((t - t0) / (t1 - t0) if t1 > t0 else 1)
    return points[-1][1]


def window_delta(kind, column):
    total = 0.0
    for path in stat_files(kind):
        head, rows = read_rows(path)
        i, ti = head.index(column), head.index("CurrentTime")
        points = [(epoch(r[ti]) * 1000, float(r[i])) for r in rows]
        total += interpolate(points, win_end) - interpolate(points, win_start)
    return total


def final(kind):
    """Sum over the processes of every cumulative (C) column of the last stat row."""
    sums = {}
    for path in stat_files(kind):
        head, rows = read_rows(path)
        for name, value in zip(head, rows[-1]):
            if name.endswith("(C)"):
                try:
                    sums[name[:-3]] = sums.get(name[:-3], 0) + int(float(value))
                except ValueError:
                    pass
    return sums


def received(kind, message):
    """How many of a message the processes received, from -trace_counts' last rows."""
    total = 0
    for path in glob.glob(os.path.join(run, f"bench-{kind}_*_counts.csv")):
        head, rows = read_rows(path)
        last = dict(zip(head, rows[-1]))
        total += sum(int(v or 0) for k, v in last.items() if re.fullmatch(rf"\d+_{message}_Recv", k))
    return total


def retransmissions(kind):
    """(received repeats by message, sent repeats by message) from -trace_counts' last rows.
    A received repeat is the server sending a message again; a sent one is SIPp's own."""
    received, sent = {}, {}
    for path in sorted(glob.glob(os.path.join(run, f"bench-{kind}_*_counts.csv"))):
        head, rows = read_rows(path)
        last, request = dict(zip(head, rows[-1])), ""
        for name in head:
            m = re.fullmatch(r"(\d+)_(.+)_(Sent|Recv)", name)
            if not m:
                continue
            msg = m.group(2)
            if msg == "ACK" and request == "CANCEL":
                request = "INVITE"  # the cancelled ring's 487 is ACKed: back to the INVITE
            elif not msg.isdigit() and msg != "ACK":
                request = msg  # a response answers the request before it
            label = f"{msg}/{request}" if msg.isdigit() else msg
            count = int(last.get(f"{m.group(1)}_{msg}_Retrans", "0") or 0)
            book = received if m.group(3) == "Recv" else sent
            if count:
                book[label] = book.get(label, 0) + count
    return received, sent


def rtd_times(kind, name):
    """Response times (ms) of the named rtd that completed inside the window."""
    times = []
    for path in sorted(glob.glob(os.path.join(run, f"bench-{kind}_*_rtt.csv"))):
        pid = re.search(r"_(\d+)_rtt\.csv$", path).group(1)
        stats = glob.glob(os.path.join(run, f"bench-{kind}_{pid}_.csv"))
        if not stats:
            continue
        head, rows = read_rows(stats[0])
        started = epoch(rows[0][head.index("StartTime")]) * 1000 if rows else 0
        _, samples = read_rows(path)
        for date_ms, ms, rtd in (r[:3] for r in samples if len(r) >= 3):
            if rtd == name and win_start <= started + float(date_ms) <= win_end:
                times.append(float(ms))
    return times


def percentile(values, p):
    if not values:
        return None
    values = sorted(values)
    k = (len(values) - 1) * p / 100
    lo = int(k)
    hi = min(lo + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def metric(text, name):
    """Sum of a metric's series in Prometheus text."""
    total = 0.0
    for line in text.splitlines():
        if line.startswith(name) and line[len(name):len(name) + 1] in ("{", " "):
            total += float(line.rsplit(" ", 1)[1])
    return total


def outcomes(text):
    """Calls by outcome other than answered: from the call records when the run left them
    (every call, the IVR's too), else from acd_calls_total (calls that reached the queue)."""
    found, db = {}, os.path.join(run, "data", "acd.db")
    if os.path.exists(db):
        with sqlite3.connect(db) as con:
            return dict(con.execute("select outcome, count(*) from calls where outcome != 'ANSWERED' group by outcome"))
    for m in re.finditer(r'^acd_calls_total\{([^}]*)\} (\S+)', text, re.M):
        outcome = re.search(r'outcome="([^"]*)"', m.group(1))
        if outcome and outcome.group(1) != "completed" and float(m.group(2)):
            found[outcome.group(1)] = found.get(outcome.group(1), 0) + int(float(m.group(2)))
    return found


def fmt(values):
    return ", ".join(f"{k} {v}" for k, v in sorted(values.items())) or "0"


def ms(p):  # SIPp times in whole milliseconds
    return "-" if p is None else "<1" if p < 1 else f"{p:.0f}" if p >= 10 else f"{p:.1f}"


def failures(callers, agents, end):
    """Failed calls by cause: SIPp's failure columns on both sides, and callers whose call
    completed without an agent's (never bridged), with the server's outcomes for them."""
    failed = {}
    for side, sums in (("caller", callers), ("agent", agents)):
        for name, value in sums.items():
            if name.startswith("Failed") and name != "FailedCall" and value:
                failed[f"{side} {name[6:]}"] = value
        if sums.get("FailedCall") and not any(k.startswith(side) for k in failed):
            failed[f"{side} other"] = sums["FailedCall"]
    # a ring the server cancelled ends the agent's call well: not bridged all the same
    cancelled = received("agent", "CANCEL")
    if cancelled:
        failed["rings cancelled"] = cancelled
    ok, bridged = callers.get("SuccessfulCall", 0), agents.get("SuccessfulCall", 0) - cancelled
    text = fmt(failed)
    if ok > bridged:
        failed["not bridged"] = ok - bridged
        text = fmt(failed).replace(f"not bridged {ok - bridged}", f"not bridged {ok - bridged} ({fmt(outcomes(end))})")
    return failed, text


def retransmitted(callers, agents):
    """(the server's own repeats, the rest) by message. A repeated 1xx only answers a repeated
    INVITE, a repeated ACK only a repeated 200 of the agent: those are the generator's doing.
    Messages for calls SIPp has ended or never had are the server's: late repeats."""
    c_recv, c_sent = retransmissions("caller")
    a_recv, a_sent = retransmissions("agent")
    server, generator = {}, {}
    for side, recv, sent in (("caller", c_recv, c_sent), ("agent", a_recv, a_sent)):
        for msg, n in recv.items():
            caused = msg == "ACK" or msg.split("/")[0].startswith("1")
            (generator if caused else server)[f"{msg} to {side}"] = n
        for msg, n in sent.items():
            generator[f"{msg} from {side}"] = n
    for side, sums in (("caller", callers), ("agent", agents)):
        late = sums.get("DeadCallMsgs", 0) + sums.get("OutOfCallMsgs", 0)
        if late:
            server[f"after the call to {side}"] = late
    return server, generator


def verdict(offered, attempted, achieved, ok, failed, server):
    reasons = []
    if sum(failed.values()):
        reasons.append("failed calls")
    if sum(server.values()):
        reasons.append("server retransmissions")
    if attempted < 0.95 * offered:
        reasons.append(f"the generator attempted only {attempted:.0f}/s")
    if achieved < 0.95 * attempted:
        reasons.append(f"achieved {achieved:.0f} < 95% of attempted")
    if ok == 0:
        reasons.append("no call completed")
    return reasons


def read(name):
    path = os.path.join(run, name)
    return open(path).read() if os.path.exists(path) else ""


def main():
    offered = float(sys.argv[2])
    attempted = window_delta("caller", "OutgoingCall(C)") / ((win_end - win_start) / 1000)
    achieved = window_delta("caller", "SuccessfulCall(C)") / ((win_end - win_start) / 1000)
    callers, agents, end = final("caller"), final("agent"), read("metrics-end.txt")
    ok = callers.get("SuccessfulCall", 0)
    failed, failed_text = failures(callers, agents, end)
    server, generator = retransmitted(callers, agents)
    invite, answer = rtd_times("caller", "invite"), rtd_times("agent", "answer")
    samples = [float(line.split()[1]) for line in read("metrics-samples.txt").splitlines() if len(line.split()) == 2]
    peak = int(max(samples)) if samples else callers.get("CurrentCall", 0)
    server_cpu = float(m.get("server_cpu", 0))
    heap_idle, heap_mid, active = (float(m.get(k, 0)) for k in ("heap_idle_kb", "heap_mid_kb", "active_mid"))
    per_call = f"{(heap_mid - heap_idle) / active:.1f}" if active > 0 and heap_mid > 0 else "-"
    relayed, lost = metric(end, "acd_rtp_packets_relayed_total"), metric(end, "acd_rtp_packets_lost_total")
    reasons = verdict(offered, attempted, achieved, ok, failed, server)
    cells = [f"{offered:.0f} / {attempted:.1f}", f"{achieved:.1f}", f"{ok}", failed_text, fmt(server), fmt(generator),
             f"{ms(percentile(invite, 50))} / {ms(percentile(invite, 99))}",
             f"{ms(percentile(answer, 50))} / {ms(percentile(answer, 99))}", f"{peak}",
             f"{server_cpu:.0f} (idle {m.get('server_idle_cpu', '-')})", f"{server_cpu / achieved:.3f}" if achieved else "-",
             m.get("generator_cpu", "-"), m.get("box_cpu", "-"),
             f"{heap_idle / 1024:.0f} / {heap_mid / 1024:.0f}", per_call, m.get("rss_mb", "-"),
             f"{relayed:.0f} / {lost:.0f}", "clean" if not reasons else "FAIL"]
    print("| " + " | ".join(cells) + " |")
    print("verdict " + ("clean" if not reasons else "FAIL " + "; ".join(reasons)))


HEADER = ("| offered / attempted cps | achieved cps | calls ok | failed (cause) | server retransmissions | "
          "generator retransmissions | INVITE→200 p50 / p99 ms | answer→bridge p50 / p99 ms | "
          "peak calls | server CPU % (idle) | CPU % per call/s | generator CPU % | box CPU % | "
          "heap after GC idle / mid MB | heap per active call KB | RSS MB | RTP relayed / lost | result |")

if __name__ == "__main__":
    if sys.argv[1:] == ["--header"]:
        print(HEADER)
        print("|" + "---|" * HEADER.count(" | ") + "---|")
        sys.exit(0)
    run = sys.argv[1]
    m = dict(line.strip().split("=", 1) for line in open(os.path.join(run, "measure.txt")) if "=" in line)
    win_start, win_end = float(m["window_start_ms"]), float(m["window_end_ms"])
    main()
