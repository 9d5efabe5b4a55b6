package org.concord.report.export;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.concord.report.export.StudyExports.Export;
import org.concord.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A study's data, ready for R, SPSS and Excel: CSV (RFC 4180, UTF-8, a header row), one workbook,
 * and the codebook. Everything is pseudonymous; only the identity map names people.
 */
@Path("/api/studies/{id}/exports")
@RolesAllowed({Role.COORDINATOR, Role.ANALYST})
@Tag(name = "Report", description = "The consensus report and the data exports")
public class ExportResource {

  static final String CSV = "text/csv; charset=UTF-8";
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  @Inject StudyExports exports;

  @GET
  @Path("/ratings.csv")
  @Produces(CSV)
  @Operation(summary = "Every submitted rating, one row each (long format), pseudonymous")
  public Response ratings(@PathParam("id") long studyId) {
    return csv(studyId, Export.RATINGS);
  }

  @GET
  @Path("/item-results.csv")
  @Produces(CSV)
  @Operation(
      summary = "One row per statement per round per group, every statistic at full precision")
  public Response itemResults(@PathParam("id") long studyId) {
    return csv(studyId, Export.ITEM_RESULTS);
  }

  @GET
  @Path("/comments.csv")
  @Produces(CSV)
  @Operation(summary = "Every comment, without who wrote it")
  public Response comments(@PathParam("id") long studyId) {
    return csv(studyId, Export.COMMENTS);
  }

  @GET
  @Path("/participation.csv")
  @Produces(CSV)
  @Operation(summary = "One row per panelist per round invited, pseudonymous")
  public Response participation(@PathParam("id") long studyId) {
    return csv(studyId, Export.PARTICIPATION);
  }

  @GET
  @Path("/codebook.csv")
  @Produces(CSV)
  @Operation(summary = "Every column of every export: meaning, type and allowed values")
  public Response codebook(@PathParam("id") long studyId) {
    exports.requireStudy(studyId);
    StreamingOutput body = out -> exports.codebook(studyId, out);
    return attachment(body, CSV, "concord-study-" + studyId + "-codebook.csv");
  }

  @GET
  @Path("/workbook.xlsx")
  @Produces(XLSX)
  @Operation(summary = "Ratings, item results, comments, participation and the codebook as sheets")
  public Response workbook(@PathParam("id") long studyId) {
    exports.requireStudy(studyId);
    StreamingOutput body = out -> exports.workbook(studyId, out);
    return attachment(body, XLSX, "concord-study-" + studyId + ".xlsx");
  }

  @GET
  @Path("/identity-map.csv")
  @Produces(CSV)
  @RolesAllowed(Role.COORDINATOR)
  @Operation(
      summary = "Pseudonym to name and email: coordinators only; keep it apart from the data")
  public Response identityMap(@PathParam("id") long studyId) {
    return csv(studyId, Export.IDENTITY_MAP);
  }

  private Response csv(long studyId, Export export) {
    exports.requireStudy(studyId);
    StreamingOutput body = out -> exports.csv(studyId, export, out);
    return attachment(body, CSV, "concord-study-" + studyId + "-" + export.file + ".csv");
  }

  private static Response attachment(StreamingOutput body, String type, String file) {
    return Response.ok(body, type)
        .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
        .header("Cache-Control", "no-store")
        .build();
  }
}
