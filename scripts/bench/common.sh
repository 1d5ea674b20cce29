# Sourced by the benchmark scripts (scripts/bench.sh and scripts/bench/*.sh) after scripts/lib/loopback.sh.
# Reads what the server under test (started with loopback.sh's start_server) and the load generator
# cost from /proc: CPU as a percentage of one core over a window, resident memory, and the heap left
# after a full GC.

clk_tck="$(getconf CLK_TCK)"

# the sum of a metric's series on the server's GET /metrics at $http_port (0 when absent or when
# the server does not answer within 5 s)
metric() { # name
  curl -s --max-time 5 "http://127.0.0.1:$http_port/metrics" 2>/dev/null |
    awk -v m="$1" '$1 == m || index($1, m "{") == 1 { s += $2 } END { printf "%d\n", s }'
}

# user + system clock ticks used so far by the given processes (gone ones count 0)
cpu_ticks() { # pid...
  local total=0 pid stat
  for pid in "$@"; do
    stat="$(cat "/proc/$pid/stat" 2>/dev/null)" || continue
    stat="${stat##*) }" # the command name may hold spaces
    set -- $stat
    total=$(( total + ${12} + ${13} ))
  done
  echo "$total"
}

# busy clock ticks of the whole machine (every core), from /proc/stat
box_ticks() {
  local _cpu user nice system idle iowait irq softirq steal _rest
  read -r _cpu user nice system idle iowait irq softirq steal _rest < /proc/stat
  echo $(( user + nice + system + irq + softirq + steal ))
}

# a CPU window: `w=$(cpu_mark pids...)`, later `cpu_percent "$w" pids...` prints the processes'
# CPU over the window in % of one core (200 % = both cores of a 2-core box)
cpu_mark() { echo "$(date +%s%N) $(cpu_ticks "$@")"; }
cpu_percent() { # mark pid...
  local start_ns start_ticks now_ns ticks
  read -r start_ns start_ticks <<< "$1"; shift
  now_ns="$(date +%s%N)"; ticks="$(cpu_ticks "$@")"
  echo $(( (ticks - start_ticks) * 100 * 1000000000 / clk_tck / ((now_ns - start_ns) > 0 ? (now_ns - start_ns) : 1) ))
}
box_mark() { echo "$(date +%s%N) $(box_ticks)"; }
box_percent() { # mark
  local start_ns start_ticks now_ns
  read -r start_ns start_ticks <<< "$1"
  now_ns="$(date +%s%N)"
  echo $(( ($(box_ticks) - start_ticks) * 100 * 1000000000 / clk_tck / ((now_ns - start_ns) > 0 ? (now_ns - start_ns) : 1) ))
}

rss_mb() { # pid
  awk '/^VmRSS:/ { printf "%d\n", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo 0
}

# the live heap in KB: the class histogram's total, which one jcmd attach takes right after the full
# collection it runs (heap_info read after a separate GC.run counts what was allocated in between)
heap_after_gc_kb() { # pid
  jcmd "$1" GC.class_histogram 2>/dev/null | awk '$1 == "Total" { printf "%d\n", $3 / 1024; found = 1 } END { if (!found) print 0 }'
}

# where a run keeps its files when no results directory is given: a fresh one under target/bench/
# (git ignores target/), named by the UTC time
bench_results_dir() {
  echo "$root/target/bench/$(date -u +%Y%m%d-%H%M%S)"
}
