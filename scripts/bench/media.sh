#!/usr/bin/env bash
# Bridged calls held with RTP relay, optionally recorded: N SIPp callers from a trunk address
# call a queue number straight (no IVR) at BENCH_RATE calls/s, N SIPp agents answer, and the
# RTP load tool (acd.bench.rtp.RtpLoad in benchmarks/target/benchmarks.jar) streams marked
# 50 packet/s PCMU both ways on every call and counts at both ends what arrives: loss, one-way
# transit, added jitter. SIPp only signals. Once every call is bridged both ways the steady
# window opens for BENCH_SECONDS (default 60); the callers hang up after it.
#   scripts/bench/media.sh bridged|recorded <calls> [results-dir]
# `recorded` puts `record: true` on the queue and checks the recordings: one per call, a sample
# stereo with sound on both channels, disk written. First the tool runs alone for up to 10 s,
# its sockets streaming to each other: the floor under the transit it measures on this box.
# Writes to the results directory (default: a fresh one) <run>.table.md, <run>.rtp.txt and
# <run>.floor.txt (the tool's figures), <run>.facts.txt, SIPp's stat and error files, the
# server's and the tool's logs and GC logs (a long pause shows in p99), <run> being
# `media-bridged-<calls>` or `media-recorded-<calls>`; prints the table and the directory.
# Exit code 0 when every call succeeded and was bridged (and recorded), 1 otherwise; the table
# is written either way. Environment: BENCH_SECONDS, BENCH_RATE (default 100), BENCH_FLOOR=0
# (skip the floor), ACD_JAVA_OPTS (the server's JVM), RTP_JAVA_OPTS (the tool's, default
# -Xmx256m). Needs java, jcmd, sipp, sox, python3, curl.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="${ACD_JAR:-$root/sip-gateway/target/acd.jar}"
tool_jar="$root/benchmarks/target/benchmarks.jar"
scen="$root/scripts/sipp"
prog=media
mode="${1:-}"
calls="${2:-}"
case "$mode" in bridged|recorded) ;; *) echo "usage: $0 bridged|recorded <calls> [results-dir]" >&2; exit 2 ;; esac
[[ "$calls" =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 bridged|recorded <calls> [results-dir]" >&2; exit 2; }
results="${3:-$(mktemp -d "${TMPDIR:-/tmp}/acd-bench.XXXXXX")}"
mkdir -p "$results"
results="$(cd "$results" && pwd)"
seconds="${BENCH_SECONDS:-60}"
rate="${BENCH_RATE:-100}"
run="media-$mode-$calls"
. "$root/scripts/lib/loopback.sh"
. "$root/scripts/bench/common.sh"
require_tools java jcmd sipp sox python3 curl
ensure_jar
[ -f "$tool_jar" ] || (cd "$root" && mvn -B -q -pl benchmarks -am -DskipTests package)

# table RUN FACTS RTP CALLERS-STAT AGENTS-STAT FLOOR: the markdown table of a run; exit code 1 when a
# call failed or was never bridged, or a recorded run lacks its recordings
table() {
  python3 - "$@" <<'PY'
import csv, sys
run, facts_file, rtp_file, callers_stat, agents_stat, floor_file = sys.argv[1:7]
def kv(path):
    try:
        return dict(l.rstrip("\n").split("=", 1) for l in open(path) if "=" in l)
    except OSError:
        return {}
f, r, fl = kv(facts_file), kv(rtp_file), kv(floor_file)
num = lambda d, k: float(d.get(k) or 0)
def sipp(path):  # the last row of SIPp's -trace_stat file: successes, failures by cause, retransmissions
    try:
        rows = list(csv.DictReader(open(path), delimiter=";"))
    except OSError:
        rows = []
    if not rows:
        return 0, 0, "no stat file", 0
    last = rows[-1]
    g = lambda c: int(float(last.get(c) or 0))
    causes = ", ".join("%s %d" % (c[6:-3], g(c)) for c in last
                       if c.startswith("Failed") and c.endswith("(C)") and c != "FailedCall(C)" and g(c))
    return g("SuccessfulCall(C)"), g("FailedCall(C)"), causes, g("Retransmissions(C)")
calls = int(num(f, "calls"))
c_ok, c_bad, c_why, c_re = sipp(callers_stat)
a_ok, a_bad, a_why, a_re = sipp(agents_stat)
heap, idle = num(f, "heap_kb"), num(f, "heap_idle_kb")
active = int(num(f, "active_calls"))
per_call = (heap - idle) / active if active else 0
problems = []
if c_ok != calls or c_bad or f.get("callers_rc") != "0":
    problems.append("callers: %d ok of %d, exit %s" % (c_ok, calls, f.get("callers_rc")))
if a_ok != calls or a_bad or f.get("agents_rc") != "0":
    problems.append("agents: %d ok of %d, exit %s" % (a_ok, calls, f.get("agents_rc")))
if int(num(r, "up_bridged")) != calls or int(num(r, "down_bridged")) != calls:
    problems.append("bridged when the window opened: %s and %s of %d" % (r.get("up_bridged"), r.get("down_bridged"), calls))
if int(num(r, "up_misrouted")) or int(num(r, "down_misrouted")):
    problems.append("a socket heard a second stream: calls crossed")
recorded = f.get("mode") == "recorded"
if recorded and (int(num(f, "recordings")) < calls or f.get("sample_channels") != "2"
                 or min(num(f, "sample_rms_left"), num(f, "sample_rms_right")) < 0.005):
    problems.append("recordings: %s of %d, sample %s channels, RMS %s / %s" % (f.get("recordings"), calls,
                    f.get("sample_channels"), f.get("sample_rms_left"), f.get("sample_rms_right")))
lost = int(num(r, "up_lost")) + int(num(r, "down_lost"))
jit = max(num(r, "up_added_jitter_p99_ms"), num(r, "down_added_jitter_p99_ms"))
goal = "loss %d (goal 0), added jitter p99 %.2f ms (goal < 5), heap %.1f KB per call (goal <= 50)" % (lost, jit, per_call)
print("### %s: %d bridged calls held %s s with RTP relay%s" % (run, calls, f.get("seconds"), ", recorded" if recorded else ""))
print()
print("| calls held | callers ok / failed | agents ok / failed | retransmissions | server CPU % | RTP tool CPU % | SIPp CPU % | box CPU % | heap after GC | heap per call | RSS | server relayed / lost |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|")
print("| %d of %d | %d / %d%s | %d / %d%s | %d | %s | %s | %s | %s | %.1f MB (idle %.1f MB) | %.1f KB | %s MB | %s / %s |" % (
    active, calls, c_ok, c_bad, " (%s)" % c_why if c_why else "", a_ok, a_bad, " (%s)" % a_why if a_why else "",
    c_re + a_re, f.get("server_cpu"), f.get("tool_cpu"), f.get("sipp_cpu"), f.get("box_cpu"), heap / 1024, idle / 1024,
    per_call, f.get("rss_mb"), f.get("relayed"), f.get("server_lost")))
print()
print("| RTP in the %s s window | sent | received | lost | streams with loss | transit p50 | transit p99 | added jitter p99 | RFC 3550 jitter mean / max | server-played packets |" % r.get("window_s", "?"))
print("|---|---|---|---|---|---|---|---|---|---|")
rows = [(r, "up", "caller -> agent"), (r, "down", "agent -> caller")]
if fl:
    rows += [(fl, "up", "tool alone, %s s, no server (floor)" % fl.get("window_s"))]
for src, d, name in rows:
    g = lambda k: src.get(d + "_" + k, "?")
    print("| %s | %s | %s | %s | %s | %s ms | %s ms | %s ms | %s / %s ms | %s |" % (name, g("sent"), g("received"), g("lost"),
          g("streams_with_loss"), g("transit_p50_ms"), g("transit_p99_ms"), g("added_jitter_p99_ms"),
          g("rfc3550_jitter_mean_ms"), g("rfc3550_jitter_max_ms"), g("unmarked")))
if recorded:
    print()
    print("Recordings: %s of %d, %.1f MB written; sample %s channels, %s s, RMS caller %s, agent %s." % (
        f.get("recordings"), calls, num(f, "recordings_bytes") / 1e6, f.get("sample_channels"),
        f.get("sample_seconds"), f.get("sample_rms_left"), f.get("sample_rms_right")))
print()
due = 2 * calls * 50 * num(r, "window_s")
sent = num(r, "up_sent") + num(r, "down_sent")
if due and sent < 0.99 * due:
    print("WARNING: the RTP tool sent %.1f %% of the packets due in the window (starved of CPU, %s ms of sending skipped): the load was lighter than it says." % (
          100 * sent / due, r.get("tool_stalled_ms")))
    print()
print("Goal: %s. RTP tool: %s sends refused by the kernel, %s relatches, %s ms of sending skipped in the window, %s callers aimed from the SDP before hearing the server. %s" % (
      goal, r.get("tool_send_refused"), r.get("relatches"), r.get("tool_stalled_ms"), r.get("callers_aimed_from_sdp"),
      "FAILED: " + "; ".join(problems) if problems else "All calls succeeded and were bridged."))
sys.exit(1 if problems else 0)
PY
}

facts="$results/$run.facts.txt"
: > "$facts"
fact() { echo "$1=$2" >> "$facts"; }
ramp=$(( (calls + rate - 1) / rate ))
ready_by=$(( ramp + 20 ))   # the tool opens the window by then, bridged or not
settle=3                    # and this long after the last bridge: the ramp's wake settles first
hold_s=$(( ready_by + settle + seconds + 20 )) # callers stay past the window, the heap and RSS reads
fact calls "$calls"; fact mode "$mode"; fact seconds "$seconds"; fact rate "$rate"

# the tool's own floor: the same streams between its sockets, no server (BENCH_FLOOR=0 skips it)
floor_s=$(( seconds < 10 ? seconds : 10 ))
if [ "${BENCH_FLOOR:-1}" = 1 ]; then
  timeout $(( floor_s + 60 )) java ${RTP_JAVA_OPTS:--Xmx256m} -cp "$tool_jar" acd.bench.rtp.RtpLoad --calls "$calls" \
    --seconds "$floor_s" --ready-by 10 --loopback true --out "$results/$run.floor.txt" > "$work/floor.log" 2>&1 \
    || echo "$prog: the tool's loopback floor run failed ($work/floor.log)"
fi

# the tool first: its ports are the agents' extensions and the callers' SDP
java ${RTP_JAVA_OPTS:--Xmx256m} -Xlog:gc:file="$results/$run.tool-gc.log" -cp "$tool_jar" acd.bench.rtp.RtpLoad --calls "$calls" --dir "$work" \
  --seconds "$seconds" --ready-by "$ready_by" --settle "$settle" --aim "$work/aim.txt" --out "$results/$run.rtp.txt" > "$work/tool.log" 2>&1 &
tool_pid=$!
pids+=("$tool_pid")
wait_for "rtp-load: ready" "$work/tool.log" 60 "$tool_pid"

# config MODE: the server's config in $work/acd.yaml on fresh ports (sets sip_port, http_port,
# trunk_port, agent_port): every agent of agents.txt in one queue, reached by number 200
config() {
  sip_port="$(free_port)"
  http_port="$(free_port)"
  trunk_port="$(free_port)"
  agent_port="$(free_port)"
  local rtp_base=$(( 10000 + 2 * (RANDOM % 2000) )) record=false # RTP below the ephemeral ports
  [ "$1" = recorded ] && record=true
  {
  loopback_yaml_head "$sip_port" "$rtp_base-$(( rtp_base + 4 * calls + 399 ))"
  cat <<YAML
http:
  listen: 127.0.0.1:$http_port
  token: bench-token
storage:
  dir: data
trunks:
  - id: callers
    address: 127.0.0.2:$trunk_port
    allow: [127.0.0.2/32]
agents:
YAML
  awk '{ printf "  - { id: a%s, extension: \"%s\", password: pw-%s }\n", $1, $1, $1 }' "$work/agents.txt"
  cat <<YAML
queues:
  - id: bench
    strategy: longest-idle
    ringTimeout: 30s
    wrapUpTime: 0s
    autoPause: 0
    record: $record
    members:
YAML
  awk '{ printf "      - { agent: a%s }\n", $1 }' "$work/agents.txt"
  cat <<YAML
numbers:
  - { number: "200", queue: bench }
YAML
  } > "$work/acd.yaml"
}

for attempt in 1 2 3; do # a port picked free can be taken by the time the server binds it (a shared box)
  config "$mode"
  ACD_JAVA_OPTS="${ACD_JAVA_OPTS:-} -Xlog:gc:file=$results/$run.server-gc.log" \
    start_server "$work/acd.yaml" "$work/server.log" > "$work/start-$attempt.log" && break
  [ "$attempt" -lt 3 ] || { cat "$work/start-$attempt.log"; exit 1; }
done

# agents: third-party registration from the port the answering SIPp then listens on
{ echo SEQUENTIAL; awk '{ printf "%s;acd.local;[authentication username=%s password=pw-%s]\n", $1, $1, $1 }' "$work/agents.txt"; } > "$work/register.csv"
(cd "$work" && sipp -sf "$scen/agent-register.xml" -inf "$work/register.csv" -i 127.0.0.1 -p "$agent_port" \
  -m "$calls" -r 200 -l 200 -timeout 120s -timeout_error -nostdin -trace_err \
  -error_file "$results/$run.register-errors.log" "127.0.0.1:$sip_port" > "$work/register.log" 2>&1) \
  || { echo "$prog: agent registration failed ($results/$run.register-errors.log)"; exit 1; }
for _ in $(seq 1 100); do [ "$(metric acd_agents_reachable)" -ge "$calls" ] && break; sleep 0.2; done
fact agents_reachable "$(metric acd_agents_reachable)"
(cd "$work" && exec sipp -sf "$scen/bench-media-agent.xml" -i 127.0.0.1 -p "$agent_port" -mi 127.0.0.1 \
  -mp "$(free_media_port)" -m "$calls" -nostdin -trace_stat -stf "$results/$run.agents-stat.csv" -fd 1 \
  -trace_err -error_file "$results/$run.agents-errors.log" > "$work/agents.log" 2>&1) &
agents_pid=$!
pids+=("$agents_pid")
fact heap_idle_kb "$(heap_after_gc_kb "$server_pid")" # the agents registered, no call yet

(cd "$work" && exec sipp -sf "$scen/bench-media-caller.xml" -s 200 -i 127.0.0.2 -p "$trunk_port" \
  -mi 127.0.0.1 -mp "$(free_media_port)" -inf "$work/callers.csv" -key aim "$work/aim.txt" -m "$calls" -l "$calls" -r "$rate" \
  -d "$(( hold_s * 1000 ))" -timeout "$(( hold_s + ramp + 120 ))s" -timeout_error -nostdin \
  -trace_stat -stf "$results/$run.callers-stat.csv" -fd 1 -trace_err \
  -error_file "$results/$run.callers-errors.log" "127.0.0.1:$sip_port" > "$work/callers.log" 2>&1) &
callers_pid=$!
pids+=("$callers_pid")

# the steady window: CPU of each process set and of the box over it; heap and RSS once it closed
wait_for "rtp-load: window opened" "$work/tool.log" $(( ready_by + ramp + 60 )) "$tool_pid"
load_pids=("$agents_pid" "$callers_pid")
server_w="$(cpu_mark "$server_pid")"; tool_w="$(cpu_mark "$tool_pid")"
sipp_w="$(cpu_mark "${load_pids[@]}")"; box_w="$(box_mark)"
wait_for "rtp-load: window closed" "$work/tool.log" $(( seconds + 30 )) "$tool_pid"
fact server_cpu "$(cpu_percent "$server_w" "$server_pid")"
fact tool_cpu "$(cpu_percent "$tool_w" "$tool_pid")"
fact sipp_cpu "$(cpu_percent "$sipp_w" "${load_pids[@]}")"
fact box_cpu "$(box_percent "$box_w")"
fact active_calls "$(metric acd_active_calls)"
fact rss_mb "$(rss_mb "$server_pid")"
fact heap_kb "$(heap_after_gc_kb "$server_pid")"
wait_for "rtp-load: results written" "$work/tool.log" 30 "$tool_pid"

# the hang-ups, then what the server counted (its RTP counters take a leg in when it closes)
wait_pid() { # pid seconds: its exit code, 124 if it outlives the wait
  for _ in $(seq 1 $(( $2 * 10 ))); do
    kill -0 "$1" 2>/dev/null || { wait "$1" && return 0 || return $?; }
    sleep 0.1
  done
  return 124
}
callers_rc=0; wait_pid "$callers_pid" $(( hold_s + ramp + 150 )) || callers_rc=$?
agents_rc=0; wait_pid "$agents_pid" 30 || agents_rc=$?
fact callers_rc "$callers_rc"; fact agents_rc "$agents_rc"
for _ in $(seq 1 50); do [ "$(metric acd_active_legs)" = 0 ] && break; sleep 0.2; done
fact relayed "$(metric acd_rtp_packets_relayed_total)"
fact server_lost "$(metric acd_rtp_packets_lost_total)"

if [ "$mode" = recorded ]; then
  rec_dir="$work/data/recordings"
  count() { find "$rec_dir" -name '*.wav' 2>/dev/null | wc -l; }
  for _ in $(seq 1 150); do [ "$(count)" -ge "$calls" ] && break; sleep 0.2; done
  sample="$(find "$rec_dir" -name '*.wav' -print -quit 2>/dev/null || true)"
  fact recordings "$(count)"
  fact recordings_bytes "$(du -sb "$rec_dir" 2>/dev/null | cut -f1)"
  if [ -n "$sample" ]; then
    fact sample_channels "$(soxi -c "$sample" 2>/dev/null || echo 0)"
    fact sample_seconds "$(soxi -D "$sample" 2>/dev/null || echo 0)"
    fact sample_rms_left "$(sox "$sample" -n remix 1 stat 2>&1 | awk '/^RMS +amplitude/ {print $3}')"
    fact sample_rms_right "$(sox "$sample" -n remix 2 stat 2>&1 | awk '/^RMS +amplitude/ {print $3}')"
  fi
fi
cp "$work/server.log" "$results/$run.server.log"
cp "$work/tool.log" "$results/$run.tool.log"
table_rc=0
table "$run" "$facts" "$results/$run.rtp.txt" "$results/$run.callers-stat.csv" \
  "$results/$run.agents-stat.csv" "$results/$run.floor.txt" > "$results/$run.table.md" || table_rc=$?
cat "$results/$run.table.md"
echo "$prog: results in $results"
exit "$table_rc"
