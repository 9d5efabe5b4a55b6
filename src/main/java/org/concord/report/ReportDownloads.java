package org.concord.report;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.concord.report.ReportViews.Report;
import org.concord.report.pdf.PdfRenderer;
import org.concord.web.SecurityHeaders;

/**
 * The consensus report as a response in one of its formats, with its type and file name: the API
 * ({@link ReportResource}) and the console's download links ({@link ReportPages}) answer with the
 * same.
 */
@ApplicationScoped
public class ReportDownloads {

  static final String PDF = "application/pdf";

  @Inject ReportService service;
  @Inject PdfRenderer pdf;

  @CheckedTemplate(basePath = "report")
  static class Templates {
    static native TemplateInstance report(Report report);
  }

  /** The name the report is saved under, before its extension (.html, .pdf, .json). */
  static String file(long studyId) {
    return "concord-study-" + studyId + "-report";
  }

  /** The report as {@code kind}: "html" (to read and print), "pdf" or "json". */
  public Response report(long studyId, String kind, RoutingContext context) {
    Report report = service.build(studyId);
    String file = file(studyId);
    return switch (kind) {
      case "json" ->
          Response.ok(report, MediaType.APPLICATION_JSON_TYPE)
              .header("Content-Disposition", "inline; filename=\"" + file + ".json\"")
              .build();
      case "pdf" -> {
        String html = Templates.report(report).render();
        StreamingOutput body = out -> pdf.render(html, out);
        yield Response.ok(body, PDF)
            .header("Content-Disposition", "attachment; filename=\"" + file + ".pdf\"")
            .build();
      }
      default -> {
        String html = Templates.report(report).render();
        SecurityHeaders.ownPolicy(context, policy(html));
        yield Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
      }
    };
  }

  /**
   * The report is one self-contained file, so its stylesheet is inline; the policy admits that
   * stylesheet by its hash and nothing else: no script, no other style, no request anywhere.
   */
  static String policy(String html) {
    int start = html.indexOf("<style>") + "<style>".length();
    int end = html.indexOf("</style>", start);
    String style = html.substring(start, end);
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(style.getBytes(StandardCharsets.UTF_8));
      return "default-src 'none'; style-src 'sha256-"
          + Base64.getEncoder().encodeToString(digest)
          + "'; img-src data:; frame-ancestors 'none'; form-action 'none'; base-uri 'none'";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
