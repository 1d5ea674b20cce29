#!/usr/bin/env bash
# Push wake-up (RFC 8599) end to end on loopback, with the built server jar: a SIPp "mobile app"
# registers agent alice with pn-provider/pn-param/pn-prid in its Contact (the 200 must carry
# Feature-Caps +sip.pns) at a port where nothing listens, as a suspended app; a small HTTP server
# (python3) stands in for the push gateway. Checks:
#   (1) a call to alice's queue makes the server POST the wake-up (bearer token, JSON with the
#       device's pn-* values and the caller) without ringing the sleeping Contact; the "woken" app
#       then registers from the port a SIPp UAS answers on, and that UAS takes the call;
#   (2) when the app does not wake within the ring timeout (3 s), bob's desk phone (SIPp) is rung
#       and answers: the missed wake-up counted as no answer.
#   scripts/e2e-push.sh
# Prints one line per check, `ok` or `FAILED`, then `N passed, M failed`; exit code 0 only if all
# passed. A failed run keeps its work directory (server log, SIPp logs, the posts received).
# Needs: java, sipp, python3, curl. About 30 seconds.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib/usage.sh"; no_arguments "$@"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${ACD_JAR:-$root/sip-gateway/target/acd.jar}"
scen="$root/scripts/sipp"
prog=e2e-push
exec 2>&1
. "$root/scripts/lib/loopback.sh"
require_tools sipp java python3 curl
ensure_jar

passed=0
failed=0
ok() { echo "ok     $*"; passed=$((passed + 1)); }
bad() { echo "FAILED $*"; failed=$((failed + 1)); }

sip_port="$(free_port)"
http_port="$(free_port)"
push_port="$(free_port)"
trunk_port="$(free_port)"  # callers, from 127.0.0.2
asleep_port="$(free_port)" # the suspended app's Contact: nothing listens there
woken_port="$(free_port)"  # the woken app answers here
bob_port="$(free_port)"    # bob's desk phone
rtp_base=$(( 30000 + 2 * (RANDOM % 10000) ))
token=e2e-token
push_token=e2e-push-token
pn="acme;e2e.app;tok-e2e-1" # pn-provider, pn-param, pn-prid: CSV fields of agent-push-register.xml

{
  loopback_yaml_head "$sip_port" "$rtp_base-$((rtp_base + 99))"
  cat <<YAML
http:
  listen: 127.0.0.1:$http_port
  token: $token
storage:
  dir: data
push:
  url: http://127.0.0.1:$push_port/wake
  token: $push_token
trunks:
  - { id: callers, address: "127.0.0.2:$trunk_port", allow: [127.0.0.2/32] }
agents:
  - { id: alice, extension: "1001", password: pw-1001 }
  - { id: bob, extension: "1002", password: pw-1002 }
queues:
  - id: mobile
    ringTimeout: 10s
    members: [ { agent: alice } ]
  - id: either
    strategy: priority
    ringTimeout: 3s
    autoPause: 0
    members: [ { agent: alice, priority: 1 }, { agent: bob, priority: 2 } ]
numbers:
  - { number: "200", queue: mobile }
  - { number: "300", queue: either }
YAML
} > "$work/acd.yaml"

# The push gateway: one JSON line per POST (its Authorization and body) in push.log, answered 202.
python3 - "$push_port" "$work/push.log" <<'PY' > "$work/push-gateway.log" 2>&1 &
import json, sys
from http.server import BaseHTTPRequestHandler, HTTPServer
port, out = int(sys.argv[1]), sys.argv[2]
class Wake(BaseHTTPRequestHandler):
    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
        with open(out, "a") as f:
            f.write(json.dumps({"authorization": self.headers.get("Authorization"), "body": body}) + "\n")
        self.send_response(202)
        self.send_header("Content-Length", "0")
        self.end_headers()
HTTPServer(("127.0.0.1", port), Wake).serve_forever()
PY
pids+=($!)
: > "$work/push.log"

echo "$prog: server on 127.0.0.1:$sip_port, push gateway on $push_port (work dir $work)"
if ! start_server "$work/acd.yaml" "$work/server.log" 40; then
  bad "the server starts (see $work/server.log)"
  exit 1
fi

# app_register NAME CONTACT-PORT: alice's app registers with its pn-* parameters (third party
# style: from an ephemeral port, naming CONTACT-PORT); fails unless the 200 has Feature-Caps
app_register() {
  printf 'SEQUENTIAL\n1001;acd.local;[authentication username=1001 password=pw-1001];%s;%s\n' "$2" "$pn" \
    > "$work/$1.csv"
  (cd "$work" && sipp -sf "$scen/agent-push-register.xml" -inf "$work/$1.csv" -i 127.0.0.1 -p "$(free_port)" \
    -m 1 -timeout 20s -timeout_error -nostdin -trace_err -error_file "$work/$1-errors.log" \
    "127.0.0.1:$sip_port" > "$work/$1.log" 2>&1)
}
uas() { # scenario port
  (cd "$work" && exec sipp -sf "$scen/$1" -i 127.0.0.1 -p "$2" -mi 127.0.0.1 -mp "$(free_media_port)" \
    -rtp_echo -nostdin -trace_err -error_file "$work/uas-$2-errors.log" > "$work/uas-$2.log" 2>&1) &
  pids+=($!)
}
caller() { # name number: one call from the trunk address, 8 s long, in the background; sets caller_pid
  (cd "$work" && exec sipp -sf "$scen/caller.xml" -s "$2" -i 127.0.0.2 -p "$trunk_port" \
    -key rtp_port "$(free_port)" -cid_str "push-$1-%u@%s" -m 1 -d 8000 -timeout 60s -timeout_error \
    -nostdin -trace_err -error_file "$work/$1-errors.log" "127.0.0.1:$sip_port" > "$work/$1.log" 2>&1) &
  caller_pid=$!
  pids+=("$caller_pid")
}
# answered_by CALL-ID: the agent of the finished call's record, from the admin API (up to 10 s)
answered_by() {
  local r=""
  for _ in $(seq 1 50); do
    r="$(curl -s --max-time 10 -H "Authorization: Bearer $token" "http://127.0.0.1:$http_port/api/calls/$1" \
      | python3 -c 'import json, sys
r = json.load(sys.stdin).get("record") or {}
print("%s/%s/%s" % (r.get("outcome"), r.get("agentId"), r.get("ringsMissed")) if r.get("outcome") else "")' \
      2>/dev/null || true)"
    [ -n "$r" ] && { echo "$r"; return 0; }
    sleep 0.2
  done
  echo "none"
}
posts() { wc -l < "$work/push.log"; }
wait_gone() { for _ in $(seq 1 300); do gone "$1" && return 0; sleep 0.1; done; }

if app_register asleep "$asleep_port"; then
  ok "the app registers with pn-* parameters; the 200 carries Feature-Caps +sip.pns"
else
  bad "the app's REGISTER ($work/asleep.log, $work/asleep-errors.log)"
fi

# (1) woken and answered
uas agent-answer.xml "$woken_port"
caller woken 200
if wait_for '"tok-e2e-1"' "$work/push.log" 10; then
  if python3 -c 'import json, sys
p = json.loads(open(sys.argv[1]).readline())
b = p["body"]
sys.exit(0 if p["authorization"] == "Bearer " + sys.argv[2] and b["provider"] == "acme"
         and b["param"] == "e2e.app" and b["queue"] == "mobile" and b["caller"].startswith("+1555") else 1)' \
      "$work/push.log" "$push_token"; then
    ok "(1) the call makes the server post the wake-up: bearer token, device, caller and queue"
  else
    bad "(1) the wake-up's content: $(head -1 "$work/push.log")"
  fi
  app_register woken "$woken_port" || bad "(1) the woken app registers again ($work/woken.log)"
else
  bad "(1) no wake-up posted"
fi
wait_gone "$caller_pid"
got="$(answered_by "push-woken-1@127.0.0.2")"
if [ "${got%%/*}" = ANSWERED ] && [ "$(echo "$got" | cut -d/ -f2)" = alice ]; then
  ok "(1) the woken app is rung and answers the call (record: $got)"
else
  bad "(1) the woken app answers: record $got (server log $work/server.log)"
fi

# (2) not woken in time: bob is rung after alice's 3 s ring timeout
printf 'SEQUENTIAL\n1002;acd.local;[authentication username=1002 password=pw-1002]\n' > "$work/bob.csv"
(cd "$work" && sipp -sf "$scen/agent-register.xml" -inf "$work/bob.csv" -i 127.0.0.1 -p "$bob_port" -m 1 \
  -timeout 20s -timeout_error -nostdin -trace_err "127.0.0.1:$sip_port" > "$work/bob-register.log" 2>&1) \
  || bad "(2) bob registers ($work/bob-register.log)"
uas agent-answer.xml "$bob_port"
before="$(posts)"
caller missed 300
wait_gone "$caller_pid"
got="$(answered_by "push-missed-1@127.0.0.2")"
if [ "$(posts)" -gt "$before" ] && [ "${got%%/*}" = ANSWERED ] && [ "$(echo "$got" | cut -d/ -f2)" = bob ]; then
  ok "(2) the app is pushed but does not wake in 3 s: no answer, bob is rung and answers (record: $got)"
else
  bad "(2) a missed wake-up: $(( $(posts) - before )) post(s), record $got"
fi

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
