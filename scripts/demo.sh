#!/usr/bin/env bash
# A demo for a newcomer, one command: the server on the default config (a copy of
# config/acd.yaml in a work directory, so call records and recordings stay out of the repo, with
# a trunk added for the simulated callers), SIPp agents registering with digest auth as the
# config's agents (they answer after a short ring, talk a while, hang up or let the caller hang
# up; one ring in seven goes unanswered), and a trickle of SIPp callers through the IVR by RFC
# 4733 DTMF (sales) and SIP INFO (support), some giving up while queued. One agent takes a
# short break now and then (paused through the admin API).
#   scripts/demo.sh
# Prints the admin API and metrics URLs, then a live view every second until Ctrl-C: per queue
# the waiting callers, longest wait, agents by state, answered, abandoned and service level
# today; each agent's state; the last finished calls. In a terminal it redraws in place, else
# it prints plain lines. Ctrl-C stops everything it started.
# Environment: ACD_DEMO_SIP_PORT (5060), ACD_DEMO_HTTP_PORT (8080), ACD_DEMO_RTP_PORTS (the
# config's 20000-20999; e.g. 46000-46999 where other servers use those), ACD_ADMIN_TOKEN (change-me),
# ACD_DEMO_KEEP=1 keeps the work directory (logs, acd.db, recordings), ACD_JAR, ACD_JAVA_OPTS.
# Needs: java, sipp, python3 (Debian packages sip-tester, python3).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib/usage.sh"; no_arguments "$@"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${ACD_JAR:-$root/sip-gateway/target/acd.jar}"
scen="$root/scripts/sipp"
prog=demo
. "$root/scripts/lib/loopback.sh"
[ "${ACD_DEMO_KEEP:-0}" != 1 ] || keep_work=1
# Ctrl-C is how the demo ends, not a failure: loopback.sh's stop_all stops everything, newest
# first, the view before the rest so that what follows is printed after its last frame.
stopping() {
  [ -z "${view:-}" ] || stop_process "$view"
  echo "demo: stopping..."
  stop_all
  [ "${keep_work:-0}" != 1 ] || echo "demo: logs, acd.db and recordings kept in $work"
}
trap 'stopping; exit 0' INT TERM
require_tools sipp java python3
pcaps="$(sipp_pcaps)" || exit 2
sip_port="${ACD_DEMO_SIP_PORT:-5060}"
http_port="${ACD_DEMO_HTTP_PORT:-8080}"
token="${ACD_ADMIN_TOKEN:-change-me}"

# port_free ADDRESS PORT udp|tcp...: whether the server could bind the port (TCP as Netty
# does, with SO_REUSEADDR: a port whose last connections linger in TIME_WAIT is free)
port_free() {
  python3 - "$@" <<'PY' && return 0
import socket, sys
host, port = sys.argv[1], int(sys.argv[2])
for proto in sys.argv[3:]:
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM if proto == "udp" else socket.SOCK_STREAM)
    if proto == "tcp":
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        s.bind((host, port))
    except OSError:
        sys.exit(1)
    finally:
        s.close()
PY
  return 1
}
refuse() { # message: nothing started yet, nothing to keep
  echo "demo: $*" >&2
  trap - EXIT
  rm -rf "$work"
  exit 2
}
port_free 0.0.0.0 "$sip_port" udp tcp || refuse "SIP port $sip_port is in use (another server?" \
  "scripts/run.sh?): stop it, or pick another port: ACD_DEMO_SIP_PORT=5070 scripts/demo.sh"
port_free 127.0.0.1 "$http_port" tcp || refuse "HTTP port $http_port is in use: stop what uses it," \
  "or pick another port: ACD_DEMO_HTTP_PORT=8081 scripts/demo.sh"
[ -f "$jar" ] || echo "demo: building the server jar (once; a few minutes)"
ensure_jar

# The default config with the demo's ports, storage in the work directory and the callers'
# trunk; the prompts are found through a link, as relative paths resolve beside the config.
trunk_port="$(free_port)"
ln -s "$root/config/sounds" "$work/sounds"
python3 - "$root/config/acd.yaml" "$work/acd.yaml" "$sip_port" "$http_port" "$trunk_port" \
  "${ACD_DEMO_RTP_PORTS:-}" <<'PY'
import re, sys
src, dst, sip, http, trunk, rtp = sys.argv[1:]
text = open(src).read()
def sub(pattern, repl):
    global text
    text, n = re.subn(pattern, repl, text, count=1, flags=re.M)
    if n != 1:
        sys.exit("demo: config/acd.yaml no longer has the line the demo changes: " + pattern)
sub(r"^(sip:\n(?:  .*\n)*?  listen: [^:\s]+):\d+", r"\g<1>:" + sip)
sub(r"^(http:\n(?:  .*\n)*?  listen: [^:\s]+):\d+", r"\g<1>:" + http)
sub(r"^(  dir:) .*$", r"\1 ./data")
sub(r"^(  recordings:) .*$", r"\1 ./data/recordings")
if rtp:
    sub(r"^(rtp:\n(?:  .*\n)*?  ports:) .*$", r"\1 " + rtp)
if re.search(r"^trunks:", text, flags=re.M):
    sys.exit("demo: config/acd.yaml has trunks now: add the demo's callers' trunk to them")
text += f"""
# added by scripts/demo.sh: its SIPp callers come from 127.0.0.2
trunks:
  - id: demo-callers
    address: 127.0.0.2:{trunk}
    allow: [127.0.0.2/32]
"""
open(dst, "w").write(text)
PY

echo "demo: starting the server (log and data in $work)"
start_server "$work/acd.yaml" "$work/server.log" 60 || exit 1

# Agents: one SIPp answers for all of them; another registers them there now and every 30 min
# (the registrar grants an hour at most). Extensions, passwords and domain from the config.
agent_port="$(free_port)"
python3 - "$work/acd.yaml" "$agent_port" > "$work/agents.csv" <<'PY'
import os, re, sys
text = open(sys.argv[1]).read()
domain = re.search(r"^  domain: *(\S+)", text, flags=re.M).group(1)
env = lambda m: os.environ.get(m.group(1)) or m.group(2)
print("SEQUENTIAL")
for ext, pw in re.findall(r'extension: *"?(\d+)"?\s*\n\s*password: *(\S+)', text):
    pw = re.sub(r"\$\{(\w+):-([^}]*)\}", env, pw)
    print(f"{ext};{domain};[authentication username={ext} password={pw}];{sys.argv[2]}")
PY
agents=$(( $(wc -l < "$work/agents.csv") - 1 ))
cat > "$work/register.sh" <<SH
#!/bin/sh
# registers the demo's agents at the SIPp answering on port $agent_port
cd "$work" && exec sipp -sf "$scen/agent-demo-register.xml" -inf "$work/agents.csv" -i 127.0.0.1 \\
  -p "\$(python3 -c 'import socket; s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')" \\
  -m $agents -timeout 20s -timeout_error -nostdin -trace_err -error_file "$work/register-errors.log" \\
  "127.0.0.1:$sip_port" < /dev/null > "$work/register.log" 2>&1
SH
chmod +x "$work/register.sh"
(cd "$work" && exec sipp -sf "$scen/agent-demo.xml" -i 127.0.0.1 -p "$agent_port" -mi 127.0.0.1 \
  -mp "$(free_media_port)" -rtp_echo -nostdin -trace_err -error_file "$work/agents-errors.log" \
  "127.0.0.1:$sip_port" < /dev/null > "$work/agents.log" 2>&1) &
pids+=($!)
echo "demo: registering $agents agents with digest auth"
"$work/register.sh" || { echo "demo: the agents' REGISTERs failed ($work/register-errors.log)"; exit 1; }

# Callers: sales by RFC 4733 key 1 every 8 s, support by SIP INFO key 2 every 12 s,
# at most 15 at once each; each SIPp runs in a directory of its own with its dtmf.pcap.
callers() { # name digit dtmf-mode every-ms port
  local dir="$work/callers-$1"
  mkdir "$dir"
  ln -s "$pcaps/dtmf_2833_$2.pcap" "$dir/dtmf.pcap"
  ln -s "$pcaps/g711a.pcap" "$dir/g711a.pcap"
  (cd "$dir" && exec sipp -sf "$scen/caller-demo.xml" -s demo -i 127.0.0.2 -p "$5" -mi 127.0.0.2 \
    -mp "$(free_media_port)" -key dtmf "$3" -key digit "$2" -r 1 -rp "$4" -l 15 -nostdin -trace_err \
    -error_file "$dir/errors.log" "127.0.0.1:$sip_port" < /dev/null > "$dir/sipp.log" 2>&1) &
  pids+=($!)
}
callers sales 1 rtp 8000 "$trunk_port"
callers support 2 info 12000 "$(free_port)"

# The view runs in the background, where Ctrl-C does not reach it: the trap ends it (it gives
# the terminal back and prints its last frame) and the script goes on to stop the rest. The
# trap does no more than that: it runs inside the wait below, which it cuts short.
python3 "$root/scripts/lib/demo-view.py" --api "http://127.0.0.1:$http_port" --token "$token" \
  --sip "$sip_port" --server-pid "$server_pid" --register "$work/register.sh" --log "$work/server.log" &
view=$!
pids+=($view)
interrupted=0
trap 'interrupted=1; kill $view 2>/dev/null || true' INT TERM
rc=0
wait $view || rc=$?
if [ $interrupted = 1 ]; then
  stopping
  exit 0
fi
exit $rc # the view ends by itself only when the server has died: exit code 1, logs kept
