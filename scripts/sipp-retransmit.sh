#!/usr/bin/env bash
# Counts our 200 OKs that reach a caller again after it ACKed them. SIPp trunk callers
# (scripts/sipp/caller.xml) call a number whose entry is an IVR menu, so the server answers at
# once; each caller ACKs the 200 the moment it arrives, stays call-ms, then hangs up. SIPp counts
# every repeat of a message it already received; a repeat of the 200 after SIPp has sent its ACK
# is a retransmission after the ACK. Everything runs on 127.0.0.1 on free ports.
#   scripts/sipp-retransmit.sh [rate-per-second] [calls] [call-ms]      (default 100 2000 1000)
# Prints calls made, failed, and the 200 retransmissions received; exits 1 if a call failed or
# a 200 came again. ACD_JAR picks another server jar (to compare builds).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib/usage.sh"; help_from_header "$@"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rate="${1:-100}"
calls="${2:-2000}"
call_ms="${3:-1000}"
jar="${ACD_JAR:-$root/sip-gateway/target/acd.jar}"
prog=retransmit
keep_work=1 # SIPp's stat files stay for reading
. "$root/scripts/lib/loopback.sh"
require_tools sipp java python3
ensure_jar

sip_port="$(free_port)"
trunk_port="$(free_port)"
# room for every call alive at once (rate x call length, twice over) in RTP/RTCP pairs
rtp_span=$(( (rate * (call_ms / 1000 + 2) * 4 + 200) / 2 * 2 ))
rtp_base=$(( 20000 + 2 * (RANDOM % ((40000 - rtp_span) / 2)) ))

{
  loopback_yaml_head "$sip_port" "$rtp_base-$((rtp_base + rtp_span - 1))"
  cat <<YAML
http:
  listen: 127.0.0.1:0
  token: retransmit-token
storage:
  dir: $work/data
trunks:
  - id: sipp
    address: 127.0.0.1:$trunk_port
    allow: [127.0.0.1/32]
menus:
  - id: main
    prompt: $root/config/sounds/welcome.wav
    timeout: 30s
    then: { hangup: true }
numbers:
  - number: "*"
    menu: main
YAML
} > "$work/acd.yaml"

start_server "$work/acd.yaml" "$work/server.log" 20 || exit 2

echo "retransmit: $calls calls at $rate/s, $call_ms ms each, to 127.0.0.1:$sip_port (work dir $work)"
(cd "$work" && sipp -sf "$root/scripts/sipp/caller.xml" -s 3000 -i 127.0.0.1 -p "$trunk_port" \
  -key rtp_port "$(free_port)" -r "$rate" -m "$calls" -l $(( rate * (call_ms / 1000 + 5) )) -d "$call_ms" -max_recv_loops 10000 \
  -timeout $(( calls / rate + 60 ))s -trace_counts -trace_stat -fd 1 -nostdin \
  "127.0.0.1:$sip_port" > "$work/sipp.log" 2>&1) || true

counts="$(ls "$work"/caller_*_counts.csv | head -1)"
stats="$(ls "$work"/caller_*_.csv | head -1)"
python3 - "$counts" "$stats" <<'PY'
import csv, sys
def last_row(path):
    with open(path) as f:
        rows = list(csv.reader(f, delimiter=';'))
    return dict(zip(rows[0], rows[-1]))
counts, stats = last_row(sys.argv[1]), last_row(sys.argv[2])
# SIPp names each column <message index>_<message>_<counter>; the first 200 answers the INVITE
invite_ok = next(k for k in counts if k.endswith("_200_Retrans"))
retrans = int(counts[invite_ok])
done = int(stats["SuccessfulCall(C)"]); failed = int(stats["FailedCall(C)"])
print(f"retransmit: calls {done + failed}, successful {done}, failed {failed}")
print(f"retransmit: 200 OK retransmissions received after the ACK: {retrans}")
sys.exit(1 if failed or retrans else 0)
PY
