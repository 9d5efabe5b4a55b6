package org.concord.report;

import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.concord.common.ConcordException;
import org.concord.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The consensus report: the same content as JSON, HTML or PDF, chosen by the Accept header. */
@Path("/api/studies/{id}/report")
@RolesAllowed({Role.COORDINATOR, Role.ANALYST})
@Tag(name = "Report", description = "The consensus report and the data exports")
public class ReportResource {

  static final String PDF = ReportDownloads.PDF;

  @Inject ReportDownloads downloads;

  @GET
  @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON, PDF})
  @Operation(
      summary = "The consensus report as HTML (default), PDF or JSON, by the Accept header",
      description =
          "?format=html|pdf|json overrides the Accept header, for a link. The JSON carries every"
              + " number at full precision; HTML and PDF round them as the report says.")
  public Response report(
      @PathParam("id") long studyId,
      @QueryParam("format") String format,
      @HeaderParam(HttpHeaders.ACCEPT) String accept,
      @Context RoutingContext context) {
    return downloads.report(studyId, kind(format, accept), context);
  }

  /** The format asked for: ?format= first, else the first of Accept that we serve. */
  static String kind(String format, String accept) {
    if (format != null) {
      String f = format.strip().toLowerCase(Locale.ROOT);
      if (!f.equals("html") && !f.equals("pdf") && !f.equals("json")) {
        throw ConcordException.invalid("format", "The format must be html, pdf or json.");
      }
      return f;
    }
    if (accept == null || accept.isBlank()) {
      return "html";
    }
    String best = null;
    double bestQuality = 0;
    for (String part : accept.split(",")) {
      String[] pieces = part.split(";");
      String type = pieces[0].strip().toLowerCase(Locale.ROOT);
      double quality = 1;
      for (int i = 1; i < pieces.length; i++) {
        String p = pieces[i].strip();
        if (p.startsWith("q=")) {
          try {
            quality = Double.parseDouble(p.substring(2));
          } catch (NumberFormatException e) {
            quality = 0;
          }
        }
      }
      String kind =
          switch (type) {
            case "text/html", "application/xhtml+xml", "text/*", "*/*" -> "html";
            case PDF -> "pdf";
            case "application/json" -> "json";
            default -> null;
          };
      if (kind != null && quality > bestQuality) {
        best = kind;
        bestQuality = quality;
      }
    }
    return best == null ? "html" : best;
  }
}
