#!/usr/bin/env bash
# The README's screenshots of the supervisor page under the demo's load: runs scripts/demo.sh on
# free ports (its own server, SIPp agents and callers), waits until callers wait in the queues
# and agents talk, then headless Chromium (the browser test gateway.web.DocsScreenshots, through
# Maven) signs in and captures the wallboard on a wall screen (wallboard.png, 1600x900, kiosk),
# the agents view (agents.png, 1600x900) and the wallboard on a phone (wallboard-phone.png,
# 390x844). Stops the demo (SIGINT, as Ctrl-C would) when done.
#   scripts/screenshots.sh [output-dir]      (default: docs/ of the repository)
# Prints each file written with its size, or why it failed (the demo's output kept in the work
# directory it names).
# Environment: ACD_JAR, ACD_JAVA_OPTS as for demo.sh.
# Needs: java, mvn, sipp, python3, and /usr/bin/chromium with /usr/bin/chromedriver (Debian
# packages sip-tester, python3, chromium, chromium-driver).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib/usage.sh"; help_from_header "$@"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${ACD_JAR:-$root/sip-gateway/target/acd.jar}"
prog=screenshots
. "$root/scripts/lib/loopback.sh"
require_tools java mvn sipp python3
for tool in /usr/bin/chromium /usr/bin/chromedriver; do
  [ -x "$tool" ] || { echo "$prog: $tool is not installed (Debian packages chromium, chromium-driver)" >&2; exit 2; }
done
out="$(mkdir -p "${1:-$root/docs}" && cd "${1:-$root/docs}" && pwd)"
ensure_jar

http_port="$(free_port)"
sip_port="$(free_port)"
rtp_base=$(( 40000 + 2 * (RANDOM % 4000) ))
token="screenshots-$RANDOM$RANDOM"

# A script's background job ignores SIGINT; with job control on, the demo gets a process group of
# its own where SIGINT reaches its trap, which stops its server and SIPps.
set -m
ACD_ADMIN_TOKEN="$token" ACD_DEMO_HTTP_PORT="$http_port" ACD_DEMO_SIP_PORT="$sip_port" \
  ACD_DEMO_RTP_PORTS="$rtp_base-$(( rtp_base + 599 ))" ACD_JAR="$jar" \
  "$root/scripts/demo.sh" < /dev/null > "$work/demo.log" 2>&1 &
demo=$!
set +m
pids+=("$demo")

# busy: two callers wait, two agents talk and six calls were answered today, so the tiles have
# figures (the admin API, every second, up to 5 min)
echo "$prog: demo started (http port $http_port); waiting for waiting callers and talking agents"
busy=0
python3 - "http://127.0.0.1:$http_port" "$token" "$demo" <<'PY' && busy=1
import json, os, sys, time, urllib.request
base, token, demo = sys.argv[1], sys.argv[2], int(sys.argv[3])
def get(path):
    req = urllib.request.Request(base + path, headers={"Authorization": "Bearer " + token})
    with urllib.request.urlopen(req, timeout=5) as r:
        return json.load(r)
for _ in range(300):
    try:
        os.kill(demo, 0)
    except OSError:
        sys.exit(1)
    try:
        queues = get("/api/queues")
        waiting = sum(q["waiting"] for q in queues)
        answered = sum((q.get("today") or {}).get("answered") or 0 for q in queues)
        talking = sum(1 for a in get("/api/agents") if a["state"] == "ON_CALL")
        if waiting >= 2 and talking >= 2 and answered >= 6:
            sys.exit(0)
    except (OSError, ValueError, KeyError):
        pass  # the server is still starting
    time.sleep(1)
sys.exit(1)
PY
[ "$busy" = 1 ] || { echo "$prog: the demo never got busy; its output:"; tail -20 "$work/demo.log"; exit 1; }

echo "$prog: capturing into $out"
(cd "$root" && ACD_SCREENSHOT_URL="http://127.0.0.1:$http_port" ACD_SCREENSHOT_TOKEN="$token" \
  ACD_SCREENSHOT_DIR="$out" mvn -B -q -pl sip-gateway -am -Dtest=DocsScreenshots \
  -Dsurefire.failIfNoSpecifiedTests=false test > "$work/mvn.log" 2>&1) \
  || { echo "$prog: the screenshots failed; Maven's output:"; tail -40 "$work/mvn.log"; exit 1; }
stop_process "$demo" INT # as Ctrl-C would: the demo stops its server and SIPps
for f in wallboard.png agents.png wallboard-phone.png; do
  echo "$out/$f $(( $(stat -c %s "$out/$f") / 1024 )) KB"
done
