package io.kdp.bench;

import java.lang.management.ManagementFactory;

/** What a benchmark reads from its own JVM: process CPU, simulator threads' CPU, heap after GC. */
final class JvmMeters {

  private JvmMeters() {}

  /** CPU of the simulator's own threads ({@code sim-*}) still alive, to separate it out. */
  static long simulatorThreadCpuNanos() {
    var threads = ManagementFactory.getThreadMXBean();
    long total = 0;
    for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().startsWith("sim-")) {
        total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
      }
    }
    return total;
  }

  static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean sun
        ? sun.getProcessCpuTime()
        : -1;
  }

  static long heapAfterGc() throws InterruptedException {
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(200);
      var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
      best = Math.min(best, heap.getUsed());
    }
    return best;
  }
}
