package org.concord.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** The results: one row per figure, beside its baseline and target, with the machine's load. */
final class Report {

  record Row(String work, String figure, String baseline, String ratio, String target, String load) {}

  private final List<Row> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final String title;

  Report(String title) {
    this.title = title;
  }

  /** The 1-, 5- and 15-minute load averages. */
  static String load() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException e) {
      return "?";
    }
  }

  static String machine() throws IOException, InterruptedException {
    long memoryKb = 0;
    for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
      if (line.startsWith("MemTotal:")) {
        memoryKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    String cpu = "?";
    for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
      if (line.startsWith("model name")) {
        cpu = line.substring(line.indexOf(':') + 1).trim();
        break;
      }
    }
    return String.format(
        Locale.ROOT,
        "%s, %d cores (%s), %.1f GB memory, Java %s (%s)",
        System.getProperty("os.arch"),
        Runtime.getRuntime().availableProcessors(),
        cpu,
        memoryKb / 1024.0 / 1024.0,
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"));
  }

  void add(String work, String figure, String baseline, String ratio, String target, String load) {
    rows.add(new Row(work, figure, baseline, ratio, target, load));
  }

  void note(String note) {
    notes.add(note);
  }

  String markdown(String machine) {
    StringBuilder out = new StringBuilder();
    out.append("## ").append(title).append("\n\n");
    out.append("Machine: ").append(machine).append("\n\n");
    out.append("| work | figure | baseline in the same run | ratio | target | load average before → after |\n");
    out.append("|---|---|---|---|---|---|\n");
    for (Row row : rows) {
      out.append("| ")
          .append(String.join(
              " | ", row.work(), row.figure(), row.baseline(), row.ratio(), row.target(), row.load()))
          .append(" |\n");
    }
    if (!notes.isEmpty()) {
      out.append('\n');
      for (String note : notes) {
        out.append("- ").append(note).append('\n');
      }
    }
    return out.toString();
  }

  static double median(Collection<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
