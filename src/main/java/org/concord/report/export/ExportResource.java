package org.concord.report.export;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
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

  static final String CSV = ExportDownloads.CSV;
  static final String XLSX = ExportDownloads.XLSX;

  @Inject ExportDownloads downloads;

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
    return downloads.codebook(studyId);
  }

  @GET
  @Path("/workbook.xlsx")
  @Produces(XLSX)
  @Operation(summary = "Ratings, item results, comments, participation and the codebook as sheets")
  public Response workbook(@PathParam("id") long studyId) {
    return downloads.workbook(studyId);
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
    return downloads.csv(studyId, export);
  }
}
