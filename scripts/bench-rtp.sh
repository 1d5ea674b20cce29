#!/usr/bin/env bash
# Relay throughput of the RTP engine on loopback: N bridged calls (half of them transcoding
# PCMU <-> PCMA), every phone sending a 20 ms packet stream for a bounded time. With `srtp`,
# every agent leg is SRTP (AES_CM_128_HMAC_SHA1_80), decrypted and encrypted by the relay.
# Prints packets relayed per second, the loss, and the call loops' CPU time per relayed packet
# (split into user/Java and kernel time: send and receive syscalls are most of it)
# (packets per second per core: compare `rtp` and `srtp` runs).
# `crypto` instead times SRTP's crypto alone on one thread (ours against the JCE's AES/CTR and Mac):
# ns and bytes allocated per packet.
# Usage: scripts/bench-rtp.sh [calls=100] [seconds=10] [rtp|srtp]
#        scripts/bench-rtp.sh crypto [packets=2000000]
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib/usage.sh"; help_from_header "$@"
cd "$(dirname "$0")/.."
main=gateway.rtp.RtpRelayBench
if [[ ${1:-} == crypto ]]; then
  main=gateway.srtp.SrtpCryptoBench
  set -- "${2:-2000000}"
else
  set -- "${1:-100}" "${2:-10}" "${3:-rtp}"
fi
cp_file=sip-gateway/target/bench-rtp.classpath
mvn -B -q -pl sip-gateway -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$cp_file"
log_config=sip-gateway/target/bench-rtp-logback.xml
cat > "$log_config" <<'XML'
<configuration>
  <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n</pattern></encoder>
  </appender>
  <root level="WARN"><appender-ref ref="out"/></root>
</configuration>
XML
exec java -Dio.netty.leakDetection.level=disabled -Dlogback.configurationFile="$log_config" \
  -cp "sip-gateway/target/test-classes:sip-gateway/target/classes:$(cat "$cp_file")" \
  "$main" "$@"
