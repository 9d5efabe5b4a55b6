package org.concord.panel;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;
import org.concord.common.Page;
import org.concord.common.PageRequest;
import org.concord.panel.PanelViews.GroupView;
import org.concord.panel.PanelViews.PanelImportSummary;
import org.concord.panel.PanelViews.PanelistView;
import org.concord.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The panel: stakeholder groups and panelists. Identities are for coordinators only. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.COORDINATOR)
@Tag(name = "Panel", description = "Stakeholder groups, panelists and panel imports")
public class PanelResource {

  @Inject PanelService service;

  public record GroupRequest(@NotBlank @Size(max = PanelImporter.MAX_GROUP_LENGTH) String name) {}

  public record PanelistRequest(
      @NotBlank @Size(max = PanelImporter.MAX_NAME_LENGTH) String name,
      @NotBlank @Size(max = PanelImporter.MAX_EMAIL_LENGTH) String email,
      @NotNull Long groupId,
      Map<String, String> attributes) {}

  public record PanelistChange(
      @Size(min = 1, max = PanelImporter.MAX_NAME_LENGTH) String name,
      @Size(min = 1, max = PanelImporter.MAX_EMAIL_LENGTH) String email,
      Long groupId,
      Map<String, String> attributes,
      @Schema(
              description =
                  "Language tag of the panelist's pages and emails (en, cy); empty clears it.")
          String language) {}

  @GET
  @Path("/studies/{id}/groups")
  @RolesAllowed({Role.COORDINATOR, Role.ANALYST})
  @Operation(summary = "Stakeholder groups with their number of active panelists")
  public Page<GroupView> groups(@PathParam("id") long studyId, @BeanParam PageRequest page) {
    return service.groups(studyId, page.checked());
  }

  @POST
  @Path("/studies/{id}/groups")
  @Operation(summary = "Add a stakeholder group")
  public Response createGroup(
      @PathParam("id") long studyId,
      @Valid @NotNull GroupRequest request,
      @Context SecurityContext who) {
    return Response.status(201)
        .entity(service.createGroup(studyId, request.name(), who.getUserPrincipal().getName()))
        .build();
  }

  @PATCH
  @Path("/groups/{id}")
  @Operation(summary = "Rename a stakeholder group")
  public GroupView renameGroup(
      @PathParam("id") long groupId,
      @Valid @NotNull GroupRequest request,
      @Context SecurityContext who) {
    return service.renameGroup(groupId, request.name(), who.getUserPrincipal().getName());
  }

  @GET
  @Path("/studies/{id}/panelists")
  @Operation(
      summary =
          "Panelists with their status in each round, optionally searched and filtered by group,"
              + " panel status or status in one round")
  public Page<PanelistView> panelists(
      @PathParam("id") long studyId,
      @Parameter(description = "Part of a name or email address, in any case.") @QueryParam("q")
          String q,
      @QueryParam("group") Long groupId,
      @QueryParam("status") PanelistStatus status,
      @Parameter(description = "A round's number; needs roundStatus.") @QueryParam("round")
          Integer round,
      @Parameter(
              description =
                  "The status in that round; NOT_SUBMITTED means invited and neither submitted"
                      + " nor withdrawn.")
          @QueryParam("roundStatus")
          RoundStatus roundStatus,
      @BeanParam PageRequest page) {
    return service.panelists(
        studyId, new PanelFilter(q, groupId, status, round, roundStatus), page.checked());
  }

  @POST
  @Path("/studies/{id}/panelists")
  @Operation(summary = "Add one panelist")
  public Response addPanelist(
      @PathParam("id") long studyId,
      @Valid @NotNull PanelistRequest request,
      @Context SecurityContext who) {
    PanelistView created =
        service.addPanelist(
            studyId,
            request.name(),
            request.email(),
            request.groupId(),
            request.attributes(),
            who.getUserPrincipal().getName());
    return Response.status(201).entity(created).build();
  }

  @GET
  @Path("/panelists/{id}")
  @Operation(summary = "A panelist")
  public PanelistView panelist(@PathParam("id") long id) {
    return service.panelist(id);
  }

  @PATCH
  @Path("/panelists/{id}")
  @Operation(summary = "Change a panelist's name, email, group or attributes")
  public PanelistView updatePanelist(
      @PathParam("id") long id,
      @Valid @NotNull PanelistChange request,
      @Context SecurityContext who) {
    if (request.language() != null) {
      service.setLanguage(id, request.language(), who.getUserPrincipal().getName());
    }
    return service.updatePanelist(
        id,
        request.name(),
        request.email(),
        request.groupId(),
        request.attributes(),
        who.getUserPrincipal().getName());
  }

  @POST
  @Path("/panelists/{id}/withdraw")
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Withdraw a panelist: never contacted again, earlier answers kept")
  public PanelistView withdraw(@PathParam("id") long id, @Context SecurityContext who) {
    return service.withdraw(id, who.getUserPrincipal().getName());
  }

  @POST
  @Path("/panelists/{id}/link")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary =
          "Reissue a panelist's personal link: the old one stops working, the new one is emailed")
  public PanelistView reissueLink(@PathParam("id") long id, @Context SecurityContext who) {
    return service.reissueLink(id, who.getUserPrincipal().getName());
  }

  @POST
  @Path("/studies/{id}/panel")
  @Consumes("text/csv")
  @RequestBody(
      description =
          "UTF-8 CSV with a header row naming name, email and group in any order; other columns"
              + " are kept as attributes. All or nothing.")
  @Operation(summary = "Import panelists from a CSV file (a spreadsheet export)")
  public PanelImportSummary importPanel(
      @PathParam("id") long studyId, byte[] body, @Context SecurityContext who) {
    return service.importPanel(
        studyId, body == null ? new byte[0] : body, who.getUserPrincipal().getName());
  }
}
