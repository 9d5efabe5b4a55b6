package org.concord.guidance;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.concord.common.ConcordException;
import org.concord.common.Page;
import org.concord.common.PageRequest;
import org.concord.guidance.GuidanceViews.ImportSummary;
import org.concord.guidance.GuidanceViews.SectionView;
import org.concord.guidance.GuidanceViews.StatementDetail;
import org.concord.guidance.GuidanceViews.StatementView;
import org.concord.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.COORDINATOR)
@Tag(name = "Guidance", description = "Sections and statements, their versions, and imports")
public class GuidanceResource {

  @Inject GuidanceService service;

  public record SectionRequest(
      @NotBlank @Size(max = GuidanceImporter.MAX_TITLE_LENGTH) String title,
      @Size(max = GuidanceImporter.MAX_INTRODUCTION_LENGTH) String introduction) {}

  public record SectionChange(
      @Size(min = 1, max = GuidanceImporter.MAX_TITLE_LENGTH) String title,
      @Size(max = GuidanceImporter.MAX_INTRODUCTION_LENGTH) String introduction) {}

  public record StatementRequest(
      @NotBlank @Size(max = GuidanceImporter.MAX_STATEMENT_LENGTH) String text,
      @Size(max = GuidanceImporter.MAX_EXTERNAL_ID_LENGTH) String externalId) {}

  public record RewordRequest(
      @NotBlank @Size(max = GuidanceImporter.MAX_STATEMENT_LENGTH) String text,
      @Size(max = 2000) String reason) {}

  public record MoveRequest(
      @NotNull @Schema(description = "UP: one place earlier; DOWN: one place later.")
          Direction direction) {}

  @GET
  @Path("/studies/{id}/sections")
  @RolesAllowed({Role.COORDINATOR, Role.ANALYST})
  @Operation(summary = "A study's sections in order, with their number of statements")
  public Page<SectionView> sections(@PathParam("id") long studyId, @BeanParam PageRequest page) {
    return service.sections(studyId, page.checked());
  }

  @POST
  @Path("/studies/{id}/sections")
  @Operation(summary = "Add a section at the end of the guidance")
  public Response createSection(
      @PathParam("id") long studyId, @Valid @NotNull SectionRequest request) {
    return Response.status(201)
        .entity(service.createSection(studyId, request.title(), request.introduction()))
        .build();
  }

  @GET
  @Path("/sections/{id}")
  @RolesAllowed({Role.COORDINATOR, Role.ANALYST})
  @Operation(summary = "A section")
  public SectionView section(@PathParam("id") long sectionId) {
    return service.section(sectionId);
  }

  @PATCH
  @Path("/sections/{id}")
  @Operation(summary = "Change a section's title or introduction")
  public SectionView updateSection(
      @PathParam("id") long sectionId, @Valid @NotNull SectionChange request) {
    return service.updateSection(sectionId, request.title(), request.introduction());
  }

  @POST
  @Path("/sections/{id}/move")
  @Operation(
      summary = "Move a section one place up or down, before round 1",
      description =
          "Swaps the section with its neighbour. Refused (409) at either end of the guidance and"
              + " once round 1 has opened, when the order is fixed for the rest of the study.")
  public SectionView moveSection(
      @PathParam("id") long sectionId, @Valid @NotNull MoveRequest request) {
    return service.moveSection(sectionId, request.direction());
  }

  @GET
  @Path("/studies/{id}/statements")
  @RolesAllowed({Role.COORDINATOR, Role.ANALYST})
  @Operation(summary = "A study's statements in their current wording, in guidance order")
  public Page<StatementView> statements(
      @PathParam("id") long studyId,
      @Parameter(description = "Only this section's statements") @QueryParam("section")
          Long sectionId,
      @BeanParam PageRequest page) {
    return service.statements(studyId, sectionId, page.checked());
  }

  @POST
  @Path("/sections/{id}/statements")
  @Operation(summary = "Add a statement at the end of a section")
  public Response addStatement(
      @PathParam("id") long sectionId, @Valid @NotNull StatementRequest request) {
    return Response.status(201)
        .entity(service.addStatement(sectionId, request.text(), request.externalId()))
        .build();
  }

  @GET
  @Path("/statements/{id}")
  @RolesAllowed({Role.COORDINATOR, Role.ANALYST})
  @Operation(summary = "A statement with every version it has had and their lineage")
  public StatementDetail statement(@PathParam("id") long statementId) {
    return service.statement(statementId);
  }

  @PATCH
  @Path("/statements/{id}")
  @Operation(summary = "Reword a statement: adds a version, the earlier wording is kept")
  public StatementView reword(
      @PathParam("id") long statementId, @Valid @NotNull RewordRequest request) {
    return service.reword(statementId, request.text(), request.reason());
  }

  @POST
  @Path("/statements/{id}/move")
  @Operation(
      summary = "Move a statement one place up or down within its section, before round 1",
      description =
          "Swaps the statement with its neighbour among the section's statements (removed ones are"
              + " passed over). Refused (409) at either end of the section and once round 1 has"
              + " opened.")
  public StatementView moveStatement(
      @PathParam("id") long statementId, @Valid @NotNull MoveRequest request) {
    return service.moveStatement(statementId, request.direction());
  }

  @DELETE
  @Path("/statements/{id}")
  @Operation(summary = "Take a statement out of the guidance before round 1")
  public Response remove(@PathParam("id") long statementId) {
    service.remove(statementId);
    return Response.noContent().build();
  }

  @POST
  @Path("/studies/{id}/guidance")
  @Consumes({"text/markdown", "text/csv", MediaType.APPLICATION_JSON})
  @RequestBody(
      description =
          "Markdown (## section, paragraphs = introduction, list items = statements), CSV"
              + " (section, statement, optional id; header row optional) or JSON"
              + " ({\"sections\": [{\"title\", \"introduction\", \"statements\": […]}]}),"
              + " UTF-8. All or nothing: any error refuses the whole file.")
  @Operation(summary = "Import guidance from a Markdown, CSV or JSON file")
  public ImportSummary importGuidance(
      @PathParam("id") long studyId,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      byte[] body) {
    GuidanceFormat format =
        GuidanceFormat.ofMediaType(contentType)
            .orElseThrow(
                () ->
                    ConcordException.invalid(
                        "Content-Type", "Send text/markdown, text/csv or application/json."));
    return service.importGuidance(studyId, format, body == null ? new byte[0] : body);
  }
}
