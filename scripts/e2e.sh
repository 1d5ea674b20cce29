#!/usr/bin/env bash
# End to end test of the whole product from the outside, on loopback: the built server jar on a
# generated config (SQLite in the work directory, the main queue recorded, an admin token), SIPp
# agents that register with digest auth and answer (or never answer, or reject with 486), SIPp
# callers from a trunk address through the IVR and into queues, and a SIPp carrier trunk that
# challenges with 407. Outcomes are read from SIPp's exit codes and the admin API (call
# records, agents, recordings, whose channels sox measures).
#   scripts/e2e.sh
# Prints one line per check, `ok` or `FAILED`, and `N passed, M failed` as its last line; exit
# code 0 only if every check passed. A failed run keeps its work directory (logs, SIPp traces).
# Needs: java, sipp, sox, python3, curl (Debian packages sip-tester, sox, python3, curl). About
# two minutes (half of it the random strategy's 45 calls); every wait is bounded, and no check
# depends on timing beyond callers that stay several times longer than the server needs.
set -uo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib/usage.sh"; no_arguments "$@"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${ACD_JAR:-$root/sip-gateway/target/acd.jar}"
scen="$root/scripts/sipp"
prog=e2e
exec 2>&1 # one stream, in order, so that the verdict is the last line
. "$root/scripts/lib/loopback.sh"
require_tools sipp java sox python3 curl
ensure_jar
pcaps="$(sipp_pcaps)" || exit 2

ln -s "$pcaps/dtmf_2833_1.pcap" "$pcaps/g711a.pcap" "$work/" # SIPp runs in $work

passed=0
failed=0
ok() { echo "ok     $*"; passed=$((passed + 1)); }
bad() { echo "FAILED $*"; failed=$((failed + 1)); }
finish() { # stops everything, then the verdict: cleanup's own message would come after it
  local rc=0
  [ "$failed" = 0 ] || { rc=1; echo "e2e: logs in $work"; }
  trap - EXIT
  (exit $rc); cleanup >/dev/null 2>&1 # cleanup keeps the work directory when $? is not 0
  echo "$passed passed, $failed failed"
  exit $rc
}

sip_port="$(free_port)"
http_port="$(free_port)"
trunk_port="$(free_port)"   # callers, from 127.0.0.2
carrier_port="$(free_port)" # the carrier's trunk, on 127.0.0.3
answer_port="$(free_port)"  # agents 1001-1003: answer
noanswer_port="$(free_port)" # agent 1011: never answers
busy_port="$(free_port)"    # agent 1012: 486
rtp_base=$(( 30000 + 2 * (RANDOM % 10000) ))
token=e2e-token
api="http://127.0.0.1:$http_port/api"
started="$(date -u -d '-1 min' +%Y-%m-%dT%H:%M:%SZ)"

sox -n -r 8000 -c 1 -b 16 "$work/prompt.wav" synth 0.3 sine 600 vol 0.2
{
  loopback_yaml_head "$sip_port" "$rtp_base-$((rtp_base + 199))"
  cat <<YAML
http:
  listen: 127.0.0.1:$http_port
  token: $token
storage:
  dir: data          # relative to this file
trunks:
  - id: callers
    address: 127.0.0.2:$trunk_port
    allow: [127.0.0.2/32]
  - id: carrier
    address: 127.0.0.3:$carrier_port
    username: acd-e2e
    password: carrier-pw
agents:
  - { id: a1, extension: "1001", password: pw-1001 }
  - { id: a2, extension: "1002", password: pw-1002 }
  - { id: a3, extension: "1003", password: pw-1003 }
  - { id: dave, extension: "1004", password: pw-1004 }
  - { id: n1, extension: "1011", password: pw-1011 }
  - { id: b1, extension: "1012", password: pw-1012 }
  - { id: off, extension: "1099", password: pw-1099 }
  - { id: mobile, device: "+15550100", forward: always, trunk: carrier }
queues:
  - id: main
    strategy: priority
    ringTimeout: 10s
    record: true
    members: [ { agent: a1, priority: 1 }, { agent: a2, priority: 2 }, { agent: a3, priority: 3 } ]
  - id: rt
    strategy: priority
    ringTimeout: 3s
    autoPause: 0
    members: [ { agent: n1, priority: 1 }, { agent: b1, priority: 2 }, { agent: a3, priority: 3 } ]
  - id: mw
    maxWaitTime: 3s
    whenMaxWait: { menu: fallback }
    members: [ { agent: off } ]
  - id: hold
    members: [ { agent: off } ]
  - id: fwd
    members: [ { agent: mobile } ]
  - id: rnd
    strategy: random
    members: [ { agent: a1 }, { agent: a2 }, { agent: a3 } ]
menus:
  - id: ivr
    prompt: $work/prompt.wav
    timeout: 15s
    options:
      "1": { queue: main }
  - id: fallback
    prompt: $work/prompt.wav
    timeout: 30s
    options:
      "9": { hangup: true }
numbers:
  - { number: "100", menu: ivr }
  - { number: "200", queue: main }
  - { number: "300", queue: rt }
  - { number: "400", queue: mw }
  - { number: "500", queue: hold }
  - { number: "600", queue: fwd }
  - { number: "700", queue: rnd }
YAML
} > "$work/acd.yaml"

get() { curl -s --max-time 10 -H "Authorization: Bearer $token" "$api/$1"; }
# json URL-PATH PYTHON-EXPR: evaluates the expression on the JSON answer (as `j`); prints it
json() {
  get "$1" | python3 -c 'import json, sys
try:
    j = json.load(sys.stdin)
    v = eval(sys.argv[1])
except Exception as e:
    v = "?(%s)" % type(e).__name__
print(v if not isinstance(v, (dict, list)) else json.dumps(v))' "$2"
}
# record CALL-ID: waits (up to 10 s) for the finished call's record; prints the call's JSON
# ({"record": {...}, "events": [...]})
record() {
  local r
  for _ in $(seq 1 50); do
    r="$(get "calls/$1")"
    if python3 -c 'import json, sys
sys.exit(0 if (json.loads(sys.argv[1]).get("record") or {}).get("outcome") else 1)' "$r" 2>/dev/null; then
      echo "$r"
      return 0
    fi
    sleep 0.2
  done
  echo "$r"
  return 1
}
# field CALL-JSON PYTHON-EXPR: the expression on the call (as `j`) and its record (as `r`)
field() { python3 -c 'import json, sys
j = json.loads(sys.argv[1])
r = j.get("record") or {}
try:
    v = eval(sys.argv[2])
except Exception as e:
    v = "?(%s)" % type(e).__name__
print(v)' "$1" "$2" 2>/dev/null || echo "?"; }
# expect NAME WHAT PYTHON-CONDITION: waits for the record of call e2e-NAME-1, checks the
# condition on it (as for field), prints ok or FAILED with the record's main fields
expect() {
  local name="$1" what="$2" cond="$3" rec summary
  rec="$(record "e2e-$name-1@127.0.0.2")"
  summary="$(field "$rec" '"outcome %s, agent %s, rung %s, missed %s, menus %s, keys %s" % (r.get("outcome"), r.get("agentId"), r.get("agentsRung"), r.get("ringsMissed"), r.get("menuPath"), r.get("keys"))')"
  if [ "$(field "$rec" "bool($cond)")" = True ]; then
    ok "$what ($summary)"
  else
    bad "$what: got $summary (${rec:0:300})"
  fi
}
# reachable AGENT: True or False, from the admin API
reachable() { json "agents/$1" 'j.get("reachable")'; }

# sipp_caller NAME SCENARIO NUMBER CALL-MS [sipp options...]: one call from the trunk address,
# Call-ID e2e-NAME-1@127.0.0.2; returns SIPp's exit code
sipp_caller() {
  local name="$1" sf="$2" number="$3" ms="$4"
  shift 4
  (cd "$work" && sipp -sf "$sf" -s "$number" -i 127.0.0.2 -p "$trunk_port" -mi 127.0.0.2 \
    -mp "$(free_media_port)" -key rtp_port "$(free_port)" -cid_str "e2e-$name-%u@%s" -m 1 -d "$ms" \
    -timeout 60s -timeout_error -nostdin -trace_err -error_file "$work/$name-errors.log" "$@" \
    "127.0.0.1:$sip_port" > "$work/$name.log" 2>&1)
}

echo "e2e: server on 127.0.0.1:$sip_port, admin API on $http_port (work dir $work)"
if ! start_server "$work/acd.yaml" "$work/server.log" 40; then
  bad "the server starts (see $work/server.log)"
  finish
fi

# Agents: each SIPp UAS's extensions register from the port the UAS then listens on (SIPp
# puts its own address in Via and Contact, so the server rings the Contact).
register() { # port csv-lines...
  local port="$1"
  shift
  { echo SEQUENTIAL; printf '%s\n' "$@"; } > "$work/agents-$port.csv"
  (cd "$work" && sipp -sf "$scen/agent-register.xml" -inf "$work/agents-$port.csv" -i 127.0.0.1 \
    -p "$port" -m $# -timeout 20s -timeout_error -nostdin -trace_err \
    -error_file "$work/register-$port-errors.log" "127.0.0.1:$sip_port" > "$work/register-$port.log" 2>&1)
}
agent_uas() { # scenario port
  (cd "$work" && exec sipp -sf "$scen/$1" -i 127.0.0.1 -p "$2" -mi 127.0.0.1 -mp "$(free_media_port)" \
    -rtp_echo -nostdin -trace_err -error_file "$work/uas-$2-errors.log" > "$work/uas-$2.log" 2>&1) &
  pids+=($!)
}
auth() { echo "1$1;acd.local;[authentication username=1$1 password=pw-1$1]"; }
registered=1
register "$answer_port" "$(auth 001)" "$(auth 002)" "$(auth 003)" || registered=0
register "$noanswer_port" "$(auth 011)" || registered=0
register "$busy_port" "$(auth 012)" || registered=0
agent_uas agent-answer.xml "$answer_port"
agent_uas agent-noanswer.xml "$noanswer_port"
agent_uas agent-busy.xml "$busy_port"
unreachable=""
for a in a1 a2 a3 n1 b1; do
  for _ in $(seq 1 25); do [ "$(reachable $a)" = True ] && break; sleep 0.2; done
  [ "$(reachable $a)" = True ] || unreachable+=" $a"
done
if [ "$registered" = 1 ] && [ -z "$unreachable" ]; then
  ok "five agents register with digest auth (MD5) and are reachable (admin API)"
else
  bad "agents register with digest auth: SIPp ok=$registered, unreachable:${unreachable:- none} ($work/register-*.log)"
fi

# (1) and (2): IVR by RFC 4733 and by INFO -> main queue -> a1, recorded
ivr_check() { # name dtmf-mode what
  local name="$1" mode="$2" what="$3"
  if ! sipp_caller "$name" "$scen/caller-ivr.xml" 100 4000 -key dtmf "$mode" -key digit 1; then
    bad "$what: the SIPp caller failed ($work/$name-errors.log)"
    return
  fi
  expect "$name" "$what: IVR key 1 -> queue main -> answered by a1, completed" \
    'r.get("outcome") == "ANSWERED" and r.get("agentId") == "a1" and r.get("keys") == "1" and r.get("queueId") == "main" and r.get("hangupSide") == "CALLER"'
  local left right loud=0
  for _ in $(seq 1 25); do # the recording is completed off the call path once the call has ended
    curl -s --max-time 10 -H "Authorization: Bearer $token" -o "$work/$name.wav" "$api/recordings/e2e-$name-1@127.0.0.2"
    left="$(sox "$work/$name.wav" -n remix 1 stat 2>&1 | awk '/^RMS +amplitude/ {print $3}')"
    right="$(sox "$work/$name.wav" -n remix 2 stat 2>&1 | awk '/^RMS +amplitude/ {print $3}')"
    awk -v l="${left:-0}" -v r="${right:-0}" 'BEGIN { exit !(l >= 0.005 && r >= 0.005) }' && { loud=1; break; }
    sleep 0.2
  done
  if [ "$loud" = 1 ]; then
    ok "$what: recording downloaded, sound on both channels (RMS caller $left, agent $right)"
  else
    bad "$what: recording's channels (RMS caller ${left:-none}, agent ${right:-none}; $work/$name.wav)"
  fi
}
ivr_check rfc4733 rtp "(1) RFC 4733 digit"
ivr_check info info "(2) SIP INFO digit"

# (3) priority: a1 (1), a2 (2), a3 (3) in queue main; three calls one after the other, each to a1
if (cd "$work" && sipp -sf "$scen/caller.xml" -s 200 -i 127.0.0.2 -p "$trunk_port" \
    -key rtp_port "$(free_port)" -cid_str "e2e-prio-%u@%s" -m 3 -l 1 -r 1 -d 2500 \
    -timeout 60s -timeout_error -nostdin -trace_err -error_file "$work/prio-errors.log" \
    "127.0.0.1:$sip_port" > "$work/prio.log" 2>&1); then
  agents=""
  for i in 1 2 3; do agents+="$(field "$(record "e2e-prio-$i@127.0.0.2")" 'r.get("agentId")') "; done
  if [ "$agents" = "a1 a1 a1 " ]; then
    ok "(3) priority: three calls in a row to queue main (members of priority 1, 2, 3) all answered by a1"
  else
    bad "(3) priority: three calls in a row answered by: $agents(expected a1 each time)"
  fi
else
  bad "(3) priority: the SIPp callers failed ($work/prio-errors.log)"
fi

# (4) ring timeout: queue rt rings n1 (never answers; ringTimeout 3s), b1 (486), then a3
if sipp_caller ringtimeout "$scen/caller.xml" 300 12000; then
  expect ringtimeout "(4) ring timeout: n1 rung 3 s unanswered, b1 busy (486), a3 answers" \
    'r.get("outcome") == "ANSWERED" and r.get("agentId") == "a3" and "n1" in (r.get("agentsRung") or "") and "b1" in (r.get("agentsRung") or "") and r.get("ringsMissed", 0) >= 2'
else
  bad "(4) ring timeout: the SIPp caller failed ($work/ringtimeout-errors.log)"
fi

# (5) max wait: queue mw (maxWaitTime 3s; its only agent never registered) -> menu fallback
if sipp_caller maxwait "$scen/caller.xml" 400 8000; then
  expect maxwait "(5) max wait: after 3 s in queue mw with no agent, the caller is in the fallback menu" \
    'r.get("outcome") == "TIMED_OUT" and "fallback" in (r.get("menuPath") or "") and not r.get("agentId")'
else
  bad "(5) max wait: the SIPp caller failed ($work/maxwait-errors.log)"
fi

# (6) the caller hangs up while queued (queue hold: no agent reachable, no max wait)
if sipp_caller abandon "$scen/caller.xml" 500 2000; then
  expect abandon "(6) the caller hangs up while queued: abandoned" \
    'r.get("outcome") == "ABANDONED_QUEUE" and r.get("queueId") == "hold" and r.get("hangupSide") == "CALLER"'
else
  bad "(6) abandon: the SIPp caller failed ($work/abandon-errors.log)"
fi

# (7) agent mobile (device +15550100, forward: always) through trunk carrier, which asks for
# credentials with 407, checks them (SIPp verifyauth) and answers
(cd "$work" && exec sipp -sf "$scen/carrier-407.xml" -i 127.0.0.3 -p "$carrier_port" -mi 127.0.0.3 \
  -mp "$(free_media_port)" -rtp_echo -trace_logs -log_file "$work/carrier-auth.log" -m 1 -timeout 60s \
  -timeout_error -nostdin -trace_err -error_file "$work/carrier-errors.log" > "$work/carrier.log" 2>&1) &
carrier=$!
pids+=($carrier)
sleep 0.5
if sipp_caller forward "$scen/caller.xml" 600 5000; then
  expect forward "(7) personal device through a trunk challenging with 407: answered by mobile" \
    'r.get("outcome") == "ANSWERED" and r.get("agentId") == "mobile"'
else
  bad "(7) forwarding: the SIPp caller failed ($work/forward-errors.log)"
fi
carrier_rc=124
for _ in $(seq 1 100); do kill -0 $carrier 2>/dev/null || { wait $carrier; carrier_rc=$?; break; }; sleep 0.1; done
# the digest response of the INVITE after the 407, computed again from the trunk's password
digest="$(python3 - "$work/carrier-auth.log" acd-e2e carrier-pw <<'PY' 2>&1
import hashlib, re, sys
text = open(sys.argv[1]).read()
p = dict(re.findall(r'(\w+)="?([^",\r\n]*)"?', text.split("Digest", 1)[1]))
h = lambda s: hashlib.md5(s.encode()).hexdigest()
ha1, ha2 = h(f"{sys.argv[2]}:{p['realm']}:{sys.argv[3]}"), h(f"INVITE:{p['uri']}")
want = h(f"{ha1}:{p['nonce']}:{p['nc']}:{p['cnonce']}:{p['qop']}:{ha2}")
print("valid" if p["username"] == sys.argv[2] and p["response"] == want else f"invalid: {p}")
PY
)"
if [ "$carrier_rc" = 0 ] && [ "$digest" = valid ]; then
  ok "(7) the carrier got an INVITE with valid digest credentials after its 407, and the call completed"
else
  bad "(7) the carrier's SIPp (challenge, credentials, answer, BYE) exited $carrier_rc, credentials: $digest ($work/carrier-errors.log)"
fi

# (8) a REGISTER with a wrong password is refused and the agent stays unreachable
echo SEQUENTIAL > "$work/bad.csv"
echo "1004;acd.local;[authentication username=1004 password=wrong-password]" >> "$work/bad.csv"
if (cd "$work" && sipp -sf "$scen/agent-register-refused.xml" -inf "$work/bad.csv" -i 127.0.0.1 \
    -p "$(free_port)" -m 1 -timeout 20s -timeout_error -nostdin -trace_err \
    -error_file "$work/badpw-errors.log" "127.0.0.1:$sip_port" > "$work/badpw.log" 2>&1); then
  ok "(8) a REGISTER with a wrong password is answered 401/403"
else
  bad "(8) a REGISTER with a wrong password was not refused ($work/badpw-errors.log)"
fi
sleep 0.5
if [ "$(reachable dave)" = False ]; then
  ok "(8) agent dave (1004) stays unreachable"
else
  bad "(8) agent dave (1004) reachable: $(reachable dave)"
fi

# (9) 500 malformed datagrams, then a normal call
python3 - "$sip_port" > "$work/garbage.log" 2>&1 <<'PY'
import random, socket, sys
port = int(sys.argv[1])
rnd = random.Random(4733)
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.2", 0))
good = (f"INVITE sip:200@127.0.0.1:{port} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.2:9;branch=z9hG4bK{{n}}\r\n"
        "From: <sip:x@127.0.0.2>;tag=g{n}\r\nTo: <sip:200@127.0.0.1>\r\nCall-ID: garbage-{n}\r\n"
        "CSeq: 1 INVITE\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n")
for n in range(500):
    msg = good.replace("{n}", str(n)).encode()
    kind = n % 5
    if kind == 0:    # random bytes
        data = bytes(rnd.randrange(256) for _ in range(rnd.randrange(1, 1400)))
    elif kind == 1:  # truncated anywhere
        data = msg[:rnd.randrange(1, len(msg))]
    elif kind == 2:  # bytes flipped
        b = bytearray(msg)
        for _ in range(8):
            b[rnd.randrange(len(b))] = rnd.randrange(256)
        data = bytes(b)
    elif kind == 3:  # a header gone bad: no Call-ID, a CSeq without a number, a bad Content-Length
        data = msg.replace(rnd.choice([b"Call-ID", b"CSeq: 1", b"Content-Length: 0"]),
                           rnd.choice([b"X", b"CSeq: abc", b"Content-Length: 99999"]))
    else:            # a response that answers nothing, or a request line with no version
        data = rnd.choice([b"SIP/2.0 200 OK\r\nCall-ID: nothing\r\n\r\n", b"INVITE sip:x\r\n\r\n", b"\r\n\r\n"])
    s.sendto(data, ("127.0.0.1", port))
print("sent 500")
PY
if sipp_caller aftergarbage "$scen/caller.xml" 200 2500; then
  expect aftergarbage "(9) after 500 malformed datagrams a normal call is answered and completed" \
    'r.get("outcome") == "ANSWERED" and r.get("agentId") == "a1"'
else
  bad "(9) after 500 malformed datagrams: the SIPp caller failed ($work/aftergarbage-errors.log)"
fi

# Reports: the queues' figures from every call above
report="$(get "reports?by=queue&group=range&from=$started&to=$(date -u -d '+1 hour' +%Y-%m-%dT%H:%M:%SZ)")"
figures="$(python3 -c 'import json, sys
t = json.loads(sys.argv[1])
rows = {}
for row in t["rows"]:
    d = dict(zip(t["columns"], row))
    rows[d.get("queue") or d.get("key") or d.get("queue_id")] = d
f = lambda q, c: int(float((rows.get(q) or {}).get(c) or 0))
print(" ".join("%s:%s=%d" % (q, c, f(q, c)) for q, c in [("main", "offered"), ("main", "answered"), ("rt", "answered"),
      ("rt", "missed_rings"), ("mw", "timed_out"), ("hold", "abandoned"), ("fwd", "answered")]))' "$report" 2>&1)"
if [ "$figures" = "main:offered=6 main:answered=6 rt:answered=1 rt:missed_rings=2 mw:timed_out=1 hold:abandoned=1 fwd:answered=1" ]; then
  ok "report by queue: $figures"
else
  bad "report by queue: got $figures (expected main 6 offered and answered, rt 1 answered 2 missed rings, mw 1 timed out, hold 1 abandoned, fwd 1 answered): ${report:0:400}"
fi

# (10) random strategy: 45 calls one after the other to queue rnd (a1, a2, a3, all free): the
# agent rung first for each call, counted per agent, against an even spread (chi-square, 2
# degrees of freedom, failing only above 18.4: p = 0.0001)
calls=45
if (cd "$work" && sipp -sf "$scen/caller.xml" -s 700 -i 127.0.0.2 -p "$trunk_port" \
    -key rtp_port "$(free_port)" -cid_str "e2e-rnd-%u@%s" -m $calls -l 1 -r 10 -d 1000 \
    -timeout 150s -timeout_error -nostdin -trace_err -error_file "$work/rnd-errors.log" \
    "127.0.0.1:$sip_port" > "$work/rnd.log" 2>&1); then
  firsts=""
  for i in $(seq 1 $calls); do firsts+="$(field "$(record "e2e-rnd-$i@127.0.0.2")" '(r.get("agentsRung") or "?").split(",")[0]') "; done
  verdict="$(python3 -c 'import sys
got = sys.argv[1].split()
counts = [got.count(a) for a in ("a1", "a2", "a3")]
e = len(got) / 3
chi = sum((c - e) ** 2 / e for c in counts)
print("%s a1 %d, a2 %d, a3 %d, chi-square %.1f" % ("ok" if len(got) == sum(counts) and chi <= 18.4 else "bad", *counts, chi))' "$firsts")"
  if [ "${verdict%% *}" = ok ]; then
    ok "(10) random strategy spreads $calls calls: ${verdict#* }"
  else
    bad "(10) random strategy: ${verdict#* } (first rung: $firsts)"
  fi
else
  bad "(10) random strategy: the SIPp callers failed ($work/rnd-errors.log)"
fi

# Metrics: the Prometheus scrape counts every call above as offered and finished, and has each
# queue's gauges
metrics="$(curl -s --max-time 10 "http://127.0.0.1:$http_port/metrics")"
verdict="$(python3 -c 'import re, sys
calls, offered, gauges = 0.0, 0.0, {}
for name, labels, value in re.findall(r"^(\w+)\{([^}]*)\} (\S+)$", sys.argv[1], re.M):
    queue = dict(re.findall(r"(\w+)=\"([^\"]*)\"", labels)).get("queue")
    calls += float(value) if name == "acd_calls_total" else 0
    offered += float(value) if name == "acd_calls_offered_total" else 0
    if name in ("acd_queue_waiting_calls", "acd_queue_longest_wait_seconds"):
        gauges.setdefault(queue, set()).add(name)
missing = [q for q in ("main", "rt", "mw", "hold", "fwd", "rnd") if len(gauges.get(q, ())) != 2]
good = calls > 0 and calls == offered and not missing
print("%s acd_calls_total %d, acd_calls_offered_total %d, queues without waiting/longest-wait gauges: %s"
      % ("ok" if good else "bad", calls, offered, ",".join(missing) or "none"))' "$metrics" 2>&1)"
if [ "${verdict%% *}" = ok ]; then
  ok "GET /metrics: ${verdict#* }"
else
  bad "GET /metrics: ${verdict#* } (${metrics:0:300})"
fi

finish
