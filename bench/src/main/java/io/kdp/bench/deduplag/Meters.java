package io.kdp.bench.deduplag;

import io.kdp.bench.ServerCpu;
import io.kdp.testkit.DedicatedPostgres;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * CPU readings at one moment: this JVM, its deduplicator threads (the merging thread, which is the
 * caller, and the gatherer readers {@code kdp-dedup-read-*}), the paced writers ({@code
 * bench-gatherer-*}) and the PostgreSQL server holding every database.
 */
record Meters(long process, long dedup, long writers, ServerCpu postgres) {

  static Meters read(DedicatedPostgres server) {
    var threads = ManagementFactory.getThreadMXBean();
    long dedup = threads.getCurrentThreadCpuTime();
    long writers = 0;
    for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      long cpu = Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
      if (info.getThreadName().startsWith("kdp-dedup-read-")) {
        dedup += cpu;
      } else if (info.getThreadName().startsWith("bench-gatherer-")) {
        writers += cpu;
      }
    }
    long process =
        ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean sun
            ? sun.getProcessCpuTime()
            : -1;
    return new Meters(process, dedup, writers, ServerCpu.read(server.dataDirectory()));
  }

  /** Cores used on average since {@code before}, over {@code seconds}, as a JSON object. */
  String coresSince(Meters before, double seconds) {
    double ns = seconds * 1e9;
    return String.format(
        Locale.ROOT,
        "{\"jvm\":%.2f,\"dedup_threads\":%.2f,\"gatherer_writers\":%.2f,\"postgres_all_dbs\":%.2f}",
        (process - before.process) / ns,
        (dedup - before.dedup) / ns,
        (writers - before.writers) / ns,
        postgres.since(before.postgres) / ns);
  }
}
