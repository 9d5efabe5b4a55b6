package org.concord.report.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A million ratings export with the heap capped at 256 MB, in a JVM of its own so the cap is real:
 * holding its rows would take some 200 MB of it. The heap after a collection must barely grow
 * between a tenth of the way and the last row: CSV keeps nothing, XLSX only fastexcel's empty slot
 * per row written (about 4 MB a million rows).
 */
class StreamingConstantMemoryTest {

  private static final long ROWS = 1_000_000;
  private static final long ALLOWED_GROWTH = 16L * 1024 * 1024;

  @ParameterizedTest
  @ValueSource(strings = {"csv", "xlsx"})
  void aMillionRowsExportInTheSameMemoryAsAHundredThousand(String format)
      throws IOException, InterruptedException {
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                MillionRowExport.class.getName(),
                format,
                String.valueOf(ROWS))
            .redirectErrorStream(true)
            .start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, child.waitFor(), output);

    Map<String, Long> figures = new HashMap<>();
    output
        .lines()
        .filter(line -> line.matches("[a-z]+=\\d+"))
        .forEach(line -> figures.put(line.split("=")[0], Long.parseLong(line.split("=")[1])));
    assertEquals(ROWS, figures.get("rows"), output);
    assertTrue(figures.get("bytes") > ROWS * 20, output);
    long growth = figures.get("late") - figures.get("early");
    assertTrue(growth < ALLOWED_GROWTH, format + " heap grew by " + growth + " bytes: " + output);
  }
}
