#!/usr/bin/env bash
# Builds the JMH benchmarks and measures the routing core's decision at 10,000 agents and
# 1,000 queues: latency percentiles (SampleTime) and bytes allocated per operation (-prof gc).
# Sized for a 2-core machine: two forks, short iterations, about two and a half minutes.
# Extra arguments go to JMH, e.g. `scripts/bench-core.sh -p strategy=ring-all` or a
# benchmark name such as `RoutingBenchmark.rerouteAfterReject`.
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -B -q -pl benchmarks -am -DskipTests package

log=benchmarks/target/bench-core.txt
filter=(RoutingBenchmark)
if [ $# -gt 0 ] && [[ "$1" != -* ]]; then
  filter=("$1")
  shift
fi

java -jar benchmarks/target/benchmarks.jar "${filter[@]}" \
  -f 2 -wi 2 -w 2s -i 3 -r 3s \
  -jvmArgsAppend "-Xms512m -Xmx512m" \
  -prof gc "$@" | tee "$log"

echo
echo "== routing decision: latency percentiles (us/op) and allocation (B/op); full log in $log"
grep -E ':(p0\.50|p0\.99|p0\.999|gc\.alloc\.rate\.norm) ' "$log"
