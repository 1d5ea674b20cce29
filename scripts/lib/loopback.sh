# Sourced by the scripts that run the server and third-party SIP tools on 127.0.0.1. Expects
# $root (the repository), $jar (the server jar) and $prog (the prefix of messages). Gives a work
# directory ($work), background processes stopped on exit ($pids, stop_all, stop_process), tool
# and jar checks, free ports.
work="$(mktemp -d)"
pids=()
# pid: true once it has exited (a zombie counts: bash may not have reaped it yet)
gone() {
  local state
  state="$(ps -o stat= -p "$1" 2>/dev/null)" || return 0
  [ -z "$state" ] || [ "${state:0:1}" = Z ]
}
# pid [signal]: the signal (TERM; USR1 is SIPp's soft exit, stats written), up to 10 s to exit (the
# server hangs up its calls), then SIGKILL. Never `wait`: after a Ctrl-C, which SIPp takes too (the
# whole foreground process group gets it), a wait for a SIPp that bash had already reaped sometimes
# never returned (bash 5.2), leaving the server up.
stop_process() {
  kill -"${2:-TERM}" "$1" 2>/dev/null || return 0
  for _ in $(seq 1 100); do gone "$1" && return 0; sleep 0.1; done
  echo "$prog: process $1 did not stop in 10 s: killed"
  kill -KILL "$1" 2>/dev/null || true
}
# Newest first, each to its end: a softphone unregisters while the server still answers.
stop_all() {
  local i
  for (( i=${#pids[@]}-1; i>=0; i-- )); do stop_process "${pids[i]}"; done
  pids=()
}
# The work directory goes on success unless the script set keep_work=1; on failure it stays for
# the logs.
cleanup() {
  local rc=$?
  stop_all
  if [ "$rc" = 0 ] && [ "${keep_work:-0}" != 1 ]; then
    rm -rf "$work"
  elif [ "$rc" != 0 ]; then
    echo "$prog: FAILED (logs in $work)"
  fi
}
trap cleanup EXIT
trap "exit 130" INT TERM # so that cleanup runs on these too

# exits 2 unless every named command is installed
require_tools() {
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "$prog: $tool is not installed" >&2; exit 2; }
  done
}

# builds the server jar if it is missing
ensure_jar() {
  [ -f "$jar" ] || (cd "$root" && mvn -B -q -pl sip-gateway -am -DskipTests package)
}

free_port() { # free for UDP and TCP alike: SIP listens on both
  python3 -c 'import socket
while True:
    t, u = socket.socket(), socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    t.bind(("127.0.0.1", 0))
    try:
        u.bind(("127.0.0.1", t.getsockname()[1]))
        print(t.getsockname()[1])
        break
    except OSError:
        pass'
}

# prints the directory of SIPp's bundled pcaps (dtmf_2833_N.pcap, g711a.pcap); exits 2 when none
sipp_pcaps() {
  local d
  for d in /usr/share/sip-tester /usr/share/sipp/pcap /usr/local/share/sipp/pcap; do
    [ -f "$d/dtmf_2833_1.pcap" ] && { echo "$d"; return 0; }
  done
  echo "$prog: SIPp's bundled pcaps (dtmf_2833_1.pcap, g711a.pcap) not found" >&2
  exit 2
}

# a base for SIPp's -mp: SIPp binds its audio port there and its video port two above, so the
# four UDP ports from an even base must be free (a lone free port can have a taken neighbour)
free_media_port() {
  python3 -c 'import random, socket
while True:
    base = random.randrange(20000, 60000, 2)
    socks = []
    try:
        for p in range(base, base + 4):
            u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            socks.append(u)
            u.bind(("127.0.0.1", p))
    except OSError:
        continue
    finally:
        for u in socks:
            u.close()
    print(base)
    break'
}

# starts the server jar ($jar, with ACD_JAVA_OPTS) on a config and waits until it runs, or has died,
# or the seconds (30) are up; sets server_pid, which cleanup stops
start_server() { # config.yaml log [seconds]
  java ${ACD_JAVA_OPTS:-} -jar "$jar" run "$1" < /dev/null > "$2" 2>&1 &
  server_pid=$!
  pids+=("$server_pid")
  wait_for "acd: running" "$2" "${3:-30}" "$server_pid"
}

# the config's head for a server on loopback: SIP on 127.0.0.1:port, RTP on the range; further
# arguments are more lines of the sip section (e.g. "nat: never")
loopback_yaml_head() { # sip-port rtp-first-last [sip-line...]
  local port="$1" ports="$2" line
  shift 2
  printf 'sip:\n  listen: 127.0.0.1:%s\n  domain: acd.local\n  advertise: 127.0.0.1\n' "$port"
  for line in "$@"; do printf '  %s\n' "$line"; done
  printf 'rtp:\n  ports: %s\n' "$ports"
}

# waits up to the given seconds for a line matching pattern in file; with a pid, gives up as soon
# as that process has died. On timeout prints the file's tail and returns 1.
wait_for() { # pattern file seconds [pid]
  for _ in $(seq 1 $(( $3 * 10 ))); do
    grep -q "$1" "$2" 2>/dev/null && return 0
    [ -z "${4:-}" ] || kill -0 "$4" 2>/dev/null || break
    sleep 0.1
  done
  grep -q "$1" "$2" 2>/dev/null && return 0
  echo "$prog: timed out waiting for '$1' in $2"; tail -20 "$2"; return 1
}
