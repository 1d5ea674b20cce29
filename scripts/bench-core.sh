#!/usr/bin/env bash
# Builds the JMH benchmarks and measures the routing core's decision at 10,000 agents and
# 1,000 queues: latency percentiles (SampleTime) and bytes allocated per operation (-prof gc).
# Queues that ring one agent at a time are measured apart from ring-all, whose single
# decision rings every available member (about 30 here). Sized for a 2-core machine: short
# iterations, two forks for the main run and one for ring-all, under three minutes in all.
# Extra arguments go to both JMH runs.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib/usage.sh"; help_from_header "$@"
cd "$(dirname "$0")/.."

mvn -B -q -pl benchmarks -am -DskipTests package

log=benchmarks/target/bench-core.txt
jmh() {
  java -jar benchmarks/target/benchmarks.jar "$@" \
    -wi 2 -w 2s -i 3 -r 3s -jvmArgsAppend "-Xms512m -Xmx512m" -prof gc
}
{
  jmh 'RoutingBenchmark' -p strategy=single-ring -f 2 "$@"
  jmh 'RoutingBenchmark.route' -p strategy=ring-all -f 1 "$@"
} | tee "$log"

echo
echo "== routing decision: latency percentiles (us/op) and allocation (B/op); full log in $log"
grep -E ':(p0\.50|p0\.99|p0\.999|gc\.alloc\.rate\.norm) ' "$log"
