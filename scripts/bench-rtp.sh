#!/usr/bin/env bash
# Relay throughput of the RTP engine on loopback: N bridged calls (half of them transcoding
# PCMU <-> PCMA), every phone sending a 20 ms packet stream for a bounded time.
# Usage: scripts/bench-rtp.sh [calls=100] [seconds=10]
set -euo pipefail
cd "$(dirname "$0")/.."
calls=${1:-100}
seconds=${2:-10}
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
  gateway.rtp.RtpRelayBench "$calls" "$seconds"
