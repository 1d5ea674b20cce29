#!/usr/bin/env bash
# End to end on loopback with real third-party SIP software: the server runs on a generated
# config, baresip (a real softphone) registers as agent 1001 with auto-answer, and SIPp calls
# the queue's number from a trunk address (127.0.0.2), its media sent and received by a small
# RTP endpoint here. Both sides talk: the caller a 1000 Hz tone, the agent (baresip's aufile
# source) a 440 Hz tone. Passes when the call is answered by the agent and completed, and, by
# frequency and level (silence fails): the agent heard the caller's tone (baresip's decoded
# audio, dumped by its sndfile module), the caller heard the agent's (the RTP it received), and
# the server's stereo recording of the call has the caller's tone on the left, the agent's on
# the right.
#   scripts/e2e-softphone.sh                  # the check
#   scripts/e2e-softphone.sh --mute caller    # the caller sends silence, the agent hears nothing: FAILS
#   scripts/e2e-softphone.sh --mute agent     # baresip sends silence, the caller hears nothing: FAILS
#   scripts/e2e-softphone.sh --tls            # baresip registers over TLS (scripts/e2e-tls.sh runs this)
# With --tls the server also listens on TLS with a self-signed certificate made here by openssl,
# agent 1001 has media: srtp, baresip registers over TLS trusting it and takes SRTP only
# (mediaenc=srtp-mand, baresip's srtp module), and the check adds: the registration came over TLS,
# the call reached baresip over that one connection (exactly one TLS connection open while the call
# is up: the server opened none of its own), and baresip reports SRTP on the call.
# Needs: java, sipp, baresip, sox, python3 (Debian packages sip-tester, baresip-core, sox,
# python3), and with --tls openssl and ss (openssl, iproute2). Takes about 10 s; every wait is
# bounded (20 s at most). The last line says OK or FAILED; a failed run keeps its logs and says where.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib/usage.sh"; help_from_header "$@"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/sip-gateway/target/acd.jar"
mute=none
tls=0
usage() { echo "usage: $0 [--tls] [--mute caller|agent]" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --tls) tls=1; shift ;;
    --mute) mute="${2:-}"; [[ "$mute" == caller || "$mute" == agent ]] || usage; shift 2 ;;
    *) usage ;;
  esac
done
exec 2>&1 # one stream, in order, so that the verdict is the last line
caller_hz=1000
agent_hz=440

prog=e2e
. "$root/scripts/lib/loopback.sh"
fail() { echo "e2e: $*"; exit 1; }
require_tools sipp baresip java sox python3
[ "$tls" = 0 ] || require_tools openssl ss
ensure_jar

sip_port="$(free_port)"
trunk_port="$(free_port)"
rtp_base=$(( 32000 + 2 * (RANDOM % 8000) ))
tls_lines=()
agent_media=""
if [ "$tls" = 1 ]; then
  tls_port="$(free_port)"
  # a self-signed certificate for 127.0.0.1, as the README shows for a real server's name
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj /CN=127.0.0.1 \
    -addext subjectAltName=IP:127.0.0.1 -keyout "$work/key.pem" -out "$work/cert.pem" 2> "$work/openssl.log" \
    || { cat "$work/openssl.log"; fail "openssl could not make a certificate"; }
  tls_lines=("tls: { listen: 127.0.0.1:$tls_port, certificate: cert.pem, key: key.pem }")
  agent_media="    media: srtp"
fi

{
  loopback_yaml_head "$sip_port" "$rtp_base-$((rtp_base + 99))" "${tls_lines[@]}"
  cat <<YAML
http:
  listen: 127.0.0.1:$(free_port)
  token: e2e-token
storage:
  dir: data          # relative to this file
trunks:
  - id: sipp
    address: 127.0.0.2:$trunk_port
    allow: [127.0.0.2/32]
agents:
  - id: alice
    name: Alice Example
    extension: "1001"
    password: demo-1001
$agent_media
queues:
  - id: sales
    strategy: priority
    ringTimeout: 15s
    record: true
    members:
      - { agent: alice, priority: 1 }
numbers:
  - number: "2000"
    queue: sales
YAML
} > "$work/acd.yaml"

# What each side says: a tone, or silence when muted (8 kHz; raw mu-law for the caller, WAV
# for baresip's aufile source).
tone() { if [ "$mute" = "$1" ]; then echo "vol 0"; else echo "sine $2 vol 0.3"; fi; }
sox -n -r 8000 -c 1 -t ul "$work/caller-says.ul" synth 10 $(tone caller $caller_hz)
sox -n -r 8000 -c 1 -b 16 "$work/agent-says.wav" synth 10 $(tone agent $agent_hz)

# The caller's media: SIPp only signals, this sends the caller's audio as PCMU every 20 ms from
# 127.0.0.2 and keeps what the server sends back (what the caller hears). It answers to where
# the server's first packet comes from, and stops once the server has been quiet for 1 s.
cat > "$work/rtp-caller.py" <<'PY'
import os, select, socket, struct, sys, time
says, heard, port_file = open(sys.argv[1], "rb").read(), open(sys.argv[2], "wb"), sys.argv[3]
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.2", 0))
with open(port_file + ".tmp", "w") as f:
    f.write(str(s.getsockname()[1]))
os.rename(port_file + ".tmp", port_file)
server, seq, last_in, next_out = None, 0, time.monotonic(), time.monotonic()
deadline = time.monotonic() + 30
while time.monotonic() < deadline and time.monotonic() - last_in < (1 if server else 20):
    if select.select([s], [], [], max(0, next_out - time.monotonic()))[0]:
        pkt, server = s.recvfrom(2048)
        last_in = time.monotonic()
        if len(pkt) > 12 and pkt[1] & 0x7F == 0:  # PCMU
            heard.write(pkt[12 + 4 * (pkt[0] & 0x0F):])
    elif server:
        chunk = says[(seq * 160) % len(says):][:160]
        s.sendto(struct.pack("!BBHII", 0x80, 0, seq & 0xFFFF, seq * 160, 0xCA11E4) + chunk, server)
        seq, next_out = seq + 1, next_out + 0.02
    else:
        next_out = time.monotonic() + 0.02
heard.close()
PY
echo "e2e: server on 127.0.0.1:$sip_port (config $work/acd.yaml)"
start_server "$work/acd.yaml" "$work/server.log" 20

mkdir -p "$work/baresip" "$work/agent-heard"
cat > "$work/baresip/config" <<CONF
sip_listen 127.0.0.1:$(free_port)
module_path /usr/lib/baresip/modules
module g711.so
module aufile.so
module sndfile.so
module srtp.so
audio_source aufile,$work/agent-says.wav
audio_player aufile,/dev/null
audio_alert aufile,/dev/null
ausrc_srate 8000
auplay_srate 8000
ausrc_channels 1
auplay_channels 1
snd_path $work/agent-heard
module_app account.so
module_app menu.so
CONF
registrar="127.0.0.1:$sip_port;transport=udp"
media_params=""
if [ "$tls" = 1 ]; then
  echo "sip_cafile $work/cert.pem" >> "$work/baresip/config"
  registrar="127.0.0.1:$tls_port;transport=tls"
  media_params=";mediaenc=srtp-mand" # RTP/SAVP with SDES keys, nothing else
fi
echo "<sip:1001@$registrar>$media_params;auth_pass=demo-1001;answermode=auto;regint=300" > "$work/baresip/accounts"
baresip -4 -f "$work/baresip" -n 127.0.0.1 -t 60 > "$work/baresip.log" 2>&1 &
pids+=($!)
wait_for "agent alice reachable" "$work/server.log" 20
if [ "$tls" = 1 ]; then
  wait_for "agent alice registered from .* over TLS" "$work/server.log" 5
  echo "e2e: baresip registered as agent 1001 over TLS"
else
  echo "e2e: baresip registered as agent 1001"
fi

python3 "$work/rtp-caller.py" "$work/caller-says.ul" "$work/caller-heard.ul" "$work/rtp-port" &
caller_media=$!
pids+=($caller_media)
for _ in $(seq 1 50); do [ -f "$work/rtp-port" ] && break; sleep 0.1; done
# SIPp in the background: the call is checked while it is up (SIPp holds it 4 s)
sipp -sf "$root/scripts/sipp/caller.xml" -s 2000 -i 127.0.0.2 -p "$trunk_port" -mi 127.0.0.2 \
  -key rtp_port "$(cat "$work/rtp-port")" -m 1 -d 4000 -timeout 30s -timeout_error -trace_err \
  -error_file "$work/sipp-errors.log" "127.0.0.1:$sip_port" > "$work/sipp.log" 2>&1 &
sipp_pid=$!
pids+=($sipp_pid)

wait_for "answered by agent alice" "$work/server.log" 10 "$sipp_pid"
if [ "$tls" = 1 ]; then
  # baresip's registration connection is the only one: the server opened none to reach it
  tls_connections="$(ss -Htn state established "( sport = :$tls_port )" | wc -l)"
  [ "$tls_connections" = 1 ] || fail "$tls_connections TLS connections to the server during the call (expected 1: baresip's own)"
  echo "e2e: the call reached baresip over the connection it registered on"
  wait_for "SRTP is Enabled" "$work/baresip.log" 5 || fail "baresip did not report SRTP on the call"
  srtp="$(grep -o "SRTP is Enabled.*" "$work/baresip.log" | head -1)"
  echo "e2e: baresip: $srtp"
fi
wait "$sipp_pid" || { tail -30 "$work/sipp-errors.log" || true; fail "SIPp call failed"; }
wait_for "outcome COMPLETED" "$work/server.log" 10
grep -E "joins queue|answered by|outcome|ended in" "$work/server.log" | sed 's/^/e2e: server: /'

# The audio, each by its frequency and level: sox's "Rough frequency" of a pure tone is within a
# few percent of it; under 1% of full scale (RMS) is silence. The window, 1 s to 2.5 s into each
# file, skips the ringing and the hang-up.
bad=0
hears() { # what expected-hz channel sox-input...
  local what="$1" hz="$2" channel="$3" stat rms freq
  shift 3
  stat="$(sox "$@" -n remix "$channel" trim 1 1.5 stat 2>&1)" || fail "$what: sox failed: $stat"
  rms="$(awk '/^RMS +amplitude/ {print $3}' <<< "$stat")"
  freq="$(awk '/^Rough +frequency/ {print $3}' <<< "$stat")"
  if awk -v r="$rms" 'BEGIN { exit !(r < 0.01) }'; then
    echo "e2e: $what: silence, RMS $rms (expected $hz Hz at RMS >= 0.01): WRONG"
    bad=1
  elif awk -v f="$freq" -v hz="$hz" 'BEGIN { exit !(f >= hz * 0.9 && f <= hz * 1.1) }'; then
    echo "e2e: $what: $freq Hz at RMS $rms (expected $hz Hz): ok"
  else
    echo "e2e: $what: $freq Hz at RMS $rms (expected $hz Hz): WRONG"
    bad=1
  fi
}
for _ in $(seq 1 50); do kill -0 "$caller_media" 2>/dev/null || break; sleep 0.1; done
agent_heard="$(find "$work/agent-heard" -name '*-dec.wav' | head -1)"
[ -n "$agent_heard" ] || fail "baresip dumped no decoded audio in $work/agent-heard"
recording=""
for _ in $(seq 1 50); do # the recording is completed off the call path once the call has ended
  recording="$(find "$work/data/recordings" -name '*.wav' 2>/dev/null | head -1)"
  [ -n "$recording" ] && awk -v d="$(sox --i -D "$recording" 2>/dev/null)" 'BEGIN { exit !(d >= 3) }' && break
  sleep 0.1
done
[ -n "$recording" ] || fail "no recording under $work/data/recordings"
hears "the agent heard (baresip's decoded audio)" $caller_hz 1 "$agent_heard"
hears "the caller heard (RTP the caller received)" $agent_hz 1 -t ul -r 8000 -c 1 "$work/caller-heard.ul"
hears "the recording's left channel (caller)" $caller_hz 1 "$recording"
hears "the recording's right channel (agent)" $agent_hz 2 "$recording"
[ "$bad" = 0 ] || fail "the two sides did not hear each other's tone (mute: $mute)"
over=""; [ "$tls" = 0 ] || over=" over TLS with SRTP"
echo "e2e: OK: SIPp's call was queued, answered by baresip as agent 1001$over and completed; each side heard the other's tone (${SECONDS} s)"
