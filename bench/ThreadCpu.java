package bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CPU time per thread of a process, from {@code /proc/<pid>/task/*} (Linux; the JVM names its native threads after
 * the Java threads, cut to 15 characters). Threads are grouped by name with digits removed ("worker-12" and
 * "worker-3" are one group), so a phase can be split into the HTTP client, the pipeline, JDBC, GC and the rest.
 */
final class ThreadCpu {

  private final Map<String, Long> ticksByThread;
  /** Context switches of all threads so far: voluntary (the thread waited) and not (it was preempted). */
  private final long voluntarySwitches;
  private final long forcedSwitches;

  private ThreadCpu(Map<String, Long> ticksByThread, long voluntarySwitches, long forcedSwitches) {
    this.ticksByThread = ticksByThread;
    this.voluntarySwitches = voluntarySwitches;
    this.forcedSwitches = forcedSwitches;
  }

  static ThreadCpu of(long pid) {
    Map<String, Long> ticks = new HashMap<>();
    long voluntary = 0;
    long forced = 0;
    try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
      for (Path task : tasks.toList()) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          ticks.put(task.getFileName() + " " + name(stat), ticks(stat));
          for (String line : Files.readAllLines(task.resolve("status"))) {
            if (line.startsWith("voluntary_ctxt_switches:")) {
              voluntary += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            } else if (line.startsWith("nonvoluntary_ctxt_switches:")) {
              forced += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
          }
        } catch (IOException | RuntimeException e) {
          // the thread ended meanwhile
        }
      }
    } catch (IOException e) {
      // no /proc: an empty breakdown
    }
    return new ThreadCpu(ticks, voluntary, forced);
  }

  /** CPU seconds per thread group used since {@code before}, largest first, as "group 1.23 s (n threads, the busiest x s)" items. */
  List<String> since(ThreadCpu before, int top) {
    Map<String, Long> byGroup = new HashMap<>();
    Map<String, Integer> threads = new HashMap<>();
    Map<String, Long> busiest = new HashMap<>();
    ticksByThread.forEach((thread, ticks) -> {
      long used = ticks - before.ticksByThread.getOrDefault(thread, 0L);
      if (used > 0) {
        String group = group(thread.substring(thread.indexOf(' ') + 1));
        byGroup.merge(group, used, Long::sum);
        threads.merge(group, 1, Integer::sum);
        busiest.merge(group, used, Math::max);
      }
    });
    List<Map.Entry<String, Long>> sorted = new ArrayList<>(byGroup.entrySet());
    sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed());
    List<String> items = new ArrayList<>();
    long rest = 0;
    for (int i = 0; i < sorted.size(); i++) {
      if (i < top) {
        String group = sorted.get(i).getKey();
        items.add(threads.get(group) == 1
            ? String.format(Locale.ROOT, "%s %.2f s", group, sorted.get(i).getValue() / 100.0)
            : String.format(Locale.ROOT, "%s %.2f s (%d threads, the busiest %.2f s)", group,
                sorted.get(i).getValue() / 100.0, threads.get(group), busiest.get(group) / 100.0));
      } else {
        rest += sorted.get(i).getValue();
      }
    }
    if (rest > 0) {
      items.add(String.format(Locale.ROOT, "other %.2f s", rest / 100.0));
    }
    // Threads that ended meanwhile are not counted: a lower bound.
    items.add(String.format(Locale.ROOT, "context switches %,d waiting + %,d preempted",
        voluntarySwitches - before.voluntarySwitches, forcedSwitches - before.forcedSwitches));
    return items;
  }

  /** The command name of a {@code /proc/<pid>/stat} or {@code /proc/<pid>/task/<tid>/stat} line. */
  static String name(String stat) {
    return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
  }

  /** The CPU time of such a line, user and system, in clock ticks (USER_HZ, 100 a second). */
  static long ticks(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  private static String group(String name) {
    String group = name.replaceAll("\\d+", "#");
    return group.isBlank() ? name : group;
  }
}
