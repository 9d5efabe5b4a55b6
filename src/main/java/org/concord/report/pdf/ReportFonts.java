package org.concord.report.pdf;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's font, DejaVu Sans, shipped in the application (resources {@code report/fonts/}, with
 * its licence) so that a PDF never depends on the fonts of the machine it is made on. The 14
 * standard PDF fonts lack letters such as Welsh ŵ and ŷ; DejaVu covers them and typographic quotes
 * and dashes.
 *
 * <p>The faces are copied once to a temporary folder because Batik, which draws inline SVG, takes
 * fonts only as files; the page text uses the same files.
 */
final class ReportFonts {

  static final String FAMILY = "DejaVu Sans";

  private record Face(String file, int weight, FontStyle style) {}

  private static final List<Face> FACES =
      List.of(
          new Face("DejaVuSans.ttf", 400, FontStyle.NORMAL),
          new Face("DejaVuSans-Bold.ttf", 700, FontStyle.NORMAL),
          new Face("DejaVuSans-Oblique.ttf", 400, FontStyle.ITALIC),
          new Face("DejaVuSans-BoldOblique.ttf", 700, FontStyle.ITALIC));

  private ReportFonts() {}

  /** Registers every face for page text, SVG text, and as the last fallback of any other font. */
  static void register(PdfRendererBuilder builder) {
    Extracted.FILES.forEach(
        (face, file) ->
            builder.useFont(
                file,
                FAMILY,
                face.weight(),
                face.style(),
                true,
                EnumSet.of(
                    FSFontUseCase.DOCUMENT, FSFontUseCase.SVG, FSFontUseCase.FALLBACK_FINAL)));
  }

  /** Copied on first use, once per JVM. */
  private static final class Extracted {
    static final Map<Face, File> FILES = extract();

    private static Map<Face, File> extract() {
      try {
        Path folder = Files.createTempDirectory("concord-report-fonts");
        folder.toFile().deleteOnExit();
        Map<Face, File> files = new LinkedHashMap<>();
        for (Face face : FACES) {
          Path target = folder.resolve(face.file());
          try (InputStream in =
              ReportFonts.class.getResourceAsStream("/report/fonts/" + face.file())) {
            if (in == null) {
              throw new IllegalStateException("Font missing from the application: " + face.file());
            }
            Files.copy(in, target);
          }
          target.toFile().deleteOnExit();
          files.put(face, target.toFile());
        }
        return files;
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot copy the report fonts to a temporary folder", e);
      }
    }
  }
}
