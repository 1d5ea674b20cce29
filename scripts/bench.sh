#!/usr/bin/env bash
# The load benchmark, one command: runs the full-flow calls-per-second steps
# (scripts/bench/cps.sh) and the bridged / recorded concurrency runs (scripts/bench/media.sh)
# against the built server jar on 127.0.0.1, the load generator (SIPp, the RTP tool) on the same
# box, and prints every run's markdown table together. A benchmark, never a test: figures from a
# shared or busy machine are noise.
#   scripts/bench.sh [cps [rate...] | bridged [calls] | recorded [calls] | all]   (default all)
#   scripts/bench.sh --help
# Prints each table as its run ends, then all of them under one another, then the results
# directory (every run's SIPp stat/count/rtt files, server log, config and table are kept there).
# Exit code 0 when every run could run (a rate that is not clean is a figure, not an error); 2 on
# a usage error or a missing tool.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/scripts/bench/common.sh"

usage() {
  cat <<'EOF'
usage: scripts/bench.sh [cps [rate...] | bridged [calls] | recorded [calls] | all]

  cps [rate...]     full flow at each offered rate (calls/s): trunk INVITE -> IVR 200 -> ACK ->
                    key 1 -> queue -> agent rings, answers -> bridged RTP -> caller's BYE, 400
                    agents. Each rate holds BENCH_SECONDS with zero failed calls and zero
                    retransmissions by the server to be clean. Without rates: steps up through
                    BENCH_RATES and stops after the first rate that is not clean.
  bridged [calls]   most concurrent bridged calls held BENCH_SECONDS with RTP relay
                    (scripts/bench/media.sh; default BENCH_CALLS calls)
  recorded [calls]  the same with stereo recording
  all               cps (stepping), bridged, recorded (the default)

environment (defaults in brackets):
  BENCH_SECONDS [60]      the measured steady window of every run (15 to try the scripts)
  BENCH_RESULTS           results directory [target/bench/<UTC time>]
  BENCH_RATES             cps steps [100 200 300 400 450 500 550 600 700 800]
  BENCH_RAMP [5]          cps: seconds of ramp-up to the rate (not measured)
  BENCH_AGENTS [400]      cps: agents, registered by one SIPp process
  BENCH_AGENT_PROCS [2]   cps: answering SIPp processes the agents are spread over
  BENCH_CALLER_PROCS [1]  cps: calling SIPp processes the rate is split over
  BENCH_DTMF [rtp]        cps: the IVR key as RFC 4733 events (rtp) or SIP INFO (info)
  BENCH_RING_MS [100], BENCH_TALK_MS [300], BENCH_DIGIT_MS [200], BENCH_BRIDGE_MS [500]
                          cps: agent's ring, talk time, ACK -> key, key -> talk
  BENCH_RTP_PORTS         cps: the server's RTP port range [the least used 10000+ ports now]
  BENCH_HEAP [1]          cps: 0 skips the heap sample in the middle of the window (two jcmd
                          runs and a full GC: a stall that shows in the p99 latencies)
  BENCH_CALLS [1000]      bridged/recorded: calls held at once when none is given
  BENCH_RATE [100]        bridged/recorded: calls/s while filling up
  ACD_JAR, ACD_JAVA_OPTS  the server jar and its JVM options
EOF
}

mode="${1:-all}"
case "$mode" in
  -h|--help|help) usage; exit 0 ;;
  cps|bridged|recorded|all) [ $# = 0 ] || shift ;;
  *) usage >&2; exit 2 ;;
esac
results="${BENCH_RESULTS:-$(bench_results_dir)}"
mkdir -p "$results"
results="$(cd "$results" && pwd)"
failed=0

media() { # bridged|recorded [calls]
  local calls="${2:-${BENCH_CALLS:-1000}}"
  if [ ! -x "$root/scripts/bench/media.sh" ]; then
    printf '| %s |\n|---|\n| not run: scripts/bench/media.sh is not there yet |\n' "$1" > "$results/media-$1.table.md"
    echo "bench: scripts/bench/media.sh is not there yet: no $1 rows"
    return
  fi
  "$root/scripts/bench/media.sh" "$1" "$calls" "$results" || [ $? = 1 ] || failed=1 # 1: calls failed, a figure
}

case "$mode" in
  cps)
    for r in "$@"; do [[ "$r" =~ ^[1-9][0-9]*$ ]] || { usage >&2; exit 2; }; done
    "$root/scripts/bench/cps.sh" "$@" "$results" || failed=1 ;;
  bridged|recorded)
    [ $# -le 1 ] && [[ "${1:-1}" =~ ^[1-9][0-9]*$ ]] || { usage >&2; exit 2; }
    media "$mode" "$@" ;;
  all)
    "$root/scripts/bench/cps.sh" "$results" || failed=1
    media bridged
    media recorded ;;
esac

echo
echo "# acd benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, BENCH_SECONDS=${BENCH_SECONDS:-60}"
for t in "$results"/cps.table.md "$results"/media-bridged*.table.md "$results"/media-recorded*.table.md; do
  [ -f "$t" ] || continue
  echo
  echo "## $(basename "$t" .table.md)"
  echo
  cat "$t"
done
echo
echo "bench: results in $results"
[ "$failed" = 0 ] || exit 2
