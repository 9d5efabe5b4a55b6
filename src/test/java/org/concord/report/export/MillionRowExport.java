package org.concord.report.export;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.stream.Stream;

/**
 * Run by {@link StreamingConstantMemoryTest} in its own small-heap JVM: exports the ratings table
 * to a stream that discards the bytes, and prints the heap in use after a collection early in the
 * export and at its last row.
 */
public final class MillionRowExport {

  private MillionRowExport() {}

  public static void main(String[] args) throws IOException {
    String format = args[0];
    long rows = Long.parseLong(args[1]);
    long early = rows / 10;
    long[] heapAfterGc = new long[2];
    long[] seen = {0};
    Stream<List<Object>> measured =
        RatingsTable.rows(rows)
            .peek(
                row -> {
                  long index = seen[0]++;
                  if (index == early) {
                    heapAfterGc[0] = heapAfterGc();
                  } else if (index == rows - 1) {
                    heapAfterGc[1] = heapAfterGc();
                  }
                });
    CountingOutputStream out = new CountingOutputStream();
    long written;
    if (format.equals("csv")) {
      written = CsvExport.write(RatingsTable.TABLE, measured, out);
    } else {
      try (XlsxExport xlsx = new XlsxExport(out)) {
        written = xlsx.writeSheet(RatingsTable.TABLE, measured);
      }
    }
    System.out.println("rows=" + written);
    System.out.println("bytes=" + out.count);
    System.out.println("early=" + heapAfterGc[0]);
    System.out.println("late=" + heapAfterGc[1]);
  }

  private static long heapAfterGc() {
    System.gc();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    return memory.getHeapMemoryUsage().getUsed();
  }

  private static final class CountingOutputStream extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
