package acd.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The routing decision timed op by op, in wall time and in the routing thread's own CPU time,
 * plus the CPU the rest of the JVM spent meanwhile (per op). On a shared 2-core box the wall
 * tail is mostly time the thread was not running (other processes, GC pauses); its CPU time
 * leaves those out, and the rest-of-JVM figure is, after warm-up, G1's concurrent refinement
 * of the cards the decision dirtied, which competes with the routing thread for the cores.
 * Each op is timed on its own (about 1 µs of clock reads counted in its CPU time).
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar acd.bench.RoutingCpuProbe [strategy] [op] [ops]}
 * with strategy as RoutingBenchmark's parameter (single-ring, ring-all, all or a config name),
 * op one of routeThenAbandon, routeAnswerHangup, rerouteAfterReject; prints three lines.
 */
public final class RoutingCpuProbe {
    private RoutingCpuProbe() {
    }

    public static void main(String[] args) {
        String strategy = args.length > 0 ? args[0] : "single-ring";
        String opName = args.length > 1 ? args[1] : "routeThenAbandon";
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 2_000_000;
        RoutingBenchmark b = new RoutingBenchmark();
        b.strategy = strategy;
        b.setUp(opName);
        Supplier<String> op = switch (opName) {
            case "routeThenAbandon" -> b::routeThenAbandon;
            case "routeAnswerHangup" -> b::routeAnswerHangup;
            case "rerouteAfterReject" -> b::rerouteAfterReject;
            default -> throw new IllegalArgumentException("unknown op " + opName);
        };
        long sink = 0;
        for (int i = 0; i < n; i++) {
            sink += op.get().length(); // warm-up: as many ops as are measured
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int[] wall = new int[n];
        int[] cpu = new int[n];
        long gcs = gcCount();
        long process0 = os.getProcessCpuTime();
        long thread0 = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            sink += op.get().length();
            long t1 = System.nanoTime();
            wall[i] = (int) Math.min(Integer.MAX_VALUE, t1 - t0);
            cpu[i] = (int) Math.min(Integer.MAX_VALUE, threads.getCurrentThreadCpuTime() - c0);
        }
        long threadCpu = threads.getCurrentThreadCpuTime() - thread0;
        long restCpu = os.getProcessCpuTime() - process0 - threadCpu;
        System.out.printf("%s %s: %d ops, %d GCs, rest of the JVM %.2f us CPU per op%n",
                strategy, opName, n, gcCount() - gcs, restCpu / 1e3 / n);
        System.out.println("  wall " + percentiles(wall));
        System.out.println("  cpu  " + percentiles(cpu) + (sink == 42 ? "" : ""));
    }

    private static String percentiles(int[] ns) {
        int[] s = ns.clone();
        Arrays.sort(s);
        return String.format("us: p50 %.2f  p99 %.2f  p99.9 %.2f  p99.99 %.2f  max %.1f",
                at(s, 0.5), at(s, 0.99), at(s, 0.999), at(s, 0.9999), s[s.length - 1] / 1e3);
    }

    private static double at(int[] sorted, double p) {
        return sorted[(int) (sorted.length * p)] / 1e3;
    }

    private static long gcCount() {
        long c = 0;
        for (GarbageCollectorMXBean g : ManagementFactory.getGarbageCollectorMXBeans()) {
            c += g.getCollectionCount();
        }
        return c;
    }
}
