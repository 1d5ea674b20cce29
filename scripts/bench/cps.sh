#!/usr/bin/env bash
# Calls per second of the full flow, RFC 7502 style (session establishment rate), load generator
# on the same box. For each offered rate: a fresh server (the built jar) on a generated config,
# BENCH_AGENTS agents registered by one SIPp process (third-party registration from a CSV) with
# their Contacts spread over BENCH_AGENT_PROCS answering SIPp processes, then SIPp callers from a
# trunk at the offered rate: INVITE -> 200 from the IVR menu -> ACK -> key 1 (RFC 4733 from
# SIPp's dtmf_2833_1.pcap, or SIP INFO with BENCH_DTMF=info) -> queue -> an agent rings 180,
# answers after BENCH_RING_MS -> bridged (the caller plays BENCH_TALK_MS of PCMA speech
# through the relay) -> the caller's BYE. The rate ramps up over BENCH_RAMP seconds, settles
# for a few seconds, then BENCH_SECONDS are measured; calls finishing after are not.
#   scripts/bench/cps.sh [rate...] [results-dir]
# With rates, runs each; without, steps up through BENCH_RATES and stops after the first rate
# that is not clean (a failed call, a retransmission by the server, or under 95 % achieved).
# Prints one markdown table row per rate (also in <results-dir>/cps.table.md, the runs'
# files in <results-dir>/cps-<rate>/), then the highest clean rate. Exit code 0 unless the
# tools are missing or a run could not start. Settings are environment variables: see
# `scripts/bench.sh --help`. Needs sipp (Debian sip-tester, with its pcaps), java, jcmd, python3,
# curl. A rate takes BENCH_SECONDS plus about 30 s.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="${ACD_JAR:-$root/sip-gateway/target/acd.jar}"
scen="$root/scripts/sipp"
prog=cps
. "$root/scripts/lib/loopback.sh"
. "$root/scripts/bench/common.sh"
require_tools sipp java python3 curl jcmd
ensure_jar

seconds="${BENCH_SECONDS:-60}"
ramp="${BENCH_RAMP:-5}"
agents="${BENCH_AGENTS:-400}"
agent_procs="${BENCH_AGENT_PROCS:-2}"
caller_procs="${BENCH_CALLER_PROCS:-1}"
dtmf="${BENCH_DTMF:-rtp}"
ring_ms="${BENCH_RING_MS:-100}"
talk_ms="${BENCH_TALK_MS:-300}"
digit_ms="${BENCH_DIGIT_MS:-200}"   # after the ACK: the menu's prompt (100 ms) has played
bridge_ms="${BENCH_BRIDGE_MS:-500}" # after the key: detected, queued, rung, answered, bridged
report="$root/scripts/bench/cps-report.py"
# BENCH_HEAP=0 skips the heap sample in the middle of the window (jcmd and a full GC stall it)

rates=()
while [ $# -gt 0 ] && [[ "$1" =~ ^[0-9]+$ ]]; do rates+=("$1"); shift; done
results="${1:-$(bench_results_dir)}"
step=0
if [ ${#rates[@]} = 0 ]; then
  step=1
  read -r -a rates <<< "${BENCH_RATES:-100 200 300 400 450 500 550 600 700 800}"
fi
mkdir -p "$results"
table="$results/cps.table.md"

pcaps=""
for d in /usr/share/sip-tester /usr/share/sipp/pcap /usr/local/share/sipp/pcap; do
  [ -f "$d/dtmf_2833_1.pcap" ] && { pcaps="$d"; break; }
done
[ -n "$pcaps" ] || { echo "cps: SIPp's bundled pcaps (dtmf_2833_1.pcap, g711a.pcap) not found" >&2; exit 2; }

# the run directory's media: the key's pcap, the speech cut to the talk time, a 100 ms prompt
make_media() { # dir
  ln -sf "$pcaps/dtmf_2833_1.pcap" "$1/"
  python3 - "$pcaps/g711a.pcap" "$1/bench-talk.pcap" "$talk_ms" "$1/prompt.wav" <<'PY'
import math, struct, sys, wave
src, dst, talk_ms, prompt = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
data = open(src, "rb").read()
out, off, first = [data[:24]], 24, None
while off + 16 <= len(data):
    sec, usec, incl, _ = struct.unpack("<IIII", data[off:off + 16])
    t = sec + usec / 1e6
    first = t if first is None else first
    if (t - first) * 1000 >= talk_ms:
        break
    out.append(data[off:off + 16 + incl])
    off += 16 + incl
open(dst, "wb").write(b"".join(out))
with wave.open(prompt, "wb") as w:
    w.setnchannels(1); w.setsampwidth(2); w.setframerate(8000)
    w.writeframes(b"".join(struct.pack("<h", int(6000 * math.sin(2 * math.pi * 440 * i / 8000))) for i in range(800)))
PY
}

write_config() { # dir sip-port http-port caller-port rtp-first rtp-last
  local i
  {
    loopback_yaml_head "$2" "$5-$6" "nat: never"
    cat <<YAML
http:
  listen: 127.0.0.1:$3
  token: bench-token
storage:
  dir: $1/data
trunks:
  - id: callers
    address: 127.0.0.2:$4
    allow: [127.0.0.2/32]
menus:
  - id: ivr
    prompt: $1/prompt.wav
    timeout: 5s
    options:
      "1": { queue: q }
numbers:
  - { number: "100", menu: ivr }
queues:
  - id: q
    strategy: longest-idle
    ringTimeout: 30s
    wrapUpTime: 0s
    autoPause: 0
    members:
YAML
    for (( i = 1; i <= agents; i++ )); do echo "      - { agent: a$i }"; done
    echo "agents:"
    for (( i = 1; i <= agents; i++ )); do echo "  - { id: a$i, extension: \"$(( 30000 + i ))\", password: pw$i }"; done
  } > "$1/acd.yaml"
}


# the first port (even) of the span of UDP ports from 40000 up where the fewest are bound now.
# Other runs on a shared machine take RTP ports too, and the server takes its ports in turn
# through its range, so a block of someone else's in it fails calls ("no media port" in the
# server log, outcome FAILED); the usual ranges (and the blocks they sweep through) are lower,
# the kernel's scattered ephemeral ports up here cost a retry each. BENCH_RTP_PORTS=first-last
# sets the range instead.
quiet_ports() { # span
  python3 - "$1" <<'PY'
import sys
span, bound = int(sys.argv[1]), []
for table in ("/proc/net/udp", "/proc/net/udp6"):
    try:
        bound += [int(line.split()[1].rsplit(":", 1)[1], 16) for line in open(table).readlines()[1:]]
    except OSError:
        pass
starts = range(40000 if span <= 25000 else 20000, 65500 - span + 1, 500)
print(min(starts, key=lambda s: sum(s <= p < s + span for p in bound)))
PY
}

# waits until the epoch millisecond given
sleep_until() { # epoch-ms
  local left=$(( $1 - $(date +%s%3N) ))
  [ "$left" -le 0 ] || sleep "$(( left / 1000 )).$(printf %03d $(( left % 1000 )))"
}

start_agents() { # dir sip-port: sets agent_pids
  local dir="$1" sip_port="$2" i port reg_port
  agent_pids=()
  echo SEQUENTIAL > "$dir/agents.csv"
  for (( p = 0; p < agent_procs; p++ )); do
    port="$(free_port)"
    (cd "$dir" && exec sipp -sf "$scen/bench-agent.xml" -i 127.0.0.1 -p "$port" -mi 127.0.0.1 \
      -mp "$(free_media_port)" -recv_timeout "$ring_ms" -nostdin -trace_stat -fd 1 -trace_counts -trace_rtt \
      -rtt_freq 100 -trace_err -error_file "$dir/agent-$p-errors.log" > "$dir/agent-$p.log" 2>&1) &
    agent_pids+=($!); pids+=($!)
    for (( i = p + 1; i <= agents; i += agent_procs )); do
      echo "$(( 30000 + i ));acd.local;[authentication username=$(( 30000 + i )) password=pw$i];$port" >> "$dir/agents.csv"
    done
  done
  reg_port="$(free_port)"
  (cd "$dir" && sipp -sf "$scen/bench-register.xml" -inf "$dir/agents.csv" -i 127.0.0.1 -p "$reg_port" \
    -m "$agents" -r 200 -l 50 -timeout 60s -timeout_error -nostdin -trace_err \
    -error_file "$dir/register-errors.log" "127.0.0.1:$sip_port" > "$dir/register.log" 2>&1) ||
    { echo "cps: registering $agents agents failed ($dir/register-errors.log)"; return 1; }
  for _ in $(seq 1 100); do [ "$(metric acd_agents_reachable)" -ge "$agents" ] && return 0; sleep 0.2; done
  echo "cps: only $(metric acd_agents_reachable) of $agents agents reachable"; return 1
}

start_callers() { # dir sip-port rate caller-port: sets caller_pids; calls end by themselves
  local dir="$1" sip_port="$2" rate="$3" j r inc m port
  caller_pids=()
  for (( j = 0; j < caller_procs; j++ )); do
    r=$(( rate / caller_procs + (j < rate % caller_procs ? 1 : 0) ))
    inc=$(( ramp > 0 ? (r + ramp - 1) / ramp : r ))
    m=$(( inc * ramp * (ramp + 1) / 2 + r * (settle + seconds + 2) ))
    port="$4"; [ "$j" = 0 ] || port="$(free_port)"
    # SIPp restarts its call count at every -rate_interval, even at -rate_max, and misses the
    # last call of each interval: asked for one call per second more, it makes the rate wanted
    (cd "$dir" && exec sipp -sf "$scen/bench-caller.xml" -s 100 -i 127.0.0.2 -p "$port" -mi 127.0.0.2 \
      -mp "$(free_media_port)" -key dtmf "$dtmf" -key digit 1 -key digit_ms "$digit_ms" -key bridge_ms "$bridge_ms" \
      -d "$talk_ms" -r "$inc" -rate_increase "$inc" -rate_interval 1s -rate_max $(( r + 1 )) -no_rate_quit \
      -m "$m" -l $(( r * 20 + 100 )) -timeout $(( ramp + settle + seconds + 60 ))s -max_recv_loops 10000 \
      -cid_str "bench-%u-%p@%s" -nostdin -trace_stat -fd 1 -trace_counts -trace_rtt -rtt_freq 100 \
      -trace_err -error_file "$dir/caller-$j-errors.log" "127.0.0.1:$sip_port" > "$dir/caller-$j.log" 2>&1) &
    caller_pids+=($!); pids+=($!)
  done
}

# one rate: prints its table row; returns 1 when it was not clean, 2 when it could not run
run_rate() { # rate
  local rate="$1" dir="$results/cps-$1" sip_port caller_port span first last start_ms win_start win_end
  local srv gen box active heap rss verdict row
  mkdir -p "$dir"
  sip_port="$(free_port)"; http_port="$(free_port)"; caller_port="$(free_port)"
  # RTP/RTCP pairs for two legs of every call alive at once (rate x a few seconds), many times
  # over: the server picks ports at random and gives up after a few taken ones
  span=$(( rate * 20 )); (( span >= 10000 )) || span=10000; (( span <= 25000 )) || span=25000
  first="$(quiet_ports "$span")"; last=$(( first + span - 1 ))
  [ -z "${BENCH_RTP_PORTS:-}" ] || { first="${BENCH_RTP_PORTS%-*}"; last="${BENCH_RTP_PORTS#*-}"; }
  make_media "$dir"
  write_config "$dir" "$sip_port" "$http_port" "$caller_port" "$first" "$last"
  start_server "$dir/acd.yaml" "$dir/server.log" || return 2
  start_agents "$dir" "$sip_port" || { stop_process "$server_pid"; return 2; }
  echo "heap_idle_kb=$(heap_after_gc_kb "$server_pid")" > "$dir/measure.txt"
  srv="$(cpu_mark "$server_pid")"; sleep 3 # what the server spends with its agents and no call
  echo "server_idle_cpu=$(cpu_percent "$srv" "$server_pid")" >> "$dir/measure.txt"

  settle=$(( (digit_ms + bridge_ms + talk_ms + ring_ms) / 1000 + 2 ))
  start_ms="$(date +%s%3N)"
  win_start=$(( start_ms + (ramp + settle) * 1000 )); win_end=$(( win_start + seconds * 1000 ))
  start_callers "$dir" "$sip_port" "$rate" "$caller_port"
  echo "cps: $rate/s: $agents agents registered, calls ramping up; measuring $(date -d "@$(( win_start / 1000 ))" +%T)-$(date -d "@$(( win_end / 1000 ))" +%T)" >&2
  ( while :; do echo "$(date +%s%3N) $(metric acd_active_calls)"; sleep 1; done ) > "$dir/metrics-samples.txt" &
  local sampler=$!; pids+=($sampler)

  sleep_until "$win_start"
  srv="$(cpu_mark "$server_pid")"; gen="$(cpu_mark "${agent_pids[@]}" "${caller_pids[@]}")"; box="$(box_mark)"
  sleep_until $(( win_start + seconds * 500 ))
  active="$(metric acd_active_calls)"; rss="$(rss_mb "$server_pid")"; heap=0
  # two jcmd runs (a JVM start each) and a full GC: a stall of the box in the window
  [ "${BENCH_HEAP:-1}" = 0 ] || heap="$(heap_after_gc_kb "$server_pid")"
  sleep_until "$win_end"
  {
    echo "window_start_ms=$win_start"; echo "window_end_ms=$win_end"
    echo "server_cpu=$(cpu_percent "$srv" "$server_pid")"
    echo "generator_cpu=$(cpu_percent "$gen" "${agent_pids[@]}" "${caller_pids[@]}")"
    echo "box_cpu=$(box_percent "$box")"
    echo "active_mid=$active"; echo "heap_mid_kb=$heap"; echo "rss_mb=$rss"
  } >> "$dir/measure.txt"
  for pid in "${caller_pids[@]}"; do # they stop after their calls: bounded by their -timeout
    wait "$pid" 2>/dev/null || true
  done
  # what the heap still holds of the calls once they are over (jcmd and its full GC stall the
  # box for a moment: not while calls run)
  jcmd "$server_pid" GC.class_histogram 2>/dev/null | head -45 > "$dir/heap-histogram.txt" || true
  for pid in "${agent_pids[@]}"; do stop_process "$pid" USR1; done # SIPp's soft exit: stats written
  kill -0 "$server_pid" 2>/dev/null || echo "cps: $rate/s: the server died during the run ($dir/server.log)" >&2
  curl -s --max-time 5 "http://127.0.0.1:$http_port/metrics" > "$dir/metrics-end.txt" || true
  stop_process "$sampler"; stop_process "$server_pid"

  python3 "$report" "$dir" "$rate" > "$dir/row.txt" || { echo "cps: no figures for $rate/s ($dir)"; return 2; }
  row="$(head -1 "$dir/row.txt")"; verdict="$(sed -n 2p "$dir/row.txt")"
  echo "$row" >> "$table"
  echo "$row"
  echo "cps: $rate/s: ${verdict#verdict }" >&2
  [ "${verdict#verdict }" = clean ]
}

echo "cps: ${BENCH_SECONDS:-60} s per rate (ramp $ramp s), $agents agents in $agent_procs SIPp processes," \
  "$caller_procs caller process(es), key by $dtmf, ring $ring_ms ms, talk $talk_ms ms; results in $results" >&2
python3 "$report" --header | tee "$table"
best=""
for rate in "${rates[@]}"; do
  rc=0; run_rate "$rate" || rc=$?
  [ "$rc" = 2 ] && exit 2
  [ "$rc" = 0 ] && best="$rate"
  [ "$rc" = 0 ] || [ "$step" = 0 ] || break
done
echo "cps: highest clean rate: ${best:-none} calls/s (results in $results)"
printf '\nhighest clean rate: %s calls/s\n' "${best:-none}" >> "$table"
keep_work=0
