package org.concord.report.pdf;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgExternalResourceMode;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgScriptMode;
import com.openhtmltopdf.util.XRLog;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;

/**
 * Turns the report's HTML into an A4 PDF: "Page X of Y" in every footer, table heads repeated on
 * each page, no table row split across pages, and the bundled DejaVu Sans ({@link ReportFonts}) so
 * every letter of a statement or comment prints. Inline {@code <svg>} charts are drawn as vectors.
 *
 * <p>The HTML is parsed leniently as HTML5 (jsoup) and handed to openhtmltopdf as a DOM, so a
 * report renders even when it is not well-formed XML: a void tag left open or a stray {@code &} in
 * user text cannot break the PDF. Templates should still escape user text as usual.
 *
 * <p>The PDF is self-contained: the renderer loads nothing from the network or the disk except its
 * fonts, so styles go in a {@code <style>} element and pictures are inline SVG or {@code data:}
 * URIs. The default print styles (resource {@code report/pdf/print.css}) come first in the head, so
 * the template's own styles may override them.
 *
 * <p>The PDF is tagged for screen readers (PDF/UA), which also keeps the 14 standard PDF fonts out
 * of it. For a compliant file the HTML needs a {@code <title>}, a {@code lang}, a {@code <meta
 * name="subject">} (the PDF's description) and an {@code alt} on each picture, inline {@code <svg>}
 * included; openhtmltopdf logs a warning for each one missing.
 */
@ApplicationScoped
public class PdfRenderer {

  private static final String PRINT_CSS = resource("/report/pdf/print.css");

  static {
    XRLog.setLoggerImpl(new PdfLibraryLog());
  }

  /** Writes the PDF to {@code out}, which stays open. */
  public void render(String html, OutputStream out) throws IOException {
    Document parsed = Jsoup.parse(html);
    parsed.head().prependElement("style").appendChild(new DataNode(PRINT_CSS));

    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.usePdfUaAccessibility(true);
    builder.withW3cDocument(W3CDom.convert(parsed), null);
    builder.useSVGDrawer(new BatikSVGDrawer(SvgScriptMode.SECURE, SvgExternalResourceMode.SECURE));
    for (ExternalResourceControlPriority when : ExternalResourceControlPriority.values()) {
      builder.useExternalResourceAccessControl((uri, type) -> isInline(uri), when);
    }
    ReportFonts.register(builder);
    builder.withProducer("Concord");
    builder.toStream(out);
    builder.run();
  }

  private static boolean isInline(String uri) {
    return uri != null && uri.startsWith("data:");
  }

  private static String resource(String name) {
    try (InputStream in = PdfRenderer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("Missing from the application: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
