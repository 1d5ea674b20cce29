# Sourced by the scripts that run the server and third-party SIP tools on 127.0.0.1. Expects
# $root (the repository), $jar (the server jar) and $prog (the prefix of messages). Gives a work
# directory ($work), background processes killed on exit ($pids), tool and jar checks, free ports.
work="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

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

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
