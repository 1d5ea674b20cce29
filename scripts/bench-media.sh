#!/usr/bin/env bash
# Playback pacing at load: 500 calls at once each play a 60 s prompt from the gateway's RTP
# engine and per-loop playouts to their own UDP socket on 127.0.0.1; the arrivals are
# timestamped and the inter-packet gaps reported (p50, p99, p99.9, max, share over 30 ms).
# Bounded: the run ends when every prompt has played (about 65 s), at most two minutes later.
# Arguments: [calls=500] [seconds=60] [callThreads=2].
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib/usage.sh"; help_from_header "$@"
cd "$(dirname "$0")/.."

mvn -B -q -pl sip-gateway -am -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test

cp="sip-gateway/target/test-classes:sip-gateway/target/classes:$(cat sip-gateway/target/bench-classpath.txt)"
log=sip-gateway/target/bench-media.txt
timeout 300 java -Xms1g -Xmx1g -Dio.netty.leakDetection.level=disabled -cp "$cp" gateway.media.PlayoutPacingBench "$@" | tee "$log"
