package io.kdp.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * CPU time of an embedded PostgreSQL server: its postmaster (found by its data directory on the
 * command line) and every process under it, summed. {@link #since} gives the CPU spent between two
 * readings by processes alive at the second one (a backend that exited in between is missed, so
 * benchmarks keep their connections pooled).
 */
public final class ServerCpu {

  private final Map<Long, Long> nanosByPid;

  private ServerCpu(Map<Long, Long> nanosByPid) {
    this.nanosByPid = nanosByPid;
  }

  /** The current CPU times of the server on {@code dataDirectory} (empty if not found). */
  public static ServerCpu read(Path dataDirectory) {
    Map<Long, Long> cpu = new HashMap<>();
    String dir = dataDirectory.toString();
    ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().orElse("").contains(dir))
        .forEach(
            postmaster -> {
              add(cpu, postmaster);
              postmaster.descendants().forEach(child -> add(cpu, child));
            });
    return new ServerCpu(cpu);
  }

  private static void add(Map<Long, Long> cpu, ProcessHandle p) {
    Optional<Duration> d = p.info().totalCpuDuration();
    d.ifPresent(t -> cpu.put(p.pid(), t.toNanos()));
  }

  /** Nanoseconds of CPU used since {@code earlier}. */
  public long since(ServerCpu earlier) {
    long total = 0;
    for (Map.Entry<Long, Long> e : nanosByPid.entrySet()) {
      total += e.getValue() - earlier.nanosByPid.getOrDefault(e.getKey(), 0L);
    }
    return total;
  }
}
