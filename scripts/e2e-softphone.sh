#!/usr/bin/env bash
# End to end on loopback with real third-party SIP software: the server runs on a generated
# config, baresip (a real softphone) registers as agent 1001 with auto-answer, and SIPp calls
# the queue's number from a trunk address (127.0.0.2). Passes when SIPp's call succeeds and the
# server logs the call answered by the agent and completed. Needs: sipp, baresip (Debian
# packages sip-tester, baresip). Bounded: gives up after about a minute.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/sip-gateway/target/acd.jar"
prog=e2e
. "$root/scripts/lib/loopback.sh"
require_tools sipp baresip java
ensure_jar

sip_port="$(free_port)"
trunk_port="$(free_port)"
rtp_base=$(( 32000 + 2 * (RANDOM % 8000) ))

cat > "$work/acd.yaml" <<YAML
sip:
  listen: 127.0.0.1:$sip_port
  domain: acd.local
  advertise: 127.0.0.1
  digest: [MD5]      # baresip 1.0 fails on any SHA-256 challenge
rtp:
  ports: $rtp_base-$((rtp_base + 99))
http:
  listen: 127.0.0.1:$(free_port)
  token: e2e-token
storage:
  dir: $work/data
  recordings: $work/data/recordings
trunks:
  - id: sipp
    address: 127.0.0.2:$trunk_port
    allow: [127.0.0.2/32]
agents:
  - id: alice
    name: Alice Example
    extension: "1001"
    password: demo-1001
queues:
  - id: sales
    strategy: priority
    ringTimeout: 15s
    members:
      - { agent: alice, priority: 1 }
numbers:
  - number: "2000"
    queue: sales
YAML

echo "e2e: server on 127.0.0.1:$sip_port (config $work/acd.yaml)"
java -jar "$jar" run "$work/acd.yaml" > "$work/server.log" 2>&1 &
pids+=($!)
wait_for() { # pattern file seconds
  for _ in $(seq 1 $(( $3 * 10 ))); do grep -q "$1" "$2" 2>/dev/null && return 0; sleep 0.1; done
  echo "e2e: timed out waiting for '$1' in $2" >&2; tail -20 "$2" >&2; return 1
}
wait_for "acd: running" "$work/server.log" 20

mkdir -p "$work/baresip"
cat > "$work/baresip/config" <<CONF
sip_listen 127.0.0.1:$(free_port)
module_path /usr/lib/baresip/modules
module g711.so
module ausine.so
module aufile.so
audio_source ausine,440
ausrc_srate 48000
auplay_srate 48000
ausrc_channels 2
auplay_channels 2
audio_player aufile,$work/agent-heard.wav
audio_alert aufile,/dev/null
module_app account.so
module_app menu.so
CONF
echo "<sip:1001@127.0.0.1:$sip_port;transport=udp>;auth_pass=demo-1001;answermode=auto;regint=300" \
  > "$work/baresip/accounts"
baresip -4 -f "$work/baresip" -n 127.0.0.1 -t 60 > "$work/baresip.log" 2>&1 &
pids+=($!)
wait_for "agent alice reachable" "$work/server.log" 20
echo "e2e: baresip registered as agent 1001"

sipp -sf "$root/scripts/sipp/caller.xml" -s 2000 -i 127.0.0.2 -p "$trunk_port" -mi 127.0.0.2 \
  -m 1 -d 3000 -timeout 30s -timeout_error -trace_err -error_file "$work/sipp-errors.log" \
  "127.0.0.1:$sip_port" > "$work/sipp.log" 2>&1 || { echo "e2e: SIPp call failed" >&2; tail -30 "$work/sipp-errors.log" >&2 || true; exit 1; }

wait_for "answered by alice" "$work/server.log" 10
wait_for "ended COMPLETED" "$work/server.log" 10
grep -E "queued|answered|ended" "$work/server.log" | sed 's/^/e2e: server: /'
echo "e2e: OK: SIPp's call was queued, answered by baresip as agent 1001, and completed"
